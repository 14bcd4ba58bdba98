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
    /// How many matches a search ranks at most (see `SearchIndexQuery`):
    /// ranking the 75,000 matches of a common word in a large store costs
    /// 100-200 ms.
    static let rankedCandidates = 2_000
    /// Title words weigh four times body words.
    static let titleWeight = 4.0

    /// The best matches, best first.
    private static func bestMatches(_ query: SearchQuery, limit: Int, _ db: Database) throws -> [SearchIndexQuery.Match] {
        try SearchIndexQuery.best(required: query.required, excluded: query.excluded, limit: limit,
                                  candidates: rankedCandidates, titleWeight: titleWeight, db: db)
    }

    /// The articles' rows, in the order of `matches`, with `columns`.
    private static func rows(of matches: [SearchIndexQuery.Match], columns: String, _ db: Database) throws -> [Row] {
        try Row.fetchAll(db, sql: """
            SELECT \(columns) FROM json_each(?) JOIN article ON article.id = json_each.value ORDER BY json_each.key
            """, arguments: [SearchSegments.jsonArray(matches.map(\.article))])
    }

    /// What `meta` says of an index built whole by this analyzer.
    static var completeIndexFact: String { "complete, analyzer \(FrenchAnalyzer.version)" }

    /// Whether `meta` says the index was built whole by this analyzer.
    static func hasCompleteIndex(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_index'") == completeIndexFact
    }

    /// Rebuilds the index when it was not built by this version of the
    /// analyzer (a store made before search existed, before the analyzer
    /// changed, or before the index's own format): terms made otherwise
    /// than a query's would never be found. Runs once: a fact in `meta`
    /// then says the index is complete, so opening a large store costs one
    /// lookup.
    func reindexIfNeeded(before: (Int) -> Void) throws(StoreError) {
        let complete = try read(Self.hasCompleteIndex)
        guard !complete else { return }
        let articles = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 }
        if articles > 0 { before(articles) }
        try write { db in
            // Another process may have rebuilt it while this one waited.
            guard try !Self.hasCompleteIndex(db) else { return }
            try db.execute(sql: """
                DELETE FROM search_doc; DELETE FROM search_block; DELETE FROM search_segment;
                UPDATE search_total SET documents = 0, terms = 0;
                """)
            let insert = try PendingSearchIndex.documentInsert(in: db)
            let rows = try Row.fetchCursor(db, sql: "SELECT id, title, body FROM article")
            while let row = try rows.next() {
                let terms = try SearchTerms(title: row["title"], storedBody: row["body"])
                try searchIndex.add(article: row["id"], terms: terms, insert: insert, db: db)
            }
            try searchIndex.flush(db)
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index', ?)",
                           arguments: [Self.completeIndexFact])
        }
    }

    /// The headlines of the articles matching a query, best first, without
    /// snippets: the list's filter asks at every key typed, for up to 500
    /// rows, and making their snippets (decoding each body) took 200 ms.
    public func searchHeadlines(_ text: String, limit: Int) throws(StoreError) -> [Headline] {
        let query = SearchQuery(text)
        try query.mustSearch()
        return try read { db in
            try Self.rows(of: Self.bestMatches(query, limit: limit, db), columns: """
                article.id, article.title, article.source, article.url, article.published,
                article.published_offset, article.published_has_time, article.is_read
                """, db).map(Self.headline)
        }
    }

    /// Articles matching a query, best first. Words are matched by stem and
    /// without accents; "quoted phrases" must appear as written (up to
    /// stems); -word excludes.
    public func search(_ text: String, limit: Int = 20) throws(StoreError) -> [SearchHit] {
        let query = SearchQuery(text)
        try query.mustSearch()
        let (matches, rows) = try read { db in
            let matches = try Self.bestMatches(query, limit: limit, db)
            return (matches, try Self.rows(of: matches, columns: """
                article.id, article.title, article.source, article.url, article.published,
                article.published_offset, article.published_has_time, article.is_read, article.body
                """, db))
        }
        // Paired by id: a match whose article is gone has no row.
        let ranks = Dictionary(matches.map { ($0.article, $0.rank) }, uniquingKeysWith: { first, _ in first })
        return rows.map { row in
            let body: String = row["body"]
            // The snippet shows the text as the reader will: from the blocks.
            let text = ((try? StoredBody(stored: body).blocks) ?? []).map(\.plainText).joined(separator: "\n")
            return SearchHit(headline: Self.headline(row),
                             snippet: Snippet.make(from: text, matching: query.allTerms),
                             rank: ranks[row["id"]] ?? 0)
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

    /// Throws why there is nothing to search for: no word, or only words
    /// too common to be indexed.
    func mustSearch() throws(StoreError) {
        guard required.isEmpty else { return }
        guard tooCommon.isEmpty else {
            let quoted = tooCommon.map { "« \($0) »" }.joined(separator: ", ")
            let verdict = tooCommon.count == 1 ? "est trop courant pour être cherché" : "sont trop courants pour être cherchés"
            throw StoreError("recherche trop vague : \(quoted) \(verdict) ; ajoutez un mot plus précis")
        }
        throw StoreError("recherche vide : donnez au moins un mot à chercher (les mots précédés de - sont exclus)")
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
