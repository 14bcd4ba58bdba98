import Foundation
import NewsModel
import NewsStore
import XCTest

final class FlagTests: StoreTestCase {
    private let photo = "https://i.example/photo.jpg"

    func testTheSamePhotoInTwoArticlesIsOneImage() throws {
        let store = try makeStore()
        try store.save(articles: [article("Un", images: [photo]), article("Deux", images: [photo])])
        let ids = try store.headlines(limit: 2).map(\.id)
        let first = try store.images(ofArticle: ids[0])
        let second = try store.images(ofArticle: ids[1])
        XCTAssertEqual(first.map(\.id), second.map(\.id))
        try store.flag(imageID: first[0].id, user: "amina")
        XCTAssertEqual(try store.images(ofArticle: ids[1]).first?.flaggers, ["amina"])
    }

    func testEachPersonCountsOnceAndTheThresholdBlocks() throws {
        let store = try makeStore()
        try store.save(articles: [article("Un", images: [photo])])
        let image = try XCTUnwrap(store.images(ofArticle: store.headlines(limit: 1)[0].id).first)
        XCTAssertEqual(try store.flag(imageID: image.id, user: "amina").flagCount, 1)
        XCTAssertEqual(try store.flag(imageID: image.id, user: "amina").flagCount, 1)
        XCTAssertEqual(try store.flag(imageID: image.id, user: "yassine").flagCount, 2)
        let third = try store.flag(imageID: image.id, user: "claire")
        XCTAssertTrue(third.isBlocked(threshold: 3))
        XCTAssertEqual(try store.flaggedImages().map(\.flaggers), [["amina", "yassine", "claire"]])
    }

    func testWithdrawingIsAllowedOnlyBeforeTheBlock() throws {
        let store = try makeStore()
        try store.save(articles: [article("Un", images: [photo])])
        let image = try XCTUnwrap(store.images(ofArticle: store.headlines(limit: 1)[0].id).first)
        try store.flag(imageID: image.id, user: "amina")
        XCTAssertEqual(try store.unflag(imageID: image.id, user: "amina", threshold: 3).flagCount, 0)
        for user in ["amina", "yassine", "claire"] { try store.flag(imageID: image.id, user: user) }
        XCTAssertThrowsError(try store.unflag(imageID: image.id, user: "amina", threshold: 3))
        XCTAssertEqual(try store.image(id: image.id)?.flagCount, 3)
    }

    func testFlagsSurviveReimportingTheArticle() throws {
        let store = try makeStore()
        try store.save(articles: [article("Un", guid: "g", images: [photo], body: "v1")])
        let id = try store.headlines(limit: 1)[0].id
        let image = try XCTUnwrap(store.images(ofArticle: id).first)
        try store.flag(imageID: image.id, user: "amina")
        try store.save(articles: [article("Un", guid: "g", images: [photo], body: "v2")])
        XCTAssertEqual(try store.images(ofArticle: id).first?.flaggers, ["amina"])
    }

    func testABlockReachedUnderOneThresholdHoldsForEverybody() throws {
        let store = try makeStore()
        try store.save(articles: [article("Un", images: [photo])])
        let image = try XCTUnwrap(store.images(ofArticle: store.headlines(limit: 1)[0].id).first)
        try store.flag(imageID: image.id, user: "amina", threshold: 2)
        let blocked = try store.flag(imageID: image.id, user: "yassine", threshold: 2)
        XCTAssertTrue(blocked.blockRecorded)
        // A reader whose config says 5 still sees it blocked, and cannot undo it.
        XCTAssertEqual(try store.image(id: image.id)?.isBlocked(threshold: 5), true)
        XCTAssertThrowsError(try store.unflag(imageID: image.id, user: "amina", threshold: 5))
    }

    func testWithdrawingAFlagYouNeverGaveIsRefused() throws {
        let store = try makeStore()
        try store.save(articles: [article("Un", images: [photo])])
        let image = try XCTUnwrap(store.images(ofArticle: store.headlines(limit: 1)[0].id).first)
        try store.flag(imageID: image.id, user: "amina")
        XCTAssertThrowsError(try store.unflag(imageID: image.id, user: "carol", threshold: 3)) { error in
            XCTAssertTrue("\(error)".contains("rien à retirer"))
        }
        XCTAssertEqual(try store.image(id: image.id)?.flagCount, 1)
    }

    func testFlaggingAnUnknownImageSaysSo() throws {
        let store = try makeStore()
        XCTAssertThrowsError(try store.flag(imageID: 999, user: "amina")) { error in
            XCTAssertTrue("\(error)".contains("aucune image"))
        }
    }
}
