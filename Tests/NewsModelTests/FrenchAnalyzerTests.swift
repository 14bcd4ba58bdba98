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

    /// General Punctuation joined the table: each of its characters folds
    /// there as it did past the table (the index keeps the same terms),
    /// ’ being an apostrophe.
    func testGeneralPunctuationFoldsInTheTableAsItDidPastIt() {
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: FrenchTermScanner.roomPerScalar)
        defer { out.deallocate() }
        XCTAssertEqual(FrenchAnalyzer.tableEnd, 0x2070)
        for value in 0x2000..<0x2070 where value != 0x2019 {
            let count = FrenchTermScanner.foldRare(UInt32(value), into: out)
            let rare: [UInt8]? = count < 0 ? nil : Array(UnsafeBufferPointer(start: out, count: count))
            XCTAssertEqual(FrenchAnalyzer.tableFolding[value], rare, "U+\(String(value, radix: 16))")
        }
        XCTAssertEqual(FrenchAnalyzer.tableFolding[0x2019], Array("'".utf8))
        XCTAssertEqual(FrenchAnalyzer.terms("l’État aujourd’hui jusqu’à"), FrenchAnalyzer.terms("l'État aujourd'hui jusqu'à"))
    }

    /// Long words and long texts go through whole (the word's memory grows).
    func testVeryLongWordsAreKept() {
        let word = String(repeating: "é", count: 5_000)
        XCTAssertEqual(FrenchAnalyzer.words(word + " x"), [String(repeating: "e", count: 5_000), "x"])
    }

    /// Terms that do not fit the room first given are joined all the same.
    func testJoinedTermsOutgrowingTheirRoomAreAllThere() {
        let text = "Les électeurs de Québec votent, l’État répond : aujourd’hui ﬁnances ＴＯＫＹＯ 2024"
        let joined = Array(FrenchAnalyzer.terms(text).joined(separator: " ").utf8)
        for room in [0, 1, 5, 17, joined.count - 1, joined.count, joined.count + 1, 1_000] {
            let made = Array(text.utf8).withUnsafeBufferPointer { FrenchAnalyzer.joinedTermsUTF8(utf8: $0, room: room) }
            XCTAssertEqual(made, joined, "room \(room)")
        }
    }

    /// Words that end at every place near the end of the word's room, the
    /// last byte folded from a longer character or not: the stop words and
    /// the stemmer read eight bytes at a time there (run under the address
    /// sanitizer, nothing is read past the memory).
    func testWordsEndingAtTheEdgeOfTheirRoom() {
        for length in Array(1...40) + Array(110...140) + Array(240...270) {
            for (letter, folded) in [("a", "a"), ("Œ", "oe"), ("ﬃ", "ffi")] {
                let word = String(repeating: letter, count: length)
                let expected = FrenchAnalyzer.stem(String(repeating: folded, count: length))
                let terms = FrenchAnalyzer.terms(word)
                XCTAssertEqual(terms, expected == "a" ? [] : [expected], "\(length) × \(letter)")
                XCTAssertEqual(FrenchAnalyzer.terms(word + " Les écoles"), terms + ["ecol"], "\(length) × \(letter)")
            }
        }
    }

    /// Text given as bytes gives the terms the string gives; bytes that are
    /// not UTF-8 separate words and are never read past, however cut.
    func testBytesGiveTheTermsOfTheirString() {
        let texts = ["L’État et l'école jusqu’à Qu'il", "Hà Nội, Αθήνα, Москва 2024", "ﬁnances ＴＯＫＹＯ",
                     String(repeating: "é", count: 300) + " x", "", "  "]
        for text in texts {
            let bytes = Array(text.utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { FrenchAnalyzer.joinedTermsUTF8(utf8: $0) },
                           FrenchAnalyzer.joinedTermsUTF8(text), text)
            // Every cut of the text, which may end inside a character.
            for end in 0..<bytes.count {
                _ = bytes[..<end].withUnsafeBufferPointer { FrenchAnalyzer.joinedTermsUTF8(utf8: $0) }
            }
        }
        func terms(_ bytes: [UInt8]) -> String {
            String(decoding: bytes.withUnsafeBufferPointer { FrenchAnalyzer.joinedTermsUTF8(utf8: $0) },
                   as: UTF8.self)
        }
        XCTAssertEqual(terms(Array("vote".utf8) + [0xFF] + Array("urne".utf8)), "vot urn")
        XCTAssertEqual(terms(Array("vote".utf8) + [0x80, 0xC0] + Array("urne".utf8)), "vot urn")
        XCTAssertEqual(terms(Array("vote".utf8) + [0xC3]), "vot")
        XCTAssertEqual(terms(Array("vote".utf8) + [0xE2, 0x80]), "vot")
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
            XCTAssertEqual(FrenchAnalyzer.joinedTermsUTF8(text), Array(FrenchAnalyzer.terms(text).joined(separator: " ").utf8))
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

    /// Common words give no search term, wherever they stand and however
    /// they are written; words merely spelt like them once accents are
    /// gone ("maïs", "né") and longer words that begin like them stay.
    func testCommonWordsGiveNoTerm() {
        XCTAssertEqual(FrenchAnalyzer.terms("La réforme des retraites et le Sénat"), ["reform", "retrait", "senat"])
        XCTAssertEqual(FrenchAnalyzer.terms("L’État qu'il a vu, où et à qui"), ["etat", "vu"])
        XCTAssertEqual(FrenchAnalyzer.terms("LES DES Une"), [])
        XCTAssertEqual(FrenchAnalyzer.terms("récolte de maïs, né à Lyon"), ["recolt", "mai", "ne", "lyon"])
        XCTAssertEqual(FrenchAnalyzer.terms("lessive dessin unes"), ["lessiv", "dessin", "une"])
        XCTAssertEqual(FrenchAnalyzer.words("La réforme des retraites"), ["la", "reforme", "des", "retraites"])
        for word in FrenchStopWords.all {
            XCTAssertEqual(FrenchAnalyzer.terms(word), [], word)
            XCTAssertEqual(FrenchAnalyzer.terms(word.uppercased() + "zz"), FrenchAnalyzer.terms(word + "zz"), word)
            XCTAssertFalse(FrenchAnalyzer.terms(word + "zz").isEmpty, word)
        }
    }

    /// The stop words are checked from packed integers in a hashed table:
    /// every word of every length up to the longest is told apart from them
    /// exactly as a plain set would (all two-letter words, and the words of
    /// the list with each letter changed).
    func testStopWordTableAgreesWithTheList() {
        let list = Set(FrenchStopWords.all)
        var candidates: [String] = []
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        for a in letters { candidates.append(a); for b in letters { candidates.append(a + b) } }
        for word in FrenchStopWords.all {
            let bytes = Array(word.utf8)
            for k in bytes.indices {
                for letter in UInt8(ascii: "a")...UInt8(ascii: "z") {
                    var changed = bytes
                    changed[k] = letter
                    candidates.append(String(decoding: changed, as: UTF8.self))
                }
            }
            candidates.append(word + "s")
        }
        for word in candidates {
            // Letters after the word, as in the scanner's memory: they must
            // not count (and eight bytes must be readable there).
            let count = word.utf8.count
            let found = FrenchStopWords.table.withUnsafeBufferPointer { table in
                (Array(word.utf8) + Array("xxxxxxxx".utf8)).withUnsafeBufferPointer {
                    FrenchStopWords.contains($0.baseAddress!, count: count, in: table)
                }
            }
            XCTAssertEqual(found, list.contains(word), word)
        }
    }
}
