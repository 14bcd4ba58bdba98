import Foundation
import NewsModel
import XCTest
@testable import NewsImport

/// Feeds are streamed item by item; these are the cases where streaming
/// could differ from reading the whole feed first.
final class FeedStreamingTests: XCTestCase {
    private let origin = Origin(kind: .file, location: "flux.xml")

    func testAChannelNamedAfterItsItemsRestartsWithTheCompleteChannel() throws {
        let xml = """
            <rss version="2.0"><channel><item><guid>1</guid><title>Un</title></item>
            <item><guid>2</guid><title>Deux</title></item><title>Le Journal tardif</title></channel></rss>
            """
        let bytes = Array(xml.utf8)
        var hint: FeedRestart?
        var emitted = 0
        try bytes.withUnsafeBufferPointer { buffer in
            do {
                _ = try FeedParser.stream(buffer, origin: origin, baseURL: nil, hint: nil) { _ in emitted += 1 }
                XCTFail("the first pass should ask for a restart")
            } catch let restart as FeedRestart {
                hint = restart
            }
            var sources: [String] = []
            _ = try FeedParser.stream(buffer, origin: origin, baseURL: nil, hint: hint) { item in
                sources.append(item.article?.source ?? "?")
            }
            XCTAssertEqual(sources, ["Le Journal tardif", "Le Journal tardif"])
        }
        XCTAssertEqual(emitted, 2)
        // Reading the whole feed does the restart itself.
        XCTAssertEqual(try FeedParser.parse(bytes, origin: origin, baseURL: nil).articles.map(\.source),
                       ["Le Journal tardif", "Le Journal tardif"])
    }

    func testKnownItemsAreNotBuiltAndHashesFollowTheirContent() throws {
        func hashes(_ xml: String, known: Set<UInt64> = []) throws -> [(UInt64, Bool)] {
            var result: [(UInt64, Bool)] = []
            try Array(xml.utf8).withUnsafeBufferPointer { buffer in
                _ = try FeedParser.stream(buffer, origin: origin, baseURL: nil, hint: nil, isKnown: known.contains) {
                    result.append(($0.rawHash, $0.article != nil))
                }
            }
            return result
        }
        let feed = { (second: String) in
            "<rss version=\"2.0\"><channel><title>J</title><item><guid>1</guid><title>Un</title></item>"
                + "<item><guid>2</guid><title>\(second)</title></item></channel></rss>"
        }
        let first = try hashes(feed("Deux"))
        XCTAssertTrue(first.allSatisfy { $0.1 })
        let again = try hashes(feed("Deux"), known: Set(first.map(\.0)))
        XCTAssertEqual(again.map(\.0), first.map(\.0))
        XCTAssertTrue(again.allSatisfy { !$0.1 }, "known items are not built")
        let changed = try hashes(feed("Deux, corrigé"), known: Set(first.map(\.0)))
        XCTAssertEqual(changed[0].0, first[0].0)
        XCTAssertNotEqual(changed[1].0, first[1].0)
        XCTAssertEqual(changed.map(\.1), [false, true])
    }

    /// Every stored property of the raw item fields goes into the raw hash;
    /// a field added to them must be added to `FeedItemHash` too.
    func testTheRawHashCoversEveryField() {
        XCTAssertEqual(Mirror(reflecting: RSSItemFields()).children.count, 17)
        XCTAssertEqual(Mirror(reflecting: AtomEntryFields()).children.count, 14)
    }

    func testAFeedOverTheGeneralLimitIsStreamedNotRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosque-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gros.xml").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("<rss version=\"2.0\"><channel>".utf8)))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(DocumentImporter.maximumFileSize) + 1_000_000)   // sparse
        try handle.close()
        guard case .feed(let file) = try DocumentImporter.open(atPath: path) else { return XCTFail("refused") }
        XCTAssertEqual(file.size, DocumentImporter.maximumFileSize + 1_000_000)

        // Not a feed: the general limit holds.
        let text = folder.appendingPathComponent("gros.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: text, contents: Data("texte".utf8)))
        let textHandle = try XCTUnwrap(FileHandle(forWritingAtPath: text))
        try textHandle.truncate(atOffset: UInt64(DocumentImporter.maximumFileSize) + 1)
        try textHandle.close()
        XCTAssertThrowsError(try DocumentImporter.open(atPath: text)) {
            XCTAssertTrue("\($0)".contains("trop volumineux"), "\($0)")
        }
    }
}
