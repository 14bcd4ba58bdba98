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

    /// The letters told from their value alone take what Unicode's
    /// properties give them, and so do the others around them.
    func testLettersToldByValueAreAsWideAsTheirProperties() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            XCTAssertEqual(DisplayWidth.of(character), DisplayWidth.looked(up: character.unicodeScalars),
                           "U+\(String(value, radix: 16, uppercase: true))")
        }
        let ascii = (0...0x7F).map { String(UnicodeScalar(UInt8($0))) }.joined()
        XCTAssertEqual(DisplayWidth.of(ascii), ascii.map { DisplayWidth.looked(up: $0.unicodeScalars) }.reduce(0, +))
        XCTAssertEqual(DisplayWidth.of("Le Monde, 12 h 30"), 17)
        XCTAssertEqual(DisplayWidth.of("co\u{AD}opération"), 11, "the soft hyphen takes no column")
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
