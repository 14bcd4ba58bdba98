import XCTest
@testable import Typesetting

final class LineBreakerTests: XCTestCase {
    private let paragraph = "Organisée en partenariat avec l’Office des Nations Unies sous le thème « Faisons de la protection de nos enfants une priorité », la journée a-t-elle convaincu ? Oui : le ministre l’a dit !"

    func testNoLineIsWiderThanTheWidth() {
        for width in 1...60 {
            for line in LineBreaker.wrap(paragraph, width: width) {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "width \(width): «\(line)»")
            }
        }
    }

    func testNoLineStartsWithClosingPunctuationOrEndsWithAnOpeningGuillemet() {
        for width in 12...60 {
            for line in LineBreaker.wrap(paragraph, width: width) {
                let first = line.first!
                XCTAssertFalse(";:!?»)…".contains(first), "width \(width) starts with \(first): «\(line)»")
                XCTAssertFalse(line.hasSuffix("«"), "width \(width) ends with «: «\(line)»")
            }
        }
    }

    func testNeverBreaksAtANoBreakSpace() {
        let text = "Bourse de Casablanca\u{A0}: clôture en hausse de 9,8\u{202F}%"
        // From the width of the longest unbreakable unit ("Casablanca\u{A0}:") up.
        for width in 12...40 {
            for line in LineBreaker.wrap(text, width: width) where line.count > 1 {
                XCTAssertFalse(line.hasPrefix("\u{A0}") || line.hasSuffix("\u{A0}"))
                XCTAssertFalse(line.hasPrefix(":"), "width \(width): «\(line)»")
            }
        }
    }

    func testWordsAreKeptWholeAndInOrderWithoutHyphenation() {
        for width in [15, 27, 44] {
            let lines = LineBreaker.wrapLines(paragraph, width: width, hyphenator: nil)
            XCTAssertEqual(LineBreaker.join(lines), paragraph)
            XCTAssertFalse(lines.contains { $0.join == .addedHyphen })
        }
    }

    func testWordLongerThanTheLineIsCutByClusterWithoutPatterns() {
        let lines = LineBreaker.wrap("anticonstitutionnellement", width: 10, hyphenator: nil)
        XCTAssertEqual(lines, ["anticonsti", "tutionnell", "ement"])
    }
}
