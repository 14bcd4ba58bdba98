import Foundation
import GRDB
import GRDBSQLite
import NewsModel

/// Writes articles inside one transaction, each statement prepared once
/// and reused (SQLite spends as long compiling a small statement as
/// running it); the statements every new article runs go through SQLite's
/// own calls (see `RawStatement`). An article already stored (same
/// identity) is updated in place, keeping its id, read state and the flags
/// on its images; an unchanged one is not rewritten.
public final class ArticleWriter {
    private let db: Database
    private let now: Double
    public private(set) var outcome = SaveOutcome()

    private let findArticle: RawStatement
    private let insertArticle: RawStatement
    private let insertImage: RawStatement
    private let findImage: RawStatement
    private let linkImage: RawStatement
    private let insertDocument: RawStatement
    private let searchIndex: PendingSearchIndex

    init(db: Database, now: Date, searchIndex: PendingSearchIndex) throws {
        self.db = db
        self.searchIndex = searchIndex
        self.now = now.timeIntervalSince1970
        findArticle = try RawStatement("SELECT id, content_hash, raw_hash FROM article WHERE identity = ?", in: db)
        insertArticle = try RawStatement("""
            INSERT INTO article (identity, guid, url, title, source, published, published_offset,
                published_has_time, sort_date, author, language, categories, body, origin_kind,
                origin_location, is_read, content_hash, raw_hash, added_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
            ON CONFLICT(identity) DO NOTHING
            """, in: db)
        insertImage = try RawStatement("INSERT INTO image (url) VALUES (?) ON CONFLICT(url) DO NOTHING", in: db)
        findImage = try RawStatement("SELECT id FROM image WHERE url = ?", in: db)
        linkImage = try RawStatement("INSERT INTO article_image (article_id, position, image_id) VALUES (?, ?, ?)", in: db)
        insertDocument = try PendingSearchIndex.documentInsert(in: db)
    }

    /// An item recognised from its raw hash (see `NewsStore.knownRawHashes`).
    public func countUnchanged() {
        outcome.unchanged += 1
    }

    public func save(_ article: PreparedArticle) throws {
        let rawHash = article.rawHash.map { Int64(bitPattern: $0) }
        // Most articles are new: the insert finds out in the look-up of the
        // identity index it makes anyway (a query first made it twice).
        try insert(article, rawHash: rawHash)
        if insertArticle.changedRows > 0 {
            let id = insertArticle.lastInsertedRowID
            try linkImages(article.imageURLs, articleID: id)
            try index(article, id: id)
            outcome.added += 1
            return
        }
        findArticle.bind(1, article.identity)
        guard let existing = try findArticle.firstRow({ row in
            (id: sqlite3_column_int64(row, 0),
             contentHash: String(cString: sqlite3_column_text(row, 1)),
             rawHash: sqlite3_column_type(row, 2) == SQLITE_NULL ? nil : sqlite3_column_int64(row, 2))
        }) else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "article neither inserted nor found",
                                sql: findArticle.sql)
        }
        let id = existing.id
        let unchanged = existing.contentHash == article.contentHash
            || (!existing.contentHash.hasPrefix(PreparedArticle.hashPrefix)
                && existing.contentHash == article.legacyContentHash)
        if unchanged {
            // Remember the raw hash so the next import skips it sooner, and
            // renew a hash of the old kind.
            if (rawHash != nil && existing.rawHash != rawHash) || existing.contentHash != article.contentHash {
                try db.cachedStatement(sql: "UPDATE article SET raw_hash = coalesce(?, raw_hash), content_hash = ? WHERE id = ?")
                    .execute(arguments: [rawHash, article.contentHash, id])
            }
            outcome.unchanged += 1
            return
        }
        try db.cachedStatement(sql: """
            UPDATE article SET guid = ?, url = ?, title = ?, source = ?, published = ?, published_offset = ?,
                published_has_time = ?, sort_date = ?, author = ?, language = ?, categories = ?, body = ?,
                origin_kind = ?, origin_location = ?, content_hash = ?, raw_hash = ?, updated_at = ?
            WHERE id = ?
            """).execute(arguments: [
                article.guid, article.url, article.title, article.source, article.published,
                article.publishedOffset, article.publishedHasTime, article.published ?? now, article.author,
                article.language, article.categories, article.body, article.originKind, article.originLocation,
                article.contentHash, rawHash, now, id])
        try db.cachedStatement(sql: "DELETE FROM article_image WHERE article_id = ?").execute(arguments: [id])
        try linkImages(article.imageURLs, articleID: id)
        try searchIndex.remove(article: id, db: db)
        try index(article, id: id)
        outcome.updated += 1
    }

    private func insert(_ article: PreparedArticle, rawHash: Int64?) throws {
        let values = insertArticle
        values.bind(1, article.identity)
        values.bind(2, article.guid)
        values.bind(3, article.url)
        values.bind(4, article.title)
        values.bind(5, article.source)
        values.bind(6, article.published)
        values.bind(7, article.publishedOffset)
        values.bind(8, article.publishedHasTime)
        values.bind(9, article.published ?? now)
        values.bind(10, article.author)
        values.bind(11, article.language)
        values.bind(12, article.categories)
        values.bind(14, article.originKind)
        values.bind(15, article.originLocation)
        values.bind(16, article.contentHash)
        values.bind(17, rawHash)
        values.bind(18, now)
        values.bind(19, now)
        try values.run(utf8: (13, article.storedBody))
    }

    /// Images are rows of their own, keyed by URL, so flags follow the photo
    /// wherever it appears.
    private func linkImages(_ urls: [String], articleID: Int64) throws {
        for (position, url) in urls.enumerated() {
            insertImage.bind(1, url)
            try insertImage.run()
            let imageID: Int64
            if insertImage.changedRows > 0 {
                imageID = insertImage.lastInsertedRowID
            } else {
                findImage.bind(1, url)
                imageID = try findImage.firstRow { sqlite3_column_int64($0, 0) }!
            }
            linkImage.bind(1, articleID)
            linkImage.bind(2, position)
            linkImage.bind(3, imageID)
            try linkImage.run()
        }
    }

    /// A new row id has no search entry yet; an updated article's old entry
    /// was removed just before.
    private func index(_ article: PreparedArticle, id: Int64) throws {
        try searchIndex.add(article: id, terms: article.searchTerms, insert: insertDocument, db: db)
    }

    func save(_ teaser: Teaser) throws {
        let known = try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM teaser WHERE identity = ?"),
                                     arguments: [teaser.identityKey]) != nil
        try db.cachedStatement(sql: """
            INSERT INTO teaser (identity, title, source, url, origin_location, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(identity) DO UPDATE SET last_seen = excluded.last_seen,
                url = coalesce(excluded.url, teaser.url)
            """).execute(arguments: [teaser.identityKey, teaser.title, teaser.source, teaser.url,
                                     teaser.origin.location, now, now])
        if known { outcome.teasersSeen += 1 } else { outcome.teasersAdded += 1 }
    }
}
