import XCTest
@testable import NewsModel

final class FrenchAnalyzerTests: XCTestCase {
    /// The scanner leaves room for this many bytes before each scalar it
    /// folds: no folding in its table may be longer.
    func testEveryFoldingFitsTheRoomLeftPerScalar() {
        XCTAssertLessThanOrEqual(Int(FrenchAnalyzer.foldedLength.max()!), FrenchTermScanner.roomPerScalar)
        XCTAssertLessThanOrEqual(12, FrenchTermScanner.roomPerScalar, "a lowercase mapping has at most three scalars")
    }

    /// Every scalar Unicode has goes through, in one text, and a long word
    /// of letters folded outside the Latin table keeps all of them.
    func testEveryScalarGoesThrough() {
        var everything = String.UnicodeScalarView()
        for value in 0...0x10FFFF { if let scalar = Unicode.Scalar(UInt32(value)) { everything.append(scalar) } }
        XCTAssertFalse(FrenchAnalyzer.terms(String(everything)).isEmpty)
        XCTAssertEqual(FrenchAnalyzer.words(String(repeating: "Ж", count: 3_000)), [String(repeating: "ж", count: 3_000)])
    }

    /// Long words and long texts go through whole (the word's memory grows).
    func testVeryLongWordsAreKept() {
        let word = String(repeating: "é", count: 5_000)
        XCTAssertEqual(FrenchAnalyzer.words(word + " x"), [String(repeating: "e", count: 5_000), "x"])
    }

    func testAccentsCaseAndElisionsAreDropped() {
        XCTAssertEqual(FrenchAnalyzer.words("L’État et l'école jusqu’à Qu'il"), ["etat", "et", "ecole", "a", "il"])
        XCTAssertEqual(FrenchAnalyzer.words("Lorsqu’un cœur"), ["un", "coeur"])
        XCTAssertEqual(FrenchAnalyzer.words("aujourd’hui"), ["aujourdhui"])
    }

    /// Case and accents are dropped in every alphabet of the table and in
    /// the Latin blocks past it: the index itself no longer folds anything.
    func testOtherAlphabetsAndLatinBlocksAreFolded() {
        XCTAssertEqual(FrenchAnalyzer.words("Hà Nội"), ["ha", "noi"])
        XCTAssertEqual(FrenchAnalyzer.words("Αθήνα ΑΘΗΝΑ"), ["αθηνα", "αθηνα"])
        XCTAssertEqual(FrenchAnalyzer.words("ΣΟΦΟΣ σοφός"), ["σοφοσ", "σοφοσ"])
        XCTAssertEqual(FrenchAnalyzer.words("МОСКВА"), ["москва"])
        XCTAssertEqual(FrenchAnalyzer.words("Ｐａｒｉｓ ﬁn"), ["paris", "fin"])
        XCTAssertEqual(FrenchAnalyzer.words("Cafe\u{301} e\u{300}"), ["cafe", "e"], "accents written apart")
        XCTAssertEqual(FrenchAnalyzer.words("東京 東京"), ["東京", "東京"])
    }

    /// ASCII letters, digits and spaces take a shortcut past the table:
    /// every ASCII character must still fold as the table says.
    func testASCIIFoldsAsTheTableSays() {
        for value in 0..<0x80 {
            let character = String(UnicodeScalar(UInt8(value)))
            let expected: [String]
            switch FrenchAnalyzer.tableFolding[value] {
            case nil: expected = ["abc", "def"]
            case let folded?: expected = value == 0x27 ? ["abc", "def"] : ["abc" + String(decoding: folded, as: UTF8.self) + "def"]
            }
            XCTAssertEqual(FrenchAnalyzer.words("ABC" + character + "def"), expected, "U+\(String(value, radix: 16))")
        }
        for text in ["Les ÉLECTIONS  municipales de 2026 à Fès", "", "l'État", String(repeating: "İstanbul ", count: 300)] {
            XCTAssertEqual(FrenchAnalyzer.joinedTerms(text), FrenchAnalyzer.terms(text).joined(separator: " "))
        }
    }

    func testSingularAndPluralMasculineAndFeminineMeet() {
        let pairs = [("élection", "élections"), ("école", "écoles"), ("journal", "journaux"), ("bureau", "bureaux"),
                     ("élu", "élues"), ("parisien", "parisiennes"), ("journée", "journées"), ("actif", "actives")]
        for (one, other) in pairs {
            XCTAssertEqual(FrenchAnalyzer.terms(one), FrenchAnalyzer.terms(other), "\(one) / \(other)")
        }
        XCTAssertNotEqual(FrenchAnalyzer.terms("électeur"), FrenchAnalyzer.terms("élection"))
    }
}
