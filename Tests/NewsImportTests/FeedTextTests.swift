import XCTest
@testable import NewsImport

/// Titles, authors and captions: read as HTML only when they may hold some.
final class FeedTextTests: XCTestCase {
    /// A `<` or `&` anywhere, within the eight bytes tested at once or in
    /// the few after them, sends the line to the HTML reader.
    func testMarkupIsNoticedWhereverItStands() {
        let plain = "Élections : le maire réélu à Lyon"
        XCTAssertFalse(FeedText.mayHoldMarkup(plain))
        XCTAssertFalse(FeedText.mayHoldMarkup(""))
        for index in plain.indices + [plain.endIndex] {
            for mark in ["<", "&"] {
                var text = plain
                text.insert(contentsOf: mark, at: index)
                XCTAssertTrue(FeedText.mayHoldMarkup(text), text)
            }
        }
        XCTAssertEqual(FeedText.looseLine("Fromages &eacute; <b>affinés</b>"), "Fromages é affinés")
        XCTAssertEqual(FeedText.looseLine("  Fromages   affinés "), "Fromages affinés")
    }
}
