@testable import NewsStore
import XCTest

/// The window of text a search hit shows, its matches marked.
final class SnippetTests: XCTestCase {
    func testTheWindowStartsSixWordsBeforeTheFirstMatchAndMarksEveryMatch() {
        let words = (1...40).map { "mot\($0)" }
        var text = words
        text[20] = "Élections"
        text[25] = "élection,"
        let snippet = Snippet.make(from: text.joined(separator: " "), matching: ["election"])
        XCTAssertEqual(snippet, "… " + (14..<38).map { i -> String in
            i == 20 ? "**Élections**" : i == 25 ? "**élection,**" : words[i]
        }.joined(separator: " ") + " …")
    }

    func testWordsAreCutAtEveryKindOfSpaceAndAWindowAtTheStartHasNoEllipsis() {
        let snippet = Snippet.make(from: "Le\u{00A0}scrutin\tmunicipal\u{202F}approche\n\nà Fès", matching: ["scrutin"])
        XCTAssertEqual(snippet, "Le **scrutin** municipal approche à Fès")
    }

    /// ASCII's spaces are told without Unicode's tables: the same ones.
    func testSpacesAreUnicodesWhiteSpace() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Snippet.isSpace(scalar) != scalar.properties.isWhitespace {
                XCTFail("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
    }

    func testWithoutAMatchTheTextStartsTheSnippet() {
        XCTAssertEqual(Snippet.make(from: "un deux trois", matching: ["quatre"]), "un deux trois")
        XCTAssertEqual(Snippet.make(from: "  ", matching: ["quatre"]), "")
    }
}
