import XCTest
@testable import Typesetting

final class DisplayWidthTests: XCTestCase {
    func testCombiningMarksTakeNoColumn() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}cole"), 5)
        XCTAssertEqual(DisplayWidth.of("école"), 5)
    }

    func testWideCharactersAndEmojiTakeTwo() {
        XCTAssertEqual(DisplayWidth.of("東京"), 4)
        XCTAssertEqual(DisplayWidth.of("🇫🇷"), 2)
        XCTAssertEqual(DisplayWidth.of("👩‍💻"), 2)
        XCTAssertEqual(DisplayWidth.of("a😀b"), 4)
    }

    func testTruncateAddsEllipsisAndNeverSplitsAWideCharacter() {
        XCTAssertEqual(DisplayWidth.truncate("Conférence sur le Liban", to: 10), "Conférenc…")
        XCTAssertEqual(DisplayWidth.truncate("東京東京", to: 4), "東…")
        XCTAssertEqual(DisplayWidth.truncate("court", to: 10), "court")
        for width in 0...12 {
            XCTAssertLessThanOrEqual(DisplayWidth.of(DisplayWidth.truncate("Fès 東京 e\u{301}té 😀", to: width)), width)
        }
    }

    func testPadFillsToTheExactWidth() {
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("Médias24", to: 12)), 12)
        XCTAssertEqual(DisplayWidth.pad("東京東京", to: 5), "東京…")
    }
}
