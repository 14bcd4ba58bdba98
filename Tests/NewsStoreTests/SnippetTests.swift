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

    func testWithoutAMatchTheTextStartsTheSnippet() {
        XCTAssertEqual(Snippet.make(from: "un deux trois", matching: ["quatre"]), "un deux trois")
        XCTAssertEqual(Snippet.make(from: "  ", matching: ["quatre"]), "")
    }
}
