import Foundation
import NewsModel
import XCTest
@testable import NewsImport

/// Every fixture imported and compared with what a reader sees, as written
/// down in fixtures/expected.json.
final class FixtureImportTests: XCTestCase {
    private func expectations() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("expected.json"))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(root["files"] as? [String: [String: Any]])
    }

    func testEveryFixtureFileHasAnExpectation() throws {
        let listed = Set(try expectations().keys)
        let enumerator = FileManager.default.enumerator(atPath: Fixtures.root.path)!
        var files = Set<String>()
        for case let path as String in enumerator where !path.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: Fixtures.path(path), isDirectory: &isDirectory),
               !isDirectory.boolValue, path.contains("/") {
                files.insert(path)
            }
        }
        XCTAssertEqual(files, listed)
    }

    func testEveryFixtureImportsAsExpected() throws {
        for (file, expected) in try expectations().sorted(by: { $0.key < $1.key }) {
            check(file, expected)
        }
    }

    private func check(_ file: String, _ expected: [String: Any]) {
        let kind = expected["kind"] as? String
        let result: ImportResult
        do {
            result = try DocumentImporter.importFile(atPath: Fixtures.path(file))
        } catch {
            XCTAssertEqual(kind, "rejected", "\(file) was refused: \(error)")
            if let line = expected["line"] as? Int {
                XCTAssertEqual(error.line, line, "\(file): line of the error")
            }
            return
        }
        if kind == "rejected" {
            if let forbidden = expected["must_not_contain"] as? [String] {
                let text = result.articles.map { ([$0.title] + $0.blocks.map(\.plainText)).joined(separator: "\n") }
                    .joined(separator: "\n")
                for word in forbidden { XCTAssertFalse(text.contains(word), "\(file) leaked \(word)") }
            } else {
                XCTFail("\(file) should have been refused")
            }
            return
        }
        XCTAssertEqual(result.format.rawValue, kind, file)
        let articles = expected["articles"] as? [[String: Any]] ?? []
        XCTAssertEqual(result.articles.count, articles.count, "\(file): article count")
        XCTAssertEqual(result.teasers.count, expected["teasers"] as? Int ?? 0, "\(file): teasers")
        let subscriptions = (expected["subscriptions"] as? [[String: Any]] ?? []).map {
            Subscription(url: $0["url"] as! String, name: $0["name"] as? String)
        }
        XCTAssertEqual(result.subscriptions, subscriptions, "\(file): subscriptions")
        if let titles = expected["teaser_titles"] as? [String] {
            XCTAssertEqual(result.teasers.map(\.title), titles, "\(file): teaser titles")
        }
        for (article, want) in zip(result.articles, articles) {
            let label = "\(file) «\(article.title)»"
            XCTAssertEqual(article.title, want["title"] as? String, label)
            XCTAssertEqual(article.source, want["source"] as? String, label)
            XCTAssertEqual(article.published?.day, want["date"] as? String, "\(label): date")
            if let published = want["published"] as? String {
                XCTAssertEqual(article.published?.iso8601, published, "\(label): published")
            }
            XCTAssertEqual(article.url, want["url"] as? String, "\(label): url")
            if want.keys.contains("author") {
                XCTAssertEqual(article.author, want["author"] as? String, "\(label): author")
            }
            XCTAssertEqual(article.paragraphCount, want["paragraphs"] as? Int, "\(label): paragraphs")
            XCTAssertEqual(Set(article.images.map(\.url)), Set(want["images"] as? [String] ?? []), "\(label): images")
            if let texts = want["paragraph_texts"] as? [String] {
                let paragraphs = article.blocks.compactMap { block -> String? in
                    if case .paragraph(let text) = block { return text }
                    return nil
                }
                XCTAssertEqual(paragraphs, texts, "\(label): paragraph texts")
            }
            for phrase in expected["clutter"] as? [String] ?? [] {
                let text = article.blocks.map(\.plainText).joined(separator: "\n")
                XCTAssertFalse(text.contains(phrase), "\(label): furniture « \(phrase) » kept")
            }
            // Line feeds separate list items and links inside a block; nothing
            // else that a terminal would act on may remain.
            let everything = ([article.title, article.source] + article.blocks.map(\.plainText)).joined()
            XCTAssertFalse(everything.unicodeScalars.contains { $0 != "\n" && TextSanitizer.isUnsafe($0) },
                           "\(label): unsafe characters")
        }
    }
}
