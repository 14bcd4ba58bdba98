import Foundation
import GRDB
import NewsModel

extension NewsStore {
    /// The images of an article in reading order, with who flagged them.
    public func images(ofArticle articleID: Int64) throws(StoreError) -> [ImageStatus] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT image.id, image.url FROM article_image
                JOIN image ON image.id = article_image.image_id
                WHERE article_image.article_id = ? ORDER BY article_image.position
                """, arguments: [articleID])
            return try rows.map { row in try Self.status(id: row["id"], url: row["url"], in: db) }
        }
    }

    public func image(id: Int64) throws(StoreError) -> ImageStatus? {
        try read { db in
            guard let url = try String.fetchOne(db, sql: "SELECT url FROM image WHERE id = ?", arguments: [id])
            else { return nil }
            return try Self.status(id: id, url: url, in: db)
        }
    }

    /// Every image that at least one person has flagged, most flagged first.
    public func flaggedImages() throws(StoreError) -> [ImageStatus] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT image.id, image.url FROM image
                WHERE EXISTS (SELECT 1 FROM flag WHERE flag.image_id = image.id)
                ORDER BY (SELECT count(*) FROM flag WHERE flag.image_id = image.id) DESC, image.id
                """)
            return try rows.map { row in try Self.status(id: row["id"], url: row["url"], in: db) }
        }
    }

    /// Records `user`'s flag on an image. Flagging twice counts once: the
    /// primary key (image, user) makes a person's flag unique, even when
    /// several processes flag at the same moment. Reaching the threshold
    /// records the block, in the same transaction.
    @discardableResult
    public func flag(imageID: Int64, user: String, threshold: Int = FlagPolicy.defaultThreshold,
                     now: Date = Date()) throws(StoreError) -> ImageStatus {
        try write { db in
            guard let url = try String.fetchOne(db, sql: "SELECT url FROM image WHERE id = ?", arguments: [imageID])
            else { throw StoreError("aucune image n'a l'identifiant \(imageID) ; « kiosque show ID --json » les donne") }
            try db.execute(sql: """
                INSERT INTO flag (image_id, user, flagged_at) VALUES (?, ?, ?)
                ON CONFLICT(image_id, user) DO NOTHING
                """, arguments: [imageID, user, now.timeIntervalSince1970])
            let status = try Self.status(id: imageID, url: url, in: db)
            if !status.blockRecorded, status.flagCount >= max(1, threshold) {
                try db.execute(sql: "UPDATE image SET blocked_at = ? WHERE id = ? AND blocked_at IS NULL",
                               arguments: [now.timeIntervalSince1970, imageID])
                return try Self.status(id: imageID, url: url, in: db)
            }
            return status
        }
    }

    /// Withdraws `user`'s flag, which is allowed only before the image is
    /// blocked: once enough people agreed, one of them cannot undo it alone.
    @discardableResult
    public func unflag(imageID: Int64, user: String, threshold: Int) throws(StoreError) -> ImageStatus {
        try write { db in
            guard let url = try String.fetchOne(db, sql: "SELECT url FROM image WHERE id = ?", arguments: [imageID])
            else { throw StoreError("aucune image n'a l'identifiant \(imageID) ; « kiosque show ID --json » les donne") }
            let status = try Self.status(id: imageID, url: url, in: db)
            if status.isBlocked(threshold: threshold) {
                throw StoreError("l'image \(imageID) est déjà bloquée : un signalement ne peut plus être retiré")
            }
            guard status.isFlagged(by: user) else {
                throw StoreError("\(user) n'a pas signalé l'image \(imageID) : rien à retirer")
            }
            try db.execute(sql: "DELETE FROM flag WHERE image_id = ? AND user = ?", arguments: [imageID, user])
            return try Self.status(id: imageID, url: url, in: db)
        }
    }

    static func status(id: Int64, url: String, in db: Database) throws -> ImageStatus {
        let flaggers = try String.fetchAll(db, sql: "SELECT user FROM flag WHERE image_id = ? ORDER BY flagged_at, user",
                                           arguments: [id])
        let blocked = try Double.fetchOne(db, sql: "SELECT blocked_at FROM image WHERE id = ?", arguments: [id])
        return ImageStatus(id: id, url: url, flaggers: flaggers, blockRecorded: blocked != nil)
    }
}
