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

    /// The pieces joined by spaces, and whether any was empty.
    private struct Joined: TermPieces {
        var bytes: [UInt8] = []
        var hadEmptyPiece = false

        mutating func take(_ piece: UnsafeBufferPointer<UInt8>, terms: Int, token: UInt32) {
            if piece.isEmpty { hadEmptyPiece = true }
            if !bytes.isEmpty { bytes.append(0x20) }
            bytes.append(contentsOf: piece)
        }
    }

    private func cached(_ bytes: [UInt8], _ cache: FrenchTermCache) -> [UInt8] {
        var joined = Joined()
        bytes.withUnsafeBufferPointer { cache.scan($0, into: &joined) }
        XCTAssertFalse(joined.hadEmptyPiece, "no empty piece")
        return joined.bytes
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

    /// A full cache that finds few of the stretches it is asked for stops
    /// being asked for a while, and the terms stay the scanner's; a full
    /// cache that finds most goes on being asked.
    func testAFullCacheThatFindsLittleIsPassedBy() {
        func fill(_ cache: FrenchTermCache, from first: Int) -> Int {
            var next = first
            while next < first + 20_000 {
                let words = (next..<(next + 100)).map { Array("mot\($0)é".utf8) }
                let text = Array(words.joined(separator: [0x20])) + Array("  fin de la phrase".utf8)
                XCTAssertEqual(cached(text, cache), scanned(text))
                next += 100
            }
            return next
        }
        let fresh = FrenchTermCache(givingTokens: true)
        var next = fill(fresh, from: 0)
        // Words never seen: nearly nothing found.
        while !fresh.isBypassed && next < 100_000 { next = fill(fresh, from: next) }
        XCTAssertTrue(fresh.isBypassed, "a cache that finds nothing is passed by")
        let text = Array("Le Conseil d’État a rendu sa décision mot\(next)é".utf8)
        XCTAssertEqual(cached(text, fresh), scanned(text))
        // The analyzer joins the same terms, with no token.
        let (terms, tokens) = text.withUnsafeBufferPointer {
            FrenchAnalyzer.joinedTermsAndTokens(utf8: $0, room: text.count * 2 + 16, cache: fresh)
        }
        XCTAssertEqual(terms, scanned(text))
        XCTAssertEqual(tokens, [])

        let known = FrenchTermCache()
        // Full with the first 12,000 or so of 13,000 words, then those
        // remembered over and over.
        for start in stride(from: 0, to: 13_000, by: 100) {
            let text = Array((start..<(start + 100)).map { Array("mot\($0)é".utf8) }.joined(separator: [0x20]))
            XCTAssertEqual(cached(text, known), scanned(text))
        }
        for _ in 0..<20 {
            let words = (0..<10_000).map { Array("mot\($0)é".utf8) }
            for start in stride(from: 0, to: words.count, by: 100) {
                let text = Array(words[start..<(start + 100)].joined(separator: [0x20]))
                XCTAssertEqual(cached(text, known), scanned(text))
            }
        }
        XCTAssertFalse(known.isBypassed, "a cache that finds most is kept")
    }

    /// A full cache is worth its look-ups only when nearly all of them find
    /// something: finding four stretches in five, it is passed by; nineteen
    /// in twenty, it is kept.
    func testAFullCacheMustFindNearlyEveryStretch() {
        func cache(findingOneIn every: Int) -> FrenchTermCache {
            let cache = FrenchTermCache()
            // Just full (it remembers 12,288 stretches): few misses yet.
            for start in stride(from: 0, to: 12_300, by: 100) {
                let text = Array((start..<(start + 100)).map { Array("mot\($0)é".utf8) }.joined(separator: [0x20]))
                XCTAssertEqual(cached(text, cache), scanned(text))
            }
            // Then words remembered, and every `every`-th one never seen.
            var unseen = 100_000
            for round in 0..<5 {
                for start in stride(from: 0, to: 10_000, by: 100) where !cache.isBypassed {
                    let words = (start..<(start + 100)).map { index -> [UInt8] in
                        guard index % every == round % every else { return Array("mot\(index)é".utf8) }
                        unseen += 1
                        return Array("inconnu\(unseen)é".utf8)
                    }
                    let text = Array(words.joined(separator: [0x20]))
                    XCTAssertEqual(cached(text, cache), scanned(text))
                }
            }
            return cache
        }
        XCTAssertTrue(cache(findingOneIn: 5).isBypassed, "four in five found: passed by")
        XCTAssertFalse(cache(findingOneIn: 20).isBypassed, "nineteen in twenty found: kept")
    }

    /// Each term with the token it came with: a piece of several terms
    /// gives each of its terms the piece's token.
    private struct Tokened: TermPieces {
        var terms: [(term: [UInt8], token: UInt32)] = []

        mutating func take(_ piece: UnsafeBufferPointer<UInt8>, terms count: Int, token: UInt32) {
            let split = piece.split(separator: 0x20).map(Array.init)
            XCTAssertEqual(split.count, count, "a piece says how many terms it holds")
            terms += split.map { ($0, token) }
        }
    }

    private func tokened(_ bytes: [UInt8], _ cache: FrenchTermCache) -> [(term: [UInt8], token: UInt32)] {
        var taken = Tokened()
        bytes.withUnsafeBufferPointer { cache.scan($0, into: &taken) }
        return taken.terms
    }

    /// The search index takes a term's token for the term: a token must
    /// never stand for two terms, nor come from two caches, and a piece of
    /// several terms has none.
    func testATokenStandsForOneTermOnly() {
        var random = SplitMix(state: 20261207)
        let caches = [FrenchTermCache(givingTokens: true), FrenchTermCache(givingTokens: true)]
        var termOf: [UInt32: [UInt8]] = [:]
        var cacheOf: [UInt32: Int] = [:]
        for round in 0..<2000 {
            let text = Self.text(Int(random.next() % 120), &random)
            let which = Int(random.next() % 2)
            let taken = tokened(text, caches[which])
            XCTAssertEqual(Array(taken.map(\.term).joined(separator: [0x20])), scanned(text), "round \(round)")
            for (term, token) in taken where token != 0 {
                XCTAssertEqual(termOf[token, default: term], term, "round \(round): token \(token)")
                XCTAssertEqual(cacheOf[token, default: which], which, "a token from one cache only")
                termOf[token] = term
                cacheOf[token] = which
                XCTAssertLessThan(Int(token), FrenchAnalyzer.termTokenLimit)
            }
        }
        XCTAssertGreaterThan(termOf.count, 20, "remembered words of one term have tokens")
        // "c’est-à-dire" is remembered as several terms: none has a token.
        let phrase = Array("c’est-à-dire c’est-à-dire".utf8)
        let taken = tokened(phrase, caches[0])
        XCTAssertEqual(Array(taken.map(\.term).joined(separator: [0x20])), scanned(phrase))
        XCTAssertGreaterThan(taken.count, 2)
        XCTAssertTrue(taken.allSatisfy { $0.token == 0 })
    }

    /// `joinedTermsAndTokens`: the terms `joinedTermsUTF8` gives, and a
    /// token for each of them or none at all.
    func testTheAnalyzerGivesATokenForEachTerm() {
        let text = "Le Conseil d’État a rendu sa décision : le Conseil d’État, c’est-à-dire l’État, décide."
        let bytes = Array(text.utf8)
        let (terms, tokens) = bytes.withUnsafeBufferPointer {
            FrenchAnalyzer.joinedTermsAndTokens(utf8: $0, room: bytes.count * 2 + 16,
                                                cache: FrenchTermCache(givingTokens: true))
        }
        XCTAssertEqual(terms, FrenchAnalyzer.joinedTermsUTF8(text))
        let split = terms.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(tokens.count, split.count)
        guard tokens.count == split.count else { return }
        // "conseil", the second time, comes with the token it had the first.
        let conseil = split.indices.filter { split[$0] == "conseil" }
        XCTAssertEqual(conseil.count, 2)
        XCTAssertNotEqual(tokens[conseil[0]], 0)
        XCTAssertEqual(tokens[conseil[0]], tokens[conseil[1]])
        // A cache made to give none gives none.
        XCTAssertEqual(bytes.withUnsafeBufferPointer {
            FrenchAnalyzer.joinedTermsAndTokens(utf8: $0, room: bytes.count * 2 + 16, cache: FrenchTermCache()).tokens
        }.filter { $0 != 0 }, [])
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
