import Foundation
import GRDB
import NewsModel

/// Writes articles inside one transaction, each statement prepared once
/// and reused (SQLite spends as long compiling a small statement as
/// running it). An article already stored (same identity) is updated in
/// place, keeping its id, read state and the flags on its images; an
/// unchanged one is not rewritten.
public final class ArticleWriter {
    private let db: Database
    private let now: Double
    public private(set) var outcome = SaveOutcome()

    init(db: Database, now: Date) {
        self.db = db
        self.now = now.timeIntervalSince1970
    }

    /// An item recognised from its raw hash (see `NewsStore.knownRawHashes`).
    public func countUnchanged() {
        outcome.unchanged += 1
    }

    public func save(_ article: PreparedArticle) throws {
        let rawHash = article.rawHash.map { Int64(bitPattern: $0) }
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, content_hash, raw_hash FROM article WHERE identity = ?"),
            arguments: [article.identity])
        guard let existing else {
            try insert(article, rawHash: rawHash)
            let id = db.lastInsertedRowID
            try linkImages(article.imageURLs, articleID: id)
            try index(article, id: id)
            outcome.added += 1
            return
        }
        let id: Int64 = existing["id"]
        if existing["content_hash"] == article.contentHash {
            // Unchanged; remember the raw hash so the next import skips it sooner.
            if let rawHash, existing["raw_hash"] != rawHash {
                try db.cachedStatement(sql: "UPDATE article SET raw_hash = ? WHERE id = ?")
                    .execute(arguments: [rawHash, id])
            }
            outcome.unchanged += 1
            return
        }
        // The index keeps no text: the entry goes by giving back the terms
        // it was made of, from the article as it is stored.
        let stored = try Row.fetchOne(db.cachedStatement(sql: "SELECT title, body FROM article WHERE id = ?"),
                                      arguments: [id])!
        let oldTerms = try SearchTerms(title: stored["title"], bodyJSON: stored["body"])
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
        try db.cachedStatement(sql: """
            INSERT INTO article_search (article_search, rowid, title, body) VALUES ('delete', ?, ?, ?)
            """).execute(arguments: [id, oldTerms.title, oldTerms.body])
        try index(article, id: id)
        outcome.updated += 1
    }

    private func insert(_ article: PreparedArticle, rawHash: Int64?) throws {
        try db.cachedStatement(sql: """
            INSERT INTO article (identity, guid, url, title, source, published, published_offset,
                published_has_time, sort_date, author, language, categories, body, origin_kind,
                origin_location, is_read, content_hash, raw_hash, added_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
            """).execute(arguments: [
                article.identity, article.guid, article.url, article.title, article.source, article.published,
                article.publishedOffset, article.publishedHasTime, article.published ?? now, article.author,
                article.language, article.categories, article.body, article.originKind, article.originLocation,
                article.contentHash, rawHash, now, now])
    }

    /// Images are rows of their own, keyed by URL, so flags follow the photo
    /// wherever it appears.
    private func linkImages(_ urls: [String], articleID: Int64) throws {
        for (position, url) in urls.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO image (url) VALUES (?) ON CONFLICT(url) DO NOTHING")
                .execute(arguments: [url])
            let imageID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM image WHERE url = ?"),
                                             arguments: [url])!
            try db.cachedStatement(sql: "INSERT INTO article_image (article_id, position, image_id) VALUES (?, ?, ?)")
                .execute(arguments: [articleID, position, imageID])
        }
    }

    /// A new row id has no search entry yet; an updated article's old entry
    /// was removed just before.
    private func index(_ article: PreparedArticle, id: Int64) throws {
        let terms = article.searchTerms
        try db.cachedStatement(sql: "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)")
            .execute(arguments: [id, terms.title, terms.body])
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
