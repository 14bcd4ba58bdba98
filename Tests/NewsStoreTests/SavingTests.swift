import Foundation
import NewsModel
import NewsStore
import XCTest

final class SavingTests: StoreTestCase {
    func testSavedArticleReadsBackWhole() throws {
        let store = try makeStore()
        let original = article("Élections à Fès", guid: "g1", images: ["https://i.example/1.jpg"])
        let outcome = try store.save(articles: [original])
        XCTAssertEqual(outcome.added, 1)
        let id = try XCTUnwrap(store.headlines(limit: 1).first?.id)
        var back = try XCTUnwrap(store.article(id: id))
        XCTAssertEqual(back.id, id)
        back.id = nil
        XCTAssertEqual(back, original)
    }

    func testReimportingTheSameArticleNeverDuplicates() throws {
        let store = try makeStore()
        try store.save(articles: [article("Un"), article("Deux")])
        let again = try store.save(articles: [article("Un"), article("Deux")])
        XCTAssertEqual(again.added, 0)
        XCTAssertEqual(again.unchanged, 2)
        XCTAssertEqual(try store.articleCount(), 2)
    }

    func testChangedArticleIsUpdatedInPlaceKeepingIdAndReadState() throws {
        let store = try makeStore()
        try store.save(articles: [article("Un", guid: "g", body: "version 1")])
        let id = try XCTUnwrap(store.headlines(limit: 1).first?.id)
        try store.setRead(articleID: id)
        let outcome = try store.save(articles: [article("Un (mis à jour)", guid: "g", body: "version 2")])
        XCTAssertEqual(outcome.updated, 1)
        XCTAssertEqual(try store.articleCount(), 1)
        let back = try XCTUnwrap(store.article(id: id))
        XCTAssertEqual(back.title, "Un (mis à jour)")
        XCTAssertEqual(back.blocks.first, .paragraph("version 2"))
        XCTAssertTrue(back.isRead)
    }

    func testHeadlinesArePagedNewestFirst() throws {
        let store = try makeStore()
        try store.save(articles: (1...25).map { article("Article \($0)", day: $0) })
        let first = try store.headlines(offset: 0, limit: 10)
        let third = try store.headlines(offset: 20, limit: 10)
        XCTAssertEqual(first.map(\.title), (16...25).reversed().map { "Article \($0)" })
        XCTAssertEqual(third.map(\.title), (1...5).reversed().map { "Article \($0)" })
        XCTAssertEqual(try store.position(ofArticle: first[3].id), 3)
        XCTAssertEqual(try store.unreadCount(), 25)
    }

    func testTheUnreadCountFollowsWhatIsReadAndUnreadAgain() throws {
        let store = try makeStore()
        try store.save(articles: (1...25).map { article("Article \($0)", day: $0) })
        let ids = try store.headlines(offset: 0, limit: 25).map(\.id)
        for id in ids.prefix(3) { try store.setRead(articleID: id) }
        try store.setRead(articleID: ids[0])   // twice: still one article
        XCTAssertEqual(try store.unreadCount(), 22)
        try store.setRead(articleID: ids[1], false)
        XCTAssertEqual(try store.unreadCount(), 23)
        try store.save(articles: [article("Article 26", day: 26)])
        XCTAssertEqual(try store.unreadCount(), 24)
        XCTAssertEqual(try store.articleCount(), 26)
    }

    func testTeasersAreStoredOnce() throws {
        let store = try makeStore()
        let origin = Origin(kind: .file, location: "page.txt")
        let teasers = [Teaser(title: "Classement FIFA", origin: origin), Teaser(title: "Bourse de Casablanca", origin: origin)]
        XCTAssertEqual(try store.save(articles: [], teasers: teasers).teasersAdded, 2)
        let again = try store.save(articles: [], teasers: teasers)
        XCTAssertEqual(again.teasersAdded, 0)
        XCTAssertEqual(again.teasersSeen, 2)
        XCTAssertEqual(try store.teaserCount(), 2)
    }

    func testStoreUsesWALSoReadersAndAWriterShareTheFile() throws {
        _ = try makeStore()
        // The journal mode is written in the file's header, for every process to see.
        let header = try XCTUnwrap(FileHandle(forReadingAtPath: storePath)).readData(ofLength: 20)
        // Bytes 18 and 19 of the SQLite header are 2 in WAL mode.
        XCTAssertEqual(header[18], 2)
        XCTAssertEqual(header[19], 2)
    }

    func testDefaultPathFollowsXDGAndTheEnvironmentVariable() {
        XCTAssertEqual(NewsStore.defaultPath(environment: ["KIOSQUE_STORE": "/tmp/a.sqlite", "HOME": "/h"]), "/tmp/a.sqlite")
        XCTAssertEqual(NewsStore.defaultPath(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]), "/x/kiosque/kiosque.sqlite")
        XCTAssertEqual(NewsStore.defaultPath(environment: ["HOME": "/h"]), "/h/.local/share/kiosque/kiosque.sqlite")
    }

    func testAFileThatIsNotADatabaseGivesAClearError() throws {
        try Data("ceci n'est pas une base".utf8 + [UInt8](repeating: 7, count: 200)).write(to: URL(fileURLWithPath: storePath))
        XCTAssertThrowsError(try makeStore()) { error in
            XCTAssertTrue("\(error)".contains("n'est pas une base kiosque valide"), "\(error)")
        }
    }
}
