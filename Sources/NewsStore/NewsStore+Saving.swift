import Foundation
import GRDB
import NewsModel

extension NewsStore {
    /// Saves one document's articles and teasers in a single transaction:
    /// the document lands whole or not at all. An article already stored
    /// (same identity) is updated in place, keeping its id, read state and
    /// the flags on its images; an unchanged one is not rewritten.
    @discardableResult
    public func save(articles: [Article], teasers: [Teaser] = [], now: Date = Date()) throws(StoreError) -> SaveOutcome {
        try write { db in
            var outcome = SaveOutcome()
            for article in articles {
                try save(article, in: db, now: now, outcome: &outcome)
            }
            for teaser in teasers {
                try save(teaser, in: db, now: now, outcome: &outcome)
            }
            return outcome
        }
    }

    private func save(_ article: Article, in db: Database, now: Date, outcome: inout SaveOutcome) throws {
        var record = try ArticleRecord(article, now: now)
        let existing = try Row.fetchOne(db, sql: "SELECT id, content_hash, is_read, added_at FROM article WHERE identity = ?",
                                        arguments: [record.identity])
        guard let existing else {
            try record.insert(db)
            try linkImages(of: article, articleID: record.id!, in: db)
            try index(articleID: record.id!, article: article, in: db)
            outcome.added += 1
            return
        }
        let hash: String = existing["content_hash"]
        if hash == record.contentHash {
            outcome.unchanged += 1
            return
        }
        record.id = existing["id"]
        record.isRead = existing["is_read"]
        record.addedAt = existing["added_at"]
        try record.update(db)
        try db.execute(sql: "DELETE FROM article_image WHERE article_id = ?", arguments: [record.id])
        try linkImages(of: article, articleID: record.id!, in: db)
        try index(articleID: record.id!, article: article, in: db)
        outcome.updated += 1
    }

    /// Images are rows of their own, keyed by URL, so flags follow the photo
    /// wherever it appears.
    private func linkImages(of article: Article, articleID: Int64, in db: Database) throws {
        for (position, image) in article.images.enumerated() {
            try db.execute(sql: "INSERT INTO image (url) VALUES (?) ON CONFLICT(url) DO NOTHING",
                           arguments: [image.url])
            let imageID = try Int64.fetchOne(db, sql: "SELECT id FROM image WHERE url = ?", arguments: [image.url])!
            try db.execute(sql: "INSERT INTO article_image (article_id, position, image_id) VALUES (?, ?, ?)",
                           arguments: [articleID, position, imageID])
        }
    }

    private func save(_ teaser: Teaser, in db: Database, now: Date, outcome: inout SaveOutcome) throws {
        let stamp = now.timeIntervalSince1970
        let known = try Int.fetchOne(db, sql: "SELECT 1 FROM teaser WHERE identity = ?",
                                       arguments: [teaser.identityKey]) != nil
        try db.execute(sql: """
            INSERT INTO teaser (identity, title, source, url, origin_location, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(identity) DO UPDATE SET last_seen = excluded.last_seen,
                url = coalesce(excluded.url, teaser.url)
            """, arguments: [teaser.identityKey, teaser.title, teaser.source, teaser.url,
                             teaser.origin.location, stamp, stamp])
        if known { outcome.teasersSeen += 1 } else { outcome.teasersAdded += 1 }
    }
}
