@testable import NewsModel
import XCTest

/// Terms found in the cache are exactly the scanner's, whatever the text.
final class FrenchTermCacheTests: XCTestCase {
    /// The scanner's terms joined by spaces, without any cache.
    private func scanned(_ bytes: [UInt8]) -> [UInt8] {
        var joined: [UInt8] = []
        bytes.withUnsafeBufferPointer { text in
            FrenchTermScanner.scan(text, asTerms: true) { term in
                if !joined.isEmpty { joined.append(0x20) }
                joined.append(contentsOf: term)
            }
        }
        return joined
    }

    private func cached(_ bytes: [UInt8], _ cache: FrenchTermCache) -> [UInt8] {
        var joined: [UInt8] = []
        bytes.withUnsafeBufferPointer { text in
            cache.scan(text) { terms in
                XCTAssertFalse(terms.isEmpty, "no empty piece")
                if !joined.isEmpty { joined.append(0x20) }
                joined.append(contentsOf: terms)
            }
        }
        return joined
    }

    /// Pieces of text as feeds write them, and as they should not.
    private static let pieces: [[UInt8]] = [
        "la", "des", "Sécurité", "sécurité,", "ÉLECTIONS", "élection.", "l'État", "l’État", "aujourd'hui",
        "qu'il", "jusqu’à", "(Paris)", "«", "»", "« Lyon »", "—", "Marché", "marchés", "journaux", "2024",
        "n°", "e\u{301}cole", "anticonstitutionnellement", "ﬁnance", "Ελλάδα", "中文", "🗳️", "Œuvre", "a'b",
        "\u{A0}", "\u{202F}:", "\t", "\n", "x", "très-bien", "c’est-à-dire", "présidentielle!", "",
    ].map { Array($0.utf8) } + [
        [0xC3], [0xC3, 0x20], [0xE0, 0x20, 0x20], [0xF0, 0x20, 0x20, 0x20], [0x80], [0xFF], [0xED, 0xA0, 0x80],
        [0x61, 0xC3, 0x20, 0x62], [0xE2, 0x80],
    ]

    /// A text of `count` pieces, each followed by zero to three spaces.
    private static func text(_ count: Int, _ random: inout SplitMix) -> [UInt8] {
        var text: [UInt8] = []
        for _ in 0..<count {
            text += pieces[Int(random.next() % UInt64(pieces.count))]
            text += [UInt8](repeating: 0x20, count: Int(random.next() % 4))
        }
        return text
    }

    func testTheCachedTermsAreTheScannersOnAnyText() {
        var random = SplitMix(state: 20261129)
        let cache = FrenchTermCache()
        for round in 0..<3000 {
            let text = Self.text(Int(random.next() % 120), &random)
            let expected = scanned(text)
            XCTAssertEqual(cached(text, cache), expected, "round \(round): \(text)")
            XCTAssertEqual(cached(text, cache), expected, "round \(round), from what was remembered")
        }
    }

    func testAFullCacheStillGivesTheScannersTerms() {
        let cache = FrenchTermCache()
        // Far more distinct words than the cache remembers.
        let words = (0..<40_000).map { Array("mot\($0)é".utf8) }
        for start in stride(from: 0, to: words.count, by: 100) {
            let text = Array(words[start..<(start + 100)].joined(separator: [0x20])) + Array("  fin de la phrase".utf8)
            XCTAssertEqual(cached(text, cache), scanned(text))
        }
        let again = Array(words[0..<200].joined(separator: [0x20])) + Array(" et voilà, terminé".utf8)
        XCTAssertEqual(cached(again, cache), scanned(again))
    }

    func testTheAnalyzerGivesWhatTheScannerGives() {
        let text = "Le Conseil d’État a rendu, aujourd'hui, sa décision sur les élections municipales de Besançon."
        XCTAssertEqual(FrenchAnalyzer.joinedTermsUTF8(text), scanned(Array(text.utf8)))
        XCTAssertEqual(FrenchAnalyzer.joinedTermsUTF8(text), Array(FrenchAnalyzer.terms(text).joined(separator: " ").utf8))
    }

    /// A space right after a byte that starts a longer character may be
    /// read as part of it: it does not end a word there.
    func testASpaceAfterALeadByteDoesNotEndAWord() {
        func standalone(_ bytes: [UInt8], _ at: Int) -> Bool {
            bytes.withUnsafeBufferPointer { FrenchTermCache.isStandaloneSpace($0, at: at) }
        }
        XCTAssertTrue(standalone([0x61, 0x20], 1))
        XCTAssertTrue(standalone([0xC3, 0xA9, 0x20], 2))
        XCTAssertFalse(standalone([0xC3, 0x20], 1))
        XCTAssertFalse(standalone([0xE2, 0x80, 0x20], 2))
        XCTAssertFalse(standalone([0xE2, 0x20, 0x20], 2))
        XCTAssertFalse(standalone([0xF0, 0x9F, 0x97, 0x20], 3))
        XCTAssertTrue(standalone([0xF0, 0x9F, 0x97, 0xB3, 0x20], 4))
        XCTAssertTrue(standalone([0x80, 0x20], 1), "a lone continuation byte is one byte to the scanner")
    }
}
