import XCTest
@testable import NewsModel

final class TextSanitizerTests: XCTestCase {
    func testRemovesOSCTitleChangeAndClipboardWrite() {
        let hostile = "Titre\u{1B}]0;PWNED\u{07} suite\u{1B}]52;c;SGVsbG8=\u{1B}\\ fin"
        XCTAssertEqual(TextSanitizer.cleanLine(hostile), "Titre suite fin")
    }

    func testRemovesCSISequencesWhole() {
        XCTAssertEqual(TextSanitizer.cleanLine("\u{1B}[2J\u{1B}[31mrouge\u{1B}[0m"), "rouge")
        // The 8-bit CSI (U+009B) takes its parameters with it.
        XCTAssertEqual(TextSanitizer.cleanLine("a\u{9B}31mb"), "ab")
    }

    func testRemovesC0C1AndBidiControls() {
        let text = "a\u{0}b\u{8}c\u{7F}d\u{85}e\u{202E}f\u{2066}g\u{2069}h"
        let cleaned = TextSanitizer.cleanLine(text)
        XCTAssertEqual(cleaned, "abcd efgh")
        XCTAssertFalse(cleaned.unicodeScalars.contains { TextSanitizer.isUnsafe($0) })
    }

    func testCleanKeepsLineFeedsAndTabsButCleanLineFoldsThem() {
        XCTAssertEqual(TextSanitizer.clean("un\ndeux\tt\r\nrois"), "un\ndeux\tt\nrois")
        XCTAssertEqual(TextSanitizer.cleanLine("  un\n  deux\ttrois  "), "un deux trois")
    }

    func testNormalizesToNFC() {
        let decomposed = "e\u{301}cole"
        let cleaned = TextSanitizer.cleanLine(decomposed)
        XCTAssertEqual(Array(cleaned.unicodeScalars), Array("\u{E9}cole".unicodeScalars))
    }

    func testKeepsNoBreakSpacesInsideButNotAtTheEnd() {
        XCTAssertEqual(TextSanitizer.cleanLine("Liban\u{A0}: le Maroc\u{A0}\u{A0}"), "Liban\u{A0}: le Maroc")
    }
}

final class StrayC1Tests: XCTestCase {
    /// A stray Windows-1252 byte (0x9D is unassigned there) becomes U+009D:
    /// dropped alone, without the rest of the line.
    func testAnUnterminatedC1StringKeepsTheTextAfterIt() {
        XCTAssertEqual(TextSanitizer.cleanLine("Titre avec \u{9D} et … octets"), "Titre avec et … octets")
        XCTAssertEqual(TextSanitizer.clean("un\u{90}deux\ntrois"), "undeux\ntrois")
    }

    func testATerminatedC1StringIsStillRemovedWhole() {
        XCTAssertEqual(TextSanitizer.cleanLine("a\u{9D}0;PWNED\u{07}b"), "ab")
        XCTAssertEqual(TextSanitizer.cleanLine("a\u{9D}52;c;SGVsbG8=\u{9C}b"), "ab")
    }
}
