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
    /// images or to save teasers never needs its thread and buffers (1.7 MB).
    private var indexer: SearchIndexer?
    /// The segment whose pieces are being written.
    private var segment: SearchSegments.Writer?
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
        let indexer = indexer ?? SearchIndexer()
        self.indexer = indexer
        indexer.add(document: document, terms: terms)
        insert.bind(1, document)
        insert.bind(2, article)
        insert.bind(3, terms.titleTermCount)
        insert.bind(4, terms.bodyTermCount)
        try insert.run()
        documentsAdded += 1
        termsAdded += terms.titleTermCount + terms.bodyTermCount
        // Segments the indexer made of full postings, written as they come.
        for piece in indexer.takeReady() { try write(piece, db) }
    }

    deinit { indexer?.close() }

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
        try indexer?.finish { piece in try write(piece, db) }
    }

    private func write(_ piece: SegmentPiece, _ db: Database) throws {
        if let span = piece.span {
            segment = try SearchSegments.Writer(firstDocument: span.firstDocument, lastDocument: span.lastDocument, in: db)
        }
        guard let segment else { throw SearchSegments.damaged }   // pieces come in order, the first with its span
        try piece.forEachBlock(segment.write)
        if piece.endsSegment {
            try segment.finish()
            self.segment = nil
            try SearchSegments.mergeIfNeeded(db)
        }
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
        indexer?.discard()
        segment = nil
        nextDocument = nil
        documentsAdded = 0
        termsAdded = 0
    }
}
