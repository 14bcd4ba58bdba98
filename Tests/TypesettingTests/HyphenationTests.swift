import TestSupport
import XCTest
@testable import Typesetting

final class HyphenationTests: XCTestCase {
    private let french = Hyphenator.french

    func testTheFrenchPatternsAreInstalledAndUsed() {
        XCTAssertTrue(french.isAvailable, "hyphen-fr is installed by scripts/install-deps")
        let word = "prévention"
        let points = french.breakPoints(word)
        XCTAssertEqual(points.map { String(Array(word)[..<$0]) }, ["pré", "préven"])
    }

    func testLongWordsAreHyphenatedWherePatternsAllow() {
        let lines = LineBreaker.wrap("anticonstitutionnellement", width: 10)
        XCTAssertEqual(lines, ["anticons-", "titution-", "nellement"])
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
    }

    func testApostropheWordsSplitOnlyWhereThePatternsAllow() {
        for word in ["aujourd'hui", "l’exploitation", "l'État"] {
            let points = french.breakPoints(word)
            let characters = Array(word)
            for point in points {
                XCTAssertNotEqual(characters[point - 1], "'", word)
                XCTAssertNotEqual(characters[point - 1], "’", word)
            }
        }
        XCTAssertEqual(french.breakPoints("l’exploitation").map { String(Array("l’exploitation")[..<$0]) },
                       ["l’ex", "l’exploi", "l’exploita"])
    }

    func testSoftHyphensAreHonouredAndNeverShown() {
        let text = "Une ré\u{AD}organisation complète"
        for width in 8...30 {
            let lines = LineBreaker.wrap(text, width: width)
            XCTAssertFalse(lines.joined().contains("\u{AD}"))
            XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= width })
        }
        XCTAssertEqual(LineBreaker.wrap(text, width: 7).first, "Une ré-")
    }

    func testJustifyingNeverStretchesANoBreakSpace() {
        let line = "Bourse\u{A0}: clôture en hausse"
        let justified = Justifier.justify(line, to: 30)
        XCTAssertEqual(DisplayWidth.of(justified), 30)
        XCTAssertTrue(justified.hasPrefix("Bourse\u{A0}: "))
        XCTAssertEqual(Justifier.justify("mot", to: 10), "mot")
    }

    /// For any text and width: no line wider than the width, no French
    /// closing punctuation stranded at a line start, and the lines joined
    /// give back the text (less the hyphens added).
    func testPropertiesOverRandomFrenchText() {
        let vocabulary = ["l’exploitation", "anticonstitutionnellement", "«", "»", "Rabat", ":", ";", "!", "?",
                          "a-t-il", "vice-présidente", "d’une", "journée", "9,8\u{202F}%", "東京", "e\u{301}te\u{301}",
                          "aujourd’hui", "réorganisation", "(ONUDC)", "…", "Casablanca\u{A0}:", "de", "la", "et",
                          "communication", "re\u{AD}cherche"]
        var generator = SeededGenerator(seed: 2026)   // seeded: a failure can be replayed
        for _ in 0..<600 {
            let count = Int.random(in: 1...25, using: &generator)
            // French puts one mark at a time between words; runs of marks
            // longer than the line are outside what a line breaker can honour.
            var words: [String] = []
            for _ in 0..<count {
                var word = vocabulary.randomElement(using: &generator)!
                while let last = words.last, word.count == 1, last.count == 1 {
                    word = vocabulary.randomElement(using: &generator)!
                }
                words.append(word)
            }
            let text = words.joined(separator: " ")
            for width in [4, 7, 12, 20, 33, 60] {
                for justifying in [false, true] {
                    let lines = LineBreaker.wrapLines(text, width: width, justifying: justifying)
                    for line in lines {
                        XCTAssertLessThanOrEqual(DisplayWidth.of(line.text), width, "«\(line.text)» in «\(text)»")
                    }
                    let expected = text.replacingOccurrences(of: "\u{AD}", with: "")
                    XCTAssertEqual(LineBreaker.join(lines), expected, "width \(width)")
                    // Below the widest run of punctuation (« » … » ») some must start a line.
                    if width >= 12 {
                        for line in lines.dropFirst() {
                            if let first = line.text.first {
                                XCTAssertFalse(";:!?»)…".contains(first), "«\(line.text)» at width \(width) in «\(text)»")
                            }
                        }
                    }
                }
            }
        }
    }
}
