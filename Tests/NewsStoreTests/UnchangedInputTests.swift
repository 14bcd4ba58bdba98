import Foundation
import NewsImport
import NewsModel
import NewsStore
import XCTest

/// Importing again recognises unchanged input cheaply: a byte-identical file
/// from its fingerprint, an unchanged item from its raw hash; what changed
/// is still updated, and read state and flags stay.
final class UnchangedInputTests: StoreTestCase {
    private func item(_ n: Int, body: String = "Texte") -> String {
        """
        <item><guid>id-\(n)</guid><title>Titre \(n)</title><link>https://journal.example/\(n).html</link>
        <pubDate>Thu, 24 Oct 2024 1\(n):05:00 +0200</pubDate>
        <description><![CDATA[<p>\(body) \(n).</p><img src="https://img.example/\(n).jpg" alt="Photo">]]></description></item>
        """
    }

    private func writeFeed(_ items: [String], title: String = "Le Journal") throws -> String {
        let path = folder.appendingPathComponent("flux.xml").path
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>\(title)</title>"
            + items.joined() + "</channel></rss>"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// What `kiosque import` does with a feed file, on one thread.
    private func importFeed(_ path: String, into store: NewsStore) throws -> SaveOutcome {
        guard case .feed(let file) = try DocumentImporter.open(atPath: path) else {
            XCTFail("not streamed")
            return SaveOutcome()
        }
        let fingerprint = try file.fingerprint()
        if let count = try store.unchangedDocument(location: path, fingerprint: fingerprint) {
            var outcome = SaveOutcome()
            outcome.unchanged = count
            return outcome
        }
        let known = try store.knownRawHashes(from: path)
        // As the executable does: a restart drops what was written and reads again.
        var hint: FeedRestart?
        for attempt in 1...3 {
            do {
                return try store.importDocument(location: path, fingerprint: fingerprint) { writer in
                    _ = try file.stream(origin: Origin(kind: .file, location: path), baseURL: nil, hint: hint,
                                        isKnown: known.contains, bodies: .deferredWhenSimple) { item in
                        if let article = item.article {
                            try writer.save(PreparedArticle(article, rawHash: item.rawHash))
                        } else {
                            writer.countUnchanged()
                        }
                    }
                }
            } catch let restart as FeedRestart where attempt < 3 {
                hint = restart
            }
        }
        return SaveOutcome()
    }

    func testAByteIdenticalFileIsRecognisedAndAChangedOneIsNot() throws {
        let store = try makeStore()
        let path = try writeFeed([item(1), item(2), item(3)])
        XCTAssertEqual(try importFeed(path, into: store).added, 3)
        guard case .feed(let file) = try DocumentImporter.open(atPath: path) else { return XCTFail() }
        XCTAssertEqual(try store.unchangedDocument(location: path, fingerprint: file.fingerprint()), 3)
        XCTAssertNil(try store.unchangedDocument(location: "ailleurs.xml", fingerprint: file.fingerprint()))
        _ = try writeFeed([item(1), item(2), item(3, body: "Autre")])
        guard case .feed(let changed) = try DocumentImporter.open(atPath: path) else { return XCTFail() }
        XCTAssertNil(try store.unchangedDocument(location: path, fingerprint: changed.fingerprint()))
    }

    func testReimportKeepsReadStateAndFlagsAndStillUpdatesWhatChanged() throws {
        let store = try makeStore()
        let path = try writeFeed([item(1), item(2), item(3)])
        XCTAssertEqual(try importFeed(path, into: store).added, 3)
        let headlines = try store.headlines(limit: 10)
        let first = try XCTUnwrap(headlines.first { $0.title == "Titre 1" }?.id)
        let second = try XCTUnwrap(headlines.first { $0.title == "Titre 2" }?.id)
        try store.setRead(articleID: first)
        try store.setRead(articleID: second)
        let image = try XCTUnwrap(store.images(ofArticle: first).first)
        _ = try store.flag(imageID: image.id, user: "ana")

        // The same bytes: skipped whole.
        let again = try importFeed(path, into: store)
        XCTAssertEqual(again.unchanged, 3)
        XCTAssertEqual(again.added + again.updated, 0)

        // Item 2 changed, item 4 is new: items 1 and 3 are known by raw hash.
        _ = try writeFeed([item(1), item(2, body: "Corrigé"), item(3), item(4)])
        let changed = try importFeed(path, into: store)
        XCTAssertEqual(changed.added, 1)
        XCTAssertEqual(changed.updated, 1)
        XCTAssertEqual(changed.unchanged, 2)
        XCTAssertEqual(try store.articleCount(), 4)
        XCTAssertEqual(try store.article(id: second)?.blocks.first, .paragraph("Corrigé 2."))
        XCTAssertEqual(try store.article(id: first)?.isRead, true)
        XCTAssertEqual(try store.article(id: second)?.isRead, true, "an update keeps the read state")
        XCTAssertEqual(try store.images(ofArticle: first).first?.flaggers, ["ana"])
        XCTAssertEqual(try store.search("corrige").map(\.headline.id), [second], "the index follows the update")
    }

    func testAFailingDocumentLeavesNothingAndNoFingerprint() throws {
        let store = try makeStore()
        let path = folder.appendingPathComponent("casse.xml").path
        let xml = "<rss version=\"2.0\"><channel><title>J</title>" + item(1) + item(2) + "<item><title>x</channel>"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try importFeed(path, into: store)) { XCTAssertTrue($0 is ImportError, "\($0)") }
        XCTAssertEqual(try store.articleCount(), 0)
        guard case .feed(let file) = try DocumentImporter.open(atPath: path) else { return XCTFail() }
        XCTAssertNil(try store.unchangedDocument(location: path, fingerprint: file.fingerprint()))
    }
}
