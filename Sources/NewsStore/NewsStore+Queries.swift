import Foundation
import GRDB
import NewsModel

extension NewsStore {
    public func articleCount() throws(StoreError) -> Int {
        try read { db in try ArticleRecord.fetchCount(db) }
    }

    public func unreadCount() throws(StoreError) -> Int {
        // All the articles (SQLite counts a table's pages, not its rows)
        // less the read ones, from the partial index `article_read`: a
        // count with a condition steps through its rows one by one, and
        // the unread ones were 100,000 after a large import (4 ms, at each
        // page of the list); the read ones are those a person has read.
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM article) - (SELECT count(*) FROM article WHERE is_read = 1)
                """) ?? 0
        }
    }

    public func teaserCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM teaser") ?? 0 }
    }

    /// One page of headlines, newest first. Only the columns a list shows are
    /// read, and the index on (sort_date, id) serves the order and the page.
    ///
    /// With `total` (the article count) a page past the middle is read from
    /// the oldest end, backwards: an OFFSET walks every row it skips, and
    /// End on 100,000 headlines would walk them all.
    public func headlines(offset: Int = 0, limit: Int, total: Int? = nil) throws(StoreError) -> [Headline] {
        let offset = max(0, offset), limit = max(0, limit)
        if let total, offset > total / 2, offset < total {
            let end = min(total, offset + limit)
            return try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT id, title, source, url, published, published_offset, published_has_time, is_read
                    FROM article ORDER BY sort_date ASC, id ASC LIMIT ? OFFSET ?
                    """, arguments: [end - offset, total - end]).reversed().map(Self.headline)
            }
        }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, title, source, url, published, published_offset, published_has_time, is_read
                FROM article ORDER BY sort_date DESC, id DESC LIMIT ? OFFSET ?
                """, arguments: [limit, offset]).map(Self.headline)
        }
    }

    /// The position of an article in the newest-first order, so that a list
    /// can come back to it.
    public func position(ofArticle id: Int64) throws(StoreError) -> Int? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT sort_date FROM article WHERE id = ?", arguments: [id])
            else { return nil }
            let sortDate: Double = row["sort_date"]
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM article WHERE sort_date > ? OR (sort_date = ? AND id > ?)
                """, arguments: [sortDate, sortDate, id])
        }
    }

    static func headline(_ row: Row) -> Headline {
        let published: Double? = row["published"]
        return Headline(id: row["id"], title: row["title"], source: row["source"], url: row["url"],
                        published: published.map {
                            PublicationDate(instant: Date(timeIntervalSince1970: $0),
                                            utcOffset: row["published_offset"],
                                            hasTime: row["published_has_time"])
                        },
                        isRead: row["is_read"])
    }

    public func article(id: Int64) throws(StoreError) -> Article? {
        let record = try read { db in try ArticleRecord.fetchOne(db, key: id) }
        do {
            return try record?.article()
        } catch {
            throw StoreError("article \(id) illisible dans la base \(path) : \(error)")
        }
    }

    public func setRead(articleID: Int64, _ isRead: Bool = true) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE article SET is_read = ? WHERE id = ?", arguments: [isRead, articleID])
        }
    }

    /// Teasers, the most recently seen page first, each page's band in its
    /// own order.
    public func teasers(offset: Int = 0, limit: Int) throws(StoreError) -> [Teaser] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT title, source, url, origin_location FROM teaser
                ORDER BY last_seen DESC, id ASC LIMIT ? OFFSET ?
                """, arguments: [max(0, limit), max(0, offset)]).map { row in
                Teaser(title: row["title"], source: row["source"], url: row["url"],
                       origin: Origin(kind: .file, location: row["origin_location"]))
            }
        }
    }
}
