import Foundation
import GRDB
import NewsModel

/// One search hit: the headline, a snippet with the matches marked, and the
/// rank (lower is better).
public struct SearchHit: Sendable, Equatable {
    public var headline: Headline
    public var snippet: String
    public var rank: Double
}

extension NewsStore {
    /// How many matches a search ranks at most (see `search`).
    static let rankedCandidates = 2_000

    /// The best matches, `best(rowid, rank)`, bound to the expression, the
    /// number of candidates and the number wanted. A common word matches
    /// most of a large store, and ranking 75,000 matches costs 100-200 ms:
    /// only the `rankedCandidates` matches stored last are ranked (FTS5
    /// walks its matches from the end cheaply). For any rarer query that is
    /// every match, and the ranking is complete. The best are chosen before
    /// any article is read: joined first, the 2,000 candidates' rows were
    /// all read and sorted with them (with their bodies, 10 of the 14 ms of
    /// searching a common word). Title words weigh four times body words.
    static let bestMatches = """
        (SELECT rowid, rank FROM
           (SELECT rowid, kiosque_rank(article_search, 4.0, 1.0) AS rank FROM article_search
            WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT ?)
         ORDER BY rank LIMIT ?) AS best
        """

    /// What `meta` says of an index built whole by this analyzer.
    static var completeIndexFact: String { "complete, analyzer \(FrenchAnalyzer.version)" }

    /// Whether `meta` says the index was built whole by this analyzer.
    static func hasCompleteIndex(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_index'") == completeIndexFact
    }

    /// Rebuilds the index when it was not built by this version of the
    /// analyzer (a store made before search existed, or before the analyzer
    /// changed): the index keeps no text, so its entries can only be
    /// removed with the terms they were made of, and terms made otherwise
    /// must not stay. Runs once: a fact in `meta` then says the index is
    /// complete, so opening a large store costs one lookup.
    func reindexIfNeeded(before: (Int) -> Void) throws(StoreError) {
        let complete = try read(Self.hasCompleteIndex)
        guard !complete else { return }
        let articles = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 }
        if articles > 0 { before(articles) }
        try write { db in
            // Another process may have rebuilt it while this one waited.
            guard try !Self.hasCompleteIndex(db) else { return }
            try db.execute(sql: "INSERT INTO article_search (article_search) VALUES ('delete-all')")
            let rows = try Row.fetchCursor(db, sql: "SELECT id, title, body FROM article")
            while let row = try rows.next() {
                let terms = try SearchTerms(title: row["title"], bodyJSON: row["body"])
                try db.execute(sql: "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)",
                               arguments: [row["id"], terms.title, terms.body])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index', ?)",
                           arguments: [Self.completeIndexFact])
        }
    }

    /// The headlines of the articles matching a query, best first, without
    /// snippets: the list's filter asks at every key typed, for up to 500
    /// rows, and making their snippets (decoding each body) took 200 ms.
    public func searchHeadlines(_ text: String, limit: Int) throws(StoreError) -> [Headline] {
        let expression = try SearchQuery(text).requiredExpression()
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT article.id, article.title, article.source, article.url, article.published,
                       article.published_offset, article.published_has_time, article.is_read
                FROM \(Self.bestMatches)
                JOIN article ON article.id = best.rowid
                ORDER BY best.rank
                """, arguments: [expression, Self.rankedCandidates, max(0, limit)]).map(Self.headline)
        }
    }

    /// Articles matching a query, best first. Words are matched by stem and
    /// without accents; "quoted phrases" must appear as written (up to
    /// stems); -word excludes.
    public func search(_ text: String, limit: Int = 20) throws(StoreError) -> [SearchHit] {
        let query = SearchQuery(text)
        let expression = try query.requiredExpression()
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT article.id, article.title, article.source, article.url, article.published,
                       article.published_offset, article.published_has_time, article.is_read, article.body,
                       best.rank
                FROM \(Self.bestMatches)
                JOIN article ON article.id = best.rowid
                ORDER BY best.rank
                """, arguments: [expression, Self.rankedCandidates, max(0, limit)])
        }
        return rows.map { row in
            let body: String = row["body"]
            // The snippet shows the text as the reader will: from the blocks.
            let text = ((try? StoredBody(json: body).blocks) ?? []).map(\.plainText).joined(separator: "\n")
            return SearchHit(headline: Self.headline(row),
                             snippet: Snippet.make(from: text, matching: query.allTerms),
                             rank: row["rank"])
        }
    }
}

