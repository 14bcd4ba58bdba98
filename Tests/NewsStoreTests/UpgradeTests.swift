import GRDB
import NewsModel
import SQLiteSettings
import XCTest
@testable import NewsStore

/// A store written by the previous version, whose search index kept a copy
/// of the analysed text (schema v7), opens with this one: the index is
/// made again without the copy, the wait is announced, and the articles
/// are found, and updated, as before.
final class UpgradeTests: StoreTestCase {
    /// The article as row 1, and its terms in the FTS5 index of the
    /// versions before v12.
    private func insert(_ old: PreparedArticle, hash: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO article (identity, guid, title, source, published, published_offset,
                published_has_time, sort_date, categories, body, origin_kind, origin_location,
                content_hash, added_at, updated_at)
            VALUES (?, ?, ?, ?, ?, NULL, 0, ?, ?, ?, ?, ?, ?, 0, 0)
            """, arguments: [old.identity, old.guid, old.title, old.source, old.published, old.published,
                             old.categories, old.body, old.originKind, old.originLocation, hash])
        try db.execute(sql: "INSERT INTO article_search (rowid, title, body) VALUES (1, ?, ?)",
                       arguments: [old.searchTerms.title, old.searchTerms.body])
    }

    func testAStoreWhoseIndexKeptItsTextIsUpgradedAndStaysSearchable() throws {
        let old = PreparedArticle(article("Les élections à Fès", guid: "1", body: "Le scrutin municipal approche."))
        do {
            let queue = try DatabaseQueue(path: storePath)
            try Migrations.migrator.migrate(queue, upTo: "v7: unchanged input is recognised")
            try queue.write { db in
                // As v7 stored it: the analysed text, kept by the index.
                try insert(old, hash: old.legacyContentHash, db)
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('search_index', 'complete')")
            }
        }

        var told: [Int] = []
        let store = try NewsStore(path: storePath, beforeReindex: { told.append($0) })
        XCTAssertEqual(told, [1])
        XCTAssertEqual(try store.search("élection").count, 1)
        XCTAssertEqual(try store.search("scrutin").count, 1)
        XCTAssertEqual(try store.integrityProblems(), [])

        // The article changed after the rebuild is found by its new terms only.
        let outcome = try store.save(articles: [article("Les élections à Fès", guid: "1", body: "Le dépouillement a commencé.")])
        XCTAssertEqual(outcome.updated, 1)
        XCTAssertEqual(try store.search("scrutin").count, 0)
        XCTAssertEqual(try store.search("dépouillement").count, 1)
        XCTAssertEqual(try store.articleCount(), 1)
    }

    /// A store of the version before (schema v11: an FTS5 index cut by
    /// kiosque's tokenizer) opens with this one: the old index is dropped,
    /// kiosque's own made, the wait announced, and the article found.
    func testAStoreWithTheFTS5IndexMovesToKiosquesOwn() throws {
        let old = PreparedArticle(article("Les élections à Fès", guid: "1", body: "Le scrutin municipal approche."))
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { db in _ = kiosque_register_search_tokenizer(db.sqliteConnection) }
            let queue = try DatabaseQueue(path: storePath, configuration: configuration)
            try Migrations.migrator.migrate(queue, upTo: "v11: the read articles indexed, not the unread ones")
            try queue.write { db in
                try insert(old, hash: old.contentHash, db)
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('search_index', ?)",
                               arguments: [NewsStore.completeIndexFact])
            }
        }

        var told: [Int] = []
        let store = try NewsStore(path: storePath, beforeReindex: { told.append($0) })
        XCTAssertEqual(told, [1])
        XCTAssertEqual(try store.search("scrutin").map(\.headline.title), ["Les élections à Fès"])
        XCTAssertEqual(try store.integrityProblems(), [])
        let tables = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE name LIKE 'article_search%'")
        }
        XCTAssertEqual(tables, [], "the FTS5 index and its tables are gone")
    }

    /// Content hashes made before they went eight bytes at a time (FNV-1a's
    /// sixteen digits) still recognise an unchanged article, which then
    /// gets a hash of the new kind; a changed one is still updated.
    func testArticlesHashedTheOldWayAreRecognisedUnchanged() throws {
        let store = try makeStore()
        let kept = article("Marché de Noël à Strasbourg", guid: "1")
        let changed = article("Crue de la Saône", guid: "2")
        try store.save(articles: [kept, changed])
        try store.write { db in
            for item in [kept, changed] {
                let prepared = PreparedArticle(item)
                XCTAssertNotEqual(prepared.contentHash, prepared.legacyContentHash)
                try db.execute(sql: "UPDATE article SET content_hash = ? WHERE identity = ?",
                               arguments: [prepared.legacyContentHash, prepared.identity])
            }
        }
        var renamed = changed
        renamed.title = "Crue de la Saône : alerte levée"
        let outcome = try store.save(articles: [kept, renamed])
        XCTAssertEqual(outcome.unchanged, 1)
        XCTAssertEqual(outcome.updated, 1)
        let hashes = try store.read { db in try String.fetchAll(db, sql: "SELECT content_hash FROM article ORDER BY id") }
        XCTAssertEqual(hashes, [PreparedArticle(kept).contentHash, PreparedArticle(renamed).contentHash])
        XCTAssertEqual(try store.save(articles: [kept, renamed]).unchanged, 2)
    }
}
