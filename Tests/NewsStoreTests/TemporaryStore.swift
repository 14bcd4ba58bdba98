import Foundation
import NewsModel
import NewsStore
import XCTest

/// A fresh store file in its own temporary folder, removed after the test.
class StoreTestCase: XCTestCase {
    var folder: URL!
    var storePath: String { folder.appendingPathComponent("kiosque.sqlite").path }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiosque-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func makeStore() throws -> NewsStore { try NewsStore(path: storePath) }

    func article(_ title: String, guid: String? = nil, day: Int = 1, images: [String] = [],
                 body: String = "Un paragraphe.") -> Article {
        Article(guid: guid, title: title, source: "Le Quotidien",
                published: PublicationDate(year: 2024, month: 10, day: day),
                blocks: [.paragraph(body)] + images.map { .image(ImageRef(url: $0)) },
                origin: Origin(kind: .file, location: "test"))
    }
}
