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

    /// Documents written in a group share one transaction: a failure rolls
    /// back the group under way and only it; an ordinary write, committing
    /// the group, and publishing keep what was grouped.
    func testGroupedDocumentsLandTogetherOrNotAtAll() throws {
        struct Broken: Error {}
        let building = try XCTUnwrap(try StoreUnderConstruction.begin(at: storePath))
        let store = building.store
        XCTAssertTrue(store.groupsDocuments)
        func importFeed(_ name: String, _ titles: [String], failing: Bool = false) throws {
            _ = try store.importDocumentInGroup(location: name, fingerprint: nil) { writer in
                for title in titles { try writer.save(PreparedArticle(article(title, guid: name + title))) }
                if failing { throw Broken() }
            }
        }
        try importFeed("un.xml", ["Crue de la Saône", "Grève"])
        try importFeed("deux.xml", ["Marché de Noël"])
        try store.commitGroup()
        try importFeed("trois.xml", ["Perdu avec son groupe"])
        XCTAssertThrowsError(try importFeed("quatre.xml", ["Jamais écrit"], failing: true))
        XCTAssertEqual(try store.articleCount(), 3, "the failing group is rolled back whole, the one committed stays")

        try importFeed("cinq.xml", ["Avant une écriture ordinaire"])
        try store.save(articles: [article("Écriture ordinaire", guid: "o")])
        try importFeed("six.xml", ["Gardé à la publication"])
        XCTAssertTrue(try building.publish())

        let published = try makeStore()
        XCTAssertEqual(Set(try published.headlines(offset: 0, limit: 10).map(\.title)),
                       ["Crue de la Saône", "Grève", "Marché de Noël", "Avant une écriture ordinaire",
                        "Écriture ordinaire", "Gardé à la publication"])
        XCTAssertEqual(try published.search("publication").map(\.headline.title), ["Gardé à la publication"])
        XCTAssertEqual(try published.integrityProblems(), [])
    }

    /// Only a store under construction has groups: nobody else may see
    /// half a group, and a store in place has readers.
    func testAStoreInPlaceDoesNotGroupDocuments() throws {
        XCTAssertFalse(try makeStore().groupsDocuments)
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
