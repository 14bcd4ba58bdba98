import Foundation
import GRDB
import NewsModel

extension NewsStore {
    /// Saves one document's articles and teasers in a single transaction:
    /// the document lands whole or not at all (see `ArticleWriter`).
    @discardableResult
    public func save(articles: [Article], teasers: [Teaser] = [], now: Date = Date()) throws(StoreError) -> SaveOutcome {
        try write { db in
            let writer = try ArticleWriter(db: db, now: now, searchIndex: searchIndex)
            for article in articles { try writer.save(PreparedArticle(article)) }
            for teaser in teasers { try writer.save(teaser) }
            try searchIndex.flush(db)
            return writer.outcome
        }
    }

    /// Imports one document in a single transaction: `body` hands articles
    /// to the writer as it reads them, and the document lands whole or not
    /// at all: whatever `body` throws rolls every article back and is
    /// rethrown as it is (a store failure as a `StoreError`). With a
    /// fingerprint, the document is recorded so that the same bytes are
    /// recognised next time (`unchangedDocument`); it is asked for once the
    /// articles are written, so it can be worked out meanwhile.
    public func importDocument(location: String, fingerprint: @autoclosure () throws -> DocumentFingerprint?,
                               now: Date = Date(), _ body: (ArticleWriter) throws -> Void) throws -> SaveOutcome {
        try commitGroup()
        do {
            return try pool.write { db in
                try searchIndex.discardingOnFailure {
                    let outcome = try importDocument(db, location, fingerprint, now, body)
                    try searchIndex.flush(db)
                    return outcome
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }

    /// `importDocument` into the group of documents under way in a store
    /// under construction, which `commitGroup` (or publishing) commits
    /// whole: the search index then writes its terms out once per group,
    /// not once per document (a hundred small feeds took a tenth longer).
    /// `body` must not fail for the document's sake: hand it a document
    /// already read whole. Any failure rolls the whole group back and is
    /// rethrown, and the store is then best given up on, as after a full
    /// disk; the groups committed before are kept.
    public func importDocumentInGroup(location: String, fingerprint: DocumentFingerprint?, now: Date = Date(),
                                      _ body: (ArticleWriter) throws -> Void) throws -> SaveOutcome {
        precondition(groupsDocuments, "only a store under construction groups its documents")
        do {
            return try pool.writeWithoutTransaction { db in
                if !db.isInsideTransaction { try db.execute(sql: "BEGIN IMMEDIATE") }
                return try searchIndex.discardingOnFailure {
                    try Self.rollingBackOnFailure(db) { try importDocument(db, location, { fingerprint }, now, body) }
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs `body` in the group's open transaction, rolling it back when
    /// `body` throws.
    private static func rollingBackOnFailure<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            try? db.execute(sql: "ROLLBACK")
            throw error
        }
    }

    /// Commits the group of documents under way, if any.
    public func commitGroup() throws(StoreError) {
        guard groupsDocuments else { return }
        do {
            try pool.writeWithoutTransaction { db in
                guard db.isInsideTransaction else { return }
                try searchIndex.discardingOnFailure { try Self.rollingBackOnFailure(db) { try searchIndex.flush(db) } }
                try db.execute(sql: "COMMIT")
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    private func importDocument(_ db: Database, _ location: String,
                                _ fingerprint: () throws -> DocumentFingerprint?, _ now: Date,
                                _ body: (ArticleWriter) throws -> Void) throws -> SaveOutcome {
        // A bigger page cache while the document's rows go in: most pages of
        // the indexes of a 100,000-item feed then stay in memory. 16 MB
        // rather than 32: every megabyte the process touches for the first
        // time is zeroed by the kernel (on this machine, about 2 ms each),
        // and the pages the larger cache kept were few of those read again.
        // Interleaved runs: a feed of 100,000 items 3.10 → 2.92 s, 100 feeds
        // of 1,000 items 2.89 → 2.43 s, peak memory 122 → 105 MB.
        try db.execute(sql: "PRAGMA cache_size = -16384")
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
        let writer = try ArticleWriter(db: db, now: now, searchIndex: searchIndex)
        try body(writer)
        if let fingerprint = try fingerprint() {
            let outcome = writer.outcome
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO document (location, size, hash, articles, imported_at)
                VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [location, fingerprint.size, Int64(bitPattern: fingerprint.hash),
                                         outcome.added + outcome.updated + outcome.unchanged,
                                         now.timeIntervalSince1970])
        }
        return writer.outcome
    }

    /// Runs a batch of imports with the store's automatic checkpoints off,
    /// and one checkpoint at the end: SQLite otherwise copies the journal
    /// into the database (and waits for the disk) after every document once
    /// it passes 4 MB, a hundred times for a hundred feeds. Each document
    /// still commits on its own; a crash leaves a longer journal, which the
    /// next opening of the store checkpoints.
    /// (Only an optimisation: a store that refuses it imports all the same.)
    public func withBulkImport<T>(_ body: () throws -> T) rethrows -> T {
        try? pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        defer {
            try? pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
                _ = try db.checkpoint(.passive)
            }
        }
        return try body()
    }

    /// The raw hashes of the items already stored from `location`: an item
    /// whose raw hash is among them was built into exactly the stored
    /// article, and can be counted unchanged without being built again.
    /// (Two items of one feed with the same identity but different content
    /// are the exception: the last one imported wins, and on the next import
    /// the first one's hash is no longer stored, so it is rebuilt and wins.)
    public func knownRawHashes(from location: String) throws(StoreError) -> Set<UInt64> {
        try read { db in
            var hashes = Set<UInt64>()
            let cursor = try Int64.fetchCursor(db, sql: """
                SELECT raw_hash FROM article WHERE origin_location = ? AND raw_hash IS NOT NULL
                """, arguments: [location])
            while let hash = try cursor.next() { hashes.insert(UInt64(bitPattern: hash)) }
            return hashes
        }
    }

    /// How many articles the document at `location` held, when it was last
    /// imported with exactly these bytes; nil when it never was, or changed.
    ///
    /// Skipping such a document keeps what it would have left: its articles,
    /// their read state and flags. (An article it shares with a document
    /// imported later keeps that later version, where importing the old
    /// bytes again used to put the old version back.)
    public func unchangedDocument(location: String, fingerprint: DocumentFingerprint) throws(StoreError) -> Int? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT size, hash, articles FROM document WHERE location = ?",
                                             arguments: [location]),
                  row["size"] == fingerprint.size, row["hash"] == Int64(bitPattern: fingerprint.hash) else {
                return nil
            }
            return row["articles"] as Int
        }
    }
}
