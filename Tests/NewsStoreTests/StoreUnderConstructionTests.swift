import Foundation
import NewsModel
@testable import NewsStore
import XCTest

/// A new store is built in a hidden file and appears under its name only
/// when published, whole.
final class StoreUnderConstructionTests: StoreTestCase {
    private func folderContents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testTheStoreAppearsOnlyWhenPublishedWithEverythingSaved() throws {
        let building = try XCTUnwrap(try StoreUnderConstruction.begin(at: storePath))
        try building.store.save(articles: [article("Crue de la Saône", guid: "a"), article("Grève", guid: "b")])
        XCTAssertFalse(FileManager.default.fileExists(atPath: storePath), "nobody sees the store before it is done")
        XCTAssertTrue(try building.publish())
        XCTAssertEqual(try folderContents(), ["kiosque.sqlite"], "the hidden file is gone")

        let store = try makeStore()
        XCTAssertEqual(try store.articleCount(), 2)
        XCTAssertEqual(try store.search("saone").map(\.headline.title), ["Crue de la Saône"])
        XCTAssertEqual(try store.integrityProblems(), [])
    }

    func testAnExistingStoreIsUsedInPlace() throws {
        _ = try makeStore()
        XCTAssertNil(try StoreUnderConstruction.begin(at: storePath))
    }

    /// Another process made the store meanwhile: it is kept as it is, and
    /// the caller is told to import into it.
    func testAStoreMadeMeanwhileIsNotReplaced() throws {
        do {
            let building = try XCTUnwrap(try StoreUnderConstruction.begin(at: storePath))
            try building.store.save(articles: [article("Construit à part", guid: "a")])
            try makeStore().save(articles: [article("Déjà là", guid: "b")])
            XCTAssertFalse(try building.publish())
        }
        XCTAssertEqual(try folderContents().filter { $0.hasPrefix(".") }, [], "the dropped build is removed")
        let store = try makeStore()
        XCTAssertEqual(try store.articleCount(), 1)
        XCTAssertEqual(try store.search("deja").map(\.headline.title), ["Déjà là"])
    }

    /// A build that is dropped (failure, or a store made meanwhile) leaves
    /// nothing behind; one whose process died is removed by the next.
    func testAbandonedBuildsAreRemoved() throws {
        do {
            let building = try XCTUnwrap(try StoreUnderConstruction.begin(at: storePath))
            try building.store.save(articles: [article("Jamais publié", guid: "a")])
        }
        XCTAssertEqual(try folderContents(), [], "dropped without being published")

        let dead = folder.appendingPathComponent(".kiosque.sqlite.building-1999999999").path   // past any pid_max
        let alive = folder.appendingPathComponent(".kiosque.sqlite.building-1").path         // init never dies
        XCTAssertTrue(FileManager.default.createFile(atPath: dead, contents: Data("x".utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: alive, contents: Data("x".utf8)))
        let building = try XCTUnwrap(try StoreUnderConstruction.begin(at: storePath))
        XCTAssertTrue(try building.publish())
        XCTAssertEqual(try folderContents(), [".kiosque.sqlite.building-1", "kiosque.sqlite"])
    }
}
