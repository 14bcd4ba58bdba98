import Foundation
import GRDB
import NewsModel

/// A subscription as the store keeps it, with what the last fetch said.
public struct FeedState: Sendable, Equatable {
    public var url: String
    public var name: String?
    public var etag: String?
    public var lastModified: String?
    public var lastFetch: Date?
    /// "ok", "inchangé" (304) or "erreur"; nil before the first fetch.
    public var status: String?
    public var error: String?
    public var articleCount: Int
    /// Whether summary-only items get their page read (`add --full`).
    public var fullText: Bool
}

extension NewsStore {
    /// Subscribes; a feed already there keeps its state (and gets the name
    /// if it had none). Returns how many were new.
    @discardableResult
    public func addFeeds(_ subscriptions: [Subscription], now: Date = Date()) throws(StoreError) -> Int {
        try write { db in
            var added = 0
            for subscription in subscriptions {
                let known = try Int.fetchOne(db, sql: "SELECT 1 FROM feed WHERE url = ?", arguments: [subscription.url]) != nil
                // A list that asks for full text turns it on; one that does
                // not say leaves the feed's setting as it is.
                try db.execute(sql: """
                    INSERT INTO feed (url, name, added_at, full_text) VALUES (?, ?, ?, ?)
                    ON CONFLICT(url) DO UPDATE SET name = coalesce(feed.name, excluded.name),
                        full_text = max(feed.full_text, excluded.full_text)
                    """, arguments: [subscription.url, subscription.name, now.timeIntervalSince1970, subscription.fullText])
                if !known { added += 1 }
            }
            return added
        }
    }

    /// Unsubscribes a feed named by its address or its name; its articles stay.
    public func removeFeed(_ urlOrName: String) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM feed WHERE url = ? OR name = ?", arguments: [urlOrName, urlOrName])
            return db.changesCount > 0
        }
    }

    /// Turns reading the page of summary-only items on or off for a feed
    /// named by its address or its name; false when there is no such feed.
    public func setFullText(_ on: Bool, forFeed urlOrName: String) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE feed SET full_text = ? WHERE url = ? OR name = ?",
                           arguments: [on, urlOrName, urlOrName])
            return db.changesCount > 0
        }
    }

    /// Which of these articles (by identity) already have their body from
    /// their web page.
    public func identitiesWithFullText(_ identities: [String]) throws(StoreError) -> Set<String> {
        try read { db in
            var found = Set<String>()
            // In slices, under SQLite's limit on bound parameters.
            for start in stride(from: 0, to: identities.count, by: 500) {
                let slice = Array(identities[start..<min(start + 500, identities.count)])
                let marks = Array(repeating: "?", count: slice.count).joined(separator: ", ")
                found.formUnion(try String.fetchAll(db, sql: "SELECT identity FROM article WHERE full_text = 1 AND identity IN (\(marks))",
                                                    arguments: StatementArguments(slice)))
            }
            return found
        }
    }

    /// Records that these articles' bodies come from their web pages.
    public func markFullText(_ identities: [String]) throws(StoreError) {
        guard !identities.isEmpty else { return }
        try write { db in
            for identity in identities {
                try db.execute(sql: "UPDATE article SET full_text = 1 WHERE identity = ?", arguments: [identity])
            }
        }
    }

    public func feeds() throws(StoreError) -> [FeedState] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT feed.*, (SELECT count(*) FROM article WHERE origin_location = feed.url) AS articles
                FROM feed ORDER BY coalesce(name, url) COLLATE NOCASE
                """).map { row in
                FeedState(url: row["url"], name: row["name"], etag: row["etag"], lastModified: row["last_modified"],
                          lastFetch: (row["last_fetch"] as Double?).map { Date(timeIntervalSince1970: $0) },
                          status: row["status"], error: row["error"], articleCount: row["articles"],
                          fullText: row["full_text"])
            }
        }
    }

    /// Records a fetch's outcome. A permanent redirect moves the
    /// subscription (and its articles' origin) to the new address.
    public func recordFetch(url: String, movedTo newURL: String?, etag: String?, lastModified: String?,
                            status: String, error: String?, now: Date = Date()) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE feed SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),
                       last_fetch = ?, status = ?, error = ? WHERE url = ?
                """, arguments: [etag, lastModified, now.timeIntervalSince1970, status, error, url])
            if let newURL, newURL != url,
               try Int.fetchOne(db, sql: "SELECT 1 FROM feed WHERE url = ?", arguments: [newURL]) == nil {
                try db.execute(sql: "UPDATE feed SET url = ? WHERE url = ?", arguments: [newURL, url])
                try db.execute(sql: "UPDATE article SET origin_location = ? WHERE origin_location = ?",
                               arguments: [newURL, url])
            }
        }
    }
}
