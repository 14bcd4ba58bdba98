import GRDB

/// What the search index is owed by the write under way: the terms of the
/// articles written since the last segment, and the change in the counts
/// ranking needs. Written out as a segment before the transaction commits
/// (`flush`), or when it holds enough to make one; forgotten when the
/// transaction rolls back (`discard`).
///
/// A document is one version of an article: an article changed gets a new
/// document, and its old one is struck from `search_doc`, so the postings
/// left in older segments lead nowhere (a search skips them; a merge drops
/// them; until then they count, a little, in how rare a word seems).
final class PendingSearchIndex: @unchecked Sendable {
    // Only touched inside the store's writes, which GRDB runs one at a time
    // (the fetch's threads included): no lock.
    /// Made at the first article written: a store opened to read, to flag
    /// images or to save teasers never needs its buffers (1.7 MB).
    private var postings: PendingPostings?
    private var nextDocument: Int64?
    private var documentsAdded = 0
    private var termsAdded = 0

    /// The statement `add` records a document with, prepared once per
    /// write that adds articles.
    static func documentInsert(in db: Database) throws -> RawStatement {
        try RawStatement("INSERT INTO search_doc (doc, article, title_terms, body_terms) VALUES (?, ?, ?, ?)", in: db)
    }

    /// The article's terms, as a new document (`insert`: `documentInsert`).
    func add(article: Int64, terms: SearchTerms, insert: RawStatement, db: Database) throws {
        guard let document = try nextDocument ?? Int64.fetchOne(db, sql: "SELECT next_document FROM search_total") else {
            throw SearchSegments.damaged
        }
        nextDocument = document + 1
        let postings = postings ?? PendingPostings()
        self.postings = postings
        let counts = postings.add(document: document, title: terms.titleUTF8, titleTokens: terms.titleTokens,
                                  body: terms.bodyUTF8, bodyTokens: terms.bodyTokens)
        insert.bind(1, document)
        insert.bind(2, article)
        insert.bind(3, counts.title)
        insert.bind(4, counts.body)
        try insert.run()
        documentsAdded += 1
        termsAdded += counts.title + counts.body
        if postings.isFull { try flush(db) }
    }

    /// Strikes the article's document, if it has one.
    func remove(article: Int64, db: Database) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT doc, title_terms + body_terms AS terms FROM search_doc WHERE article = ?
            """), arguments: [article]) else { return }
        try db.cachedStatement(sql: "DELETE FROM search_doc WHERE doc = ?").execute(arguments: [row["doc"]])
        documentsAdded -= 1
        termsAdded -= row["terms"] as Int
    }

    /// Writes the pending terms out as a segment, merging segments if need
    /// be, and the counts.
    func flush(_ db: Database) throws {
        if let next = nextDocument {
            try db.execute(sql: """
                UPDATE search_total SET next_document = ?, documents = documents + ?, terms = terms + ?
                """, arguments: [next, documentsAdded, termsAdded])
        } else if documentsAdded != 0 || termsAdded != 0 {
            try db.execute(sql: "UPDATE search_total SET documents = documents + ?, terms = terms + ?",
                           arguments: [documentsAdded, termsAdded])
        }
        documentsAdded = 0
        termsAdded = 0
        nextDocument = nil
        guard let postings, !postings.isEmpty else { return }
        let writer = try SearchSegments.Writer(firstDocument: postings.documents.first!,
                                               lastDocument: postings.documents.last!, in: db)
        try postings.forEachTermInOrder { term, documents, bytes in
            try writer.add(term: term, documents: documents, postings: bytes)
        }
        try writer.finish()
        postings.reset()
        try SearchSegments.mergeIfNeeded(db)
    }

    /// Runs `body`, part of a write; when it throws, the transaction rolls
    /// back and what it left pending is forgotten. (Still inside the write:
    /// no other write can be using the pending terms.)
    func discardingOnFailure<T>(_ body: () throws -> T) rethrows -> T {
        do {
            return try body()
        } catch {
            discard()
            throw error
        }
    }

    /// Forgets everything pending: the transaction rolled back.
    func discard() {
        postings?.reset()
        nextDocument = nil
        documentsAdded = 0
        termsAdded = 0
    }
}
