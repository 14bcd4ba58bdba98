import ArticleHTML
import NewsModel
import XCTest
@testable import NewsStore

/// The body column's two forms: HTML alone is stored as it is behind a
/// header, anything else as JSON, and a store written before holds JSON
/// for HTML alone too. Each must read back as the blocks and the search
/// text of the article that was stored.
final class StoredBodyTests: XCTestCase {
    private let html = "<p>Grève à la <a href=\"/sncf\">SNCF</a> : « trains » supprimés.</p><img src=\"/t.jpg\">"

    private func deferred(_ html: String, base: String?) throws -> DeferredHTML {
        try XCTUnwrap(SimpleHTML.deferred(html, baseURL: base))
    }

    private func assertReadsBack(_ blocks: [Block], _ kept: DeferredHTML?,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let made = StoredBody(blocks: blocks, deferred: kept)
        let stored = String(decoding: StoredBody.encoded(blocks: blocks, deferred: kept), as: UTF8.self)
        let read = try StoredBody(stored: stored)
        XCTAssertEqual(read.blocks, made.blocks, stored, file: file, line: line)
        XCTAssertEqual(read.searchTextUTF8, made.searchTextUTF8, stored, file: file, line: line)
    }

    func testHTMLAloneIsStoredAsItIsAndReadsBack() throws {
        for base in ["https://journal.example/", "https://journal.example/dossiers/été:2024/", nil] {
            let kept = try deferred(html, base: base)
            let stored = StoredBody.encoded(blocks: [], deferred: kept)
            // The HTML itself, quotes unescaped, ends the column.
            XCTAssertTrue(String(decoding: stored, as: UTF8.self).hasSuffix(html))
            XCTAssertNotEqual(stored.first, UInt8(ascii: "["))
            try assertReadsBack([], kept)
        }
        // The base URL is told apart from HTML that starts like one.
        try assertReadsBack([], try deferred("12:<p>Texte</p>", base: "https://a.example/"))
        try assertReadsBack([], try deferred("<p>Texte</p>", base: ""))
    }

    func testTheBaseURLGivesTheImagesTheirAddress() throws {
        let read = try StoredBody(stored: String(decoding: StoredBody.encoded(
            blocks: [], deferred: try deferred(html, base: "https://journal.example/")), as: UTF8.self))
        XCTAssertTrue(read.blocks.contains(.image(ImageRef(url: "https://journal.example/t.jpg"))), "\(read.blocks)")
    }

    func testBlocksWithHTMLAndBlocksAloneAreStoredAsJSON() throws {
        let blocks: [Block] = [.paragraph("Avant-propos."), .image(ImageRef(url: "https://journal.example/a.jpg"))]
        for kept in [try deferred(html, base: "https://journal.example/"), nil] {
            let stored = StoredBody.encoded(blocks: blocks, deferred: kept)
            XCTAssertEqual(stored, BlockJSONWriter.utf8(blocks, deferred: kept))
            try assertReadsBack(blocks, kept)
        }
    }

    /// What stores written before this form hold for HTML alone.
    func testHTMLAloneStoredAsJSONStillReads() throws {
        let kept = try deferred(html, base: "https://journal.example/")
        let json = String(decoding: BlockJSONWriter.utf8([], deferred: kept), as: UTF8.self)
        let read = try StoredBody(stored: json)
        let made = StoredBody(blocks: [], deferred: kept)
        XCTAssertEqual(read.blocks, made.blocks)
        XCTAssertEqual(read.searchTextUTF8, made.searchTextUTF8)
    }

    func testABrokenHeaderIsAnErrorNotAnotherBody() {
        for stored in ["\u{1}", "\u{1}12", "\u{1}x:<p>a</p>", "\u{1}99:<p>court</p>", "\u{1}-1:<p>a</p>"] {
            XCTAssertThrowsError(try StoredBody(stored: stored), stored.debugDescription)
        }
    }
}