/// A search as typed: words, "quoted phrases" and -exclusions, each reduced
/// to search terms.
struct SearchQuery {
    var required: [[String]] = []
    var excluded: [[String]] = []
    /// Words and phrases made only of words too common to be indexed
    /// (`FrenchStopWords`), as typed.
    var tooCommon: [String] = []

    init(_ text: String) {
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            rest = rest[start...]
            let negative = rest.hasPrefix("-")
            if negative { rest = rest.dropFirst() }
            let piece: Substring
            if rest.hasPrefix("\"") || rest.hasPrefix("«") {
                let body = rest.dropFirst()
                let end = body.firstIndex(where: { $0 == "\"" || $0 == "»" }) ?? body.endIndex
                piece = body[..<end]
                rest = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
            } else {
                let end = rest.firstIndex(where: { $0.isWhitespace }) ?? rest.endIndex
                piece = rest[..<end]
                rest = rest[end...]
            }
            let typed = String(piece)
            let terms = FrenchAnalyzer.terms(typed)
            guard !terms.isEmpty else {
                if !FrenchAnalyzer.words(typed).isEmpty { tooCommon.append(typed) }
                continue
            }
            if negative { excluded.append(terms) } else { required.append(terms) }
        }
    }

    var allTerms: Set<String> { Set(required.flatMap { $0 }) }

    /// `ftsExpression`, or why there is none: nothing to look for, or only
    /// words too common to be indexed.
    func requiredExpression() throws(StoreError) -> String {
        if let expression = ftsExpression { return expression }
        guard tooCommon.isEmpty else {
            let quoted = tooCommon.map { "« \($0) »" }.joined(separator: ", ")
            let verdict = tooCommon.count == 1 ? "est trop courant pour être cherché" : "sont trop courants pour être cherchés"
            throw StoreError("recherche trop vague : \(quoted) \(verdict) ; ajoutez un mot plus précis")
        }
        throw StoreError("recherche vide : donnez au moins un mot à chercher (les mots précédés de - sont exclus)")
    }

    /// The FTS5 expression, passed as a bound parameter. Terms only hold
    /// letters, digits and apostrophes, and are quoted all the same.
    var ftsExpression: String? {
        guard !required.isEmpty else { return nil }
        func quote(_ terms: [String]) -> String {
            "\"" + terms.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var expression = required.map(quote).joined(separator: " AND ")
        for terms in excluded { expression += " NOT " + quote(terms) }
        return expression
    }
}

/// A window of the text around the first match, with every matching word
/// marked **like this**.
enum Snippet {
    static func make(from text: String, matching terms: Set<String>, radius: Int = 12) -> String {
        // Cut at whitespace scalars, not characters: finding each
        // character's end took most of a search's snippets. ASCII is told
        // apart without Unicode's tables (looking every letter up in them
        // was half of what remained).
        let words = text.unicodeScalars.split(whereSeparator: isSpace).map(String.init)
        guard !words.isEmpty else { return "" }
        // Words are analysed up to the first match, then in the window only.
        func matches(_ i: Int) -> Bool { FrenchAnalyzer.terms(words[i]).contains { terms.contains($0) } }
        let first = words.indices.first(where: matches) ?? 0
        let start = max(0, first - radius / 2)
        let end = min(words.count, start + radius * 2)
        var pieces: [String] = []
        for i in start..<end {
            pieces.append(matches(i) ? "**\(words[i])**" : words[i])
        }
        return (start > 0 ? "… " : "") + pieces.joined(separator: " ") + (end < words.count ? " …" : "")
    }

    /// Unicode's white space, ASCII's found without its tables.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
}
