import Foundation
import GRDBSQLite
import NewsModel
import NewsStore
import XCTest

/// `NewsStore.forReading`: what the commands that change nothing open.
final class ReadingOnlyTests: StoreTestCase {
    private func seed() throws {
        let store = try makeStore()
        try store.save(articles: [
            article("Les élections municipales à Fès", guid: "1", body: "Les électeurs ont voté."),
            article("Sport : le Wydad s'impose", guid: "2", body: "Une victoire nette."),
        ])
    }

    private func storeBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: storePath)) }

    func testAStoreIsReadAsItIsAndNothingCanBeWritten() throws {
        try seed()
        let before = try storeBytes()
        let store = try NewsStore.forReading(path: storePath)
        XCTAssertEqual(try store.headlines(limit: 10).map(\.title).sorted(),
                       ["Les élections municipales à Fès", "Sport : le Wydad s'impose"])
        XCTAssertEqual(try store.search("election").map(\.headline.title), ["Les élections municipales à Fès"])
        let id = try XCTUnwrap(try store.headlines(limit: 10).first?.id)
        XCTAssertThrowsError(try store.setRead(articleID: id), "a store opened to read refuses writes")
        XCTAssertEqual(try storeBytes(), before)
    }

    func testAMissingStoreIsMadeAsUsual() throws {
        let store = try NewsStore.forReading(path: storePath)
        XCTAssertEqual(try store.articleCount(), 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: storePath))
    }

    /// A store whose index is not known to be complete (made by an older
    /// version) is opened the usual way, which rebuilds the index first.
    func testAStoreThatNeedsItsIndexRebuiltIsOpenedTheUsualWay() throws {
        try seed()
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open(storePath, &db), SQLITE_OK)
        XCTAssertEqual(sqlite3_exec(db, "DELETE FROM meta WHERE key = 'search_index'", nil, nil, nil), SQLITE_OK)
        sqlite3_close(db)
        var rebuilt: [Int] = []
        let store = try NewsStore.forReading(path: storePath, beforeReindex: { rebuilt.append($0) })
        XCTAssertEqual(rebuilt, [2])
        XCTAssertEqual(try store.search("wydad").map(\.headline.title), ["Sport : le Wydad s'impose"])
        let id = try XCTUnwrap(try store.headlines(limit: 10).first?.id)
        XCTAssertNoThrow(try store.setRead(articleID: id))
    }
}
