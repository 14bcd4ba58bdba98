import Foundation
import NewsModel
import NewsStore
import TestSupport
import XCTest

final class ConcurrencyTests: StoreTestCase {
    /// Several connections (as several processes would be) writing and
    /// flagging at once: nothing is lost and nobody sees "database is locked".
    func testConcurrentWritersLoseNothing() throws {
        _ = try makeStore()
        try makeStore().save(articles: [article("Photo", images: ["https://i.example/p.jpg"])])
        let path = storePath
        let writers = 4
        let perWriter = 30
        let failures = LockedList()
        let batches = (0..<writers).map { writer in
            (0..<perWriter).map { n in article("Écrivain \(writer) n° \(n)") }
        }
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let store = try NewsStore(path: path)
                let imageID = try store.images(ofArticle: store.headlines(offset: 0, limit: 1_000).last!.id)[0].id
                for article in batches[writer] {
                    try store.save(articles: [article])
                    try store.flag(imageID: imageID, user: "personne-\(writer)")
                }
            } catch {
                failures.add("\(error)")
            }
        }
        XCTAssertEqual(failures.values, [])
        let store = try makeStore()
        XCTAssertEqual(try store.articleCount(), 1 + writers * perWriter)
        XCTAssertEqual(try store.flaggedImages().first?.flagCount, writers)
    }
}
