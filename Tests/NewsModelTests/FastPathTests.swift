import Foundation
import XCTest
@testable import NewsModel

/// Each fast path must give exactly what the path it short-cuts gives.
final class FastPathTests: XCTestCase {
    func testTrimmingWhitespaceMatchesFoundation() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "\(scalar)a\(scalar)", "a\(scalar)b", " \(scalar) x \(scalar)\n"] {
                XCTAssertEqual(TextSanitizer.trimmingWhitespace(text),
                               text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(value, radix: 16))")
            }
        }
    }

    /// The scanner's way for C3 xx (U+00C0 to U+00FF) folds each letter as
    /// Foundation does, and leaves the others (separators, two-letter
    /// foldings) to the usual way; a cut or broken sequence is read as
    /// before.
    func testLatin1LettersFoldAsFoundationDoes() {
        for value in 0xC0...0xFF {
            let scalar = Unicode.Scalar(UInt32(value))!
            // Within a word, and twice at the end of one (uppercase before).
            let (within, twice): ([String], [String])
            switch FrenchAnalyzer.computedFolding(value) {
            case nil:
                (within, twice) = (["ab", "cd"], ["ab"])
            case let folded?:
                let letter = String(decoding: folded, as: UTF8.self)
                (within, twice) = (["ab" + letter + "cd"], ["ab" + letter + letter])
            }
            XCTAssertEqual(FrenchAnalyzer.words("ab\(scalar)cd"), within, "U+\(String(value, radix: 16))")
            XCTAssertEqual(FrenchAnalyzer.words("AB\(scalar)\(scalar)"), twice, "U+\(String(value, radix: 16))")
        }
        func words(_ bytes: [UInt8]) -> [String] {
            var found: [String] = []
            bytes.withUnsafeBufferPointer { text in
                FrenchTermScanner.scan(text, asTerms: false) { found.append(String(decoding: $0, as: UTF8.self)) }
            }
            return found
        }
        XCTAssertEqual(words([0x61, 0x62, 0xC3]), ["ab"], "cut short at the end: a separator")
        XCTAssertEqual(words([0x61, 0xC3, 0x41, 0x62]), ["aab"], "a broken continuation is masked, as before")
    }

    /// A text the fast path passes must come out of the full path unchanged.
    func testSanitizerFastPathAgreesWithTheFullPath() {
        var generator = SplitMix(state: 11)
        let pieces = ["a", "É", "é", "e\u{301}", " ", "  ", "\n", "\t", "\r", "\u{1B}[31m", "\u{9B}", "\u{85}",
                      "\u{A0}", "\u{202F}", "\u{2019}", "«", "»", "…", "€", "œ", "\u{202E}", "\u{2066}", "\u{2028}",
                      "\u{FEFF}", "\u{7F}", "\u{2000}", "\u{2001}", "\u{212B}", "😀", "\u{0}", "x y"]
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 8) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            assertSameScalars(TextSanitizer.clean(text), TextSanitizer.fullClean(text), text.debugDescription)
            assertSameScalars(TextSanitizer.cleanLine(text), TextSanitizer.fullCleanLine(text), text.debugDescription)
        }
    }

    /// Strings compare equal when canonically equivalent ("\u{2000}" ==
    /// "\u{2002}"): the sanitiser promises NFC, so its scalars are compared.
    private func assertSameScalars(_ fast: String, _ full: String, _ message: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Array(fast.unicodeScalars), Array(full.unicodeScalars), message, file: file, line: line)
    }

    /// Every scalar up to U+30FF, alone and between others: wherever the
    /// fast path takes a text, the full path leaves it as it is.
    func testSanitizerFastPathAgreesOnEveryScalar() {
        for value in UInt32(0)...0x30FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "a\(scalar)b", "é\(scalar)\(scalar)", " \(scalar) ", "x\(scalar)"] {
                assertSameScalars(TextSanitizer.clean(text), TextSanitizer.fullClean(text), "U+\(String(value, radix: 16))")
                assertSameScalars(TextSanitizer.cleanLine(text), TextSanitizer.fullCleanLine(text),
                                  "U+\(String(value, radix: 16))")
            }
        }
        // The spaces of French typography take the fast path.
        XCTAssertTrue(TextSanitizer.isAlreadyClean("Quoi\u{202F}? Le 1\u{2009}000\u{A0}€ d’« ici »…", keepLayout: true))
        // What the fast path leaves to the full one is judged by it.
        XCTAssertTrue(TextSanitizer.needsNoCleaning("Rabat, الرباط 😀"))
        XCTAssertFalse(TextSanitizer.needsNoCleaning("e\u{301}"))
        XCTAssertFalse(TextSanitizer.needsNoCleaning("a\u{202E}b"))
        XCTAssertFalse(TextSanitizer.needsNoCleaning("\u{2000}"))
    }

    /// Long texts, where the fast path skips eight ASCII bytes at a time:
    /// a control or DEL anywhere in such a block must still be seen.
    func testSanitizerFastPathAgreesOnLongTexts() {
        var generator = SplitMix(state: 29)
        let plain = ["Le marché", " ouvre à ", "abcdefghijklmnopqrstuvwxyz", "0123456789", " ", "é", "~}|{"]
        let odd = ["\u{1B}[31m", "\u{7F}", "\u{1F}", "\u{0}", "\n", "\t", "\r", "\u{85}", "\u{202E}", "e\u{301}"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(4 + generator.next() % 24) { text += plain[Int(generator.next() % UInt64(plain.count))] }
            if generator.next() % 4 != 0 {
                var scalars = Array(text.unicodeScalars)
                let at = Int(generator.next() % UInt64(scalars.count + 1))
                scalars.insert(contentsOf: odd[Int(generator.next() % UInt64(odd.count))].unicodeScalars, at: at)
                text = String(String.UnicodeScalarView(scalars))
            }
            assertSameScalars(TextSanitizer.clean(text), TextSanitizer.fullClean(text), text.debugDescription)
            assertSameScalars(TextSanitizer.cleanLine(text), TextSanitizer.fullCleanLine(text), text.debugDescription)
        }
    }

    func testPlainAbsoluteURLsAreThoseFoundationKeepsAsWritten() {
        let urls = [
            "https://journal0.example/12.html", "http://a.example", "http://a.example/", "https://a.example:8443/x",
            "https://img.example/0/4.jpg", "https://a.example/x?utm_source=1&b=2", "https://a.example/a/./b",
            "https://a.example/a/../b", "https://a.example/..", "https://a.example/.x/y.", "https://A.example/x",
            "HTTP://a.example/x", "https://a.example/x#frag", "https://a.example/x y", "https://a.example/%41",
            "https://a.example?x=1", "https://a.example:/x", "https://a.example/x;y,z@w+v:u~_-",
            "https://a.example//x", "https://user@a.example/", "ftp://a.example/", "https://é.example/",
            "https://a.example/é", "https://a.example/x?y=/../z",
        ]
        for url in urls where CanonicalURL.isPlainAbsolute(url) {
            let components = URLComponents(url: URL(string: url)!.absoluteURL, resolvingAgainstBaseURL: false)
            XCTAssertEqual(components?.string, url)
            XCTAssertEqual(CanonicalURL.resolve(url, against: "https://base.example/dir/"), url)
        }
        XCTAssertTrue(CanonicalURL.isPlainAbsolute("https://journal0.example/12.html"))
        XCTAssertFalse(CanonicalURL.isPlainAbsolute("https://a.example/a/../b"))
        XCTAssertFalse(CanonicalURL.isPlainAbsolute("HTTP://a.example/x"))
        // Dot segments anywhere in the path, but not in the query.
        for dotted in ["https://a.example/a/.", "https://a.example/./b", "https://a.example/a/..?x=1", "https://a.example/."] {
            XCTAssertFalse(CanonicalURL.isPlainAbsolute(dotted), dotted)
        }
        for plain in ["https://a.example/.x/y.", "https://a.example/x?y=/../z", "https://a.example/...", "http://a.example"] {
            XCTAssertTrue(CanonicalURL.isPlainAbsolute(plain), plain)
        }
    }

    func testJoinedTermsAreTheTermsJoined() {
        for text in ["L'École d’été", "aujourd'hui l'l qu'il", "Œuvres ÆSIR straße", "élections, journaux ; bureaux",
                     "日本語 テキスト", "e\u{301}cole", "jusqu'à 3,5 %", ""] {
            XCTAssertEqual(FrenchAnalyzer.joinedTermsUTF8(text), Array(FrenchAnalyzer.terms(text).joined(separator: " ").utf8))
        }
    }
}

