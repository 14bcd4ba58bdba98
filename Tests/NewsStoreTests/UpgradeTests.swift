import GRDB
import NewsModel
import XCTest
@testable import NewsStore

/// A store written by the previous version, whose search index kept a copy
/// of the analysed text (schema v7), opens with this one: the index is
/// made again without the copy, the wait is announced, and the articles
/// are found, and updated, as before.
final class UpgradeTests: StoreTestCase {
    func testAStoreWhoseIndexKeptItsTextIsUpgradedAndStaysSearchable() throws {
        let old = PreparedArticle(article("Les élections à Fès", guid: "1", body: "Le scrutin municipal approche."))
        do {
            let queue = try DatabaseQueue(path: storePath)
            try Migrations.migrator.migrate(queue, upTo: "v7: unchanged input is recognised")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO article (identity, guid, title, source, published, published_offset,
                        published_has_time, sort_date, categories, body, origin_kind, origin_location,
                        content_hash, added_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, NULL, 0, ?, ?, ?, ?, ?, ?, 0, 0)
                    """, arguments: [old.identity, old.guid, old.title, old.source, old.published, old.published,
                                     old.categories, old.body, old.originKind, old.originLocation, old.legacyContentHash])
                // As v7 stored it: the analysed text, kept by the index.
                try db.execute(sql: "INSERT INTO article_search (rowid, title, body) VALUES (1, ?, ?)",
                               arguments: [old.searchTerms.title, old.searchTerms.body])
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('search_index', 'complete')")
            }
        }

        var told: [Int] = []
        let store = try NewsStore(path: storePath, beforeReindex: { told.append($0) })
        XCTAssertEqual(told, [1])
        XCTAssertEqual(try store.search("élection").count, 1)
        XCTAssertEqual(try store.search("scrutin").count, 1)
        XCTAssertEqual(try store.integrityProblems(), [])

        // The entry made by the rebuild is removed with the terms it was made of.
        let outcome = try store.save(articles: [article("Les élections à Fès", guid: "1", body: "Le dépouillement a commencé.")])
        XCTAssertEqual(outcome.updated, 1)
        XCTAssertEqual(try store.search("scrutin").count, 0)
        XCTAssertEqual(try store.search("dépouillement").count, 1)
        XCTAssertEqual(try store.articleCount(), 1)
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
