import Foundation
import NewsModel
import TestSupport
import XCTest
@testable import NewsImport

/// A seeded mutation fuzzer over every parser: the fixtures, damaged in
/// ways feeds get damaged, must be imported or refused with an ImportError,
/// never crash, and never let an unsafe character into the model.
///
/// By default a short run (a fixed seed, a few hundred cases per seed file);
/// `scripts/fuzz SECONDS` runs it for longer with a new seed, and prints the
/// seed of any failure so it can be replayed with KIOSQUE_FUZZ_SEED.
final class FuzzTests: XCTestCase {
    /// Pieces that parsers find hard, spliced into the input.
    static let tokens: [String] = [
        "<", ">", "&", "&amp;", "&#0;", "&#x1B;", "&lol9;", "]]>", "<![CDATA[", "<!--", "-->", "<!ENTITY x \"y\">",
        "<!DOCTYPE rss [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "<div>", "</p>", "<p>", "<img src=\"\">",
        "<a href=\"javascript:alert(1)\">", "xml:base=\"../\"", "\u{1B}]0;PWNED\u{07}", "\u{1B}[2J", "\u{9B}31m",
        "\u{202E}", "\u{0}", "\r\n", "\u{A0}\u{A0}\u{A0}", "Publié dans X le 31 - 02 - 2024", "Publié dans  le 1 - 1 - 2024",
        "<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
        "<rss version=\"2.0\"><channel>", "<item>", "</item>", "<content type=\"xhtml\">", "\u{FEFF}", "\u{FFFD}",
    ]

    static func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1:
                bytes.insert(contentsOf: Array(tokens.randomElement(using: &random)!.utf8), at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
                bytes.removeSubrange(position..<end)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...256, using: &random))
                let chunk = Array(bytes[position..<end])
                bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &random))
            case 4:
                // Deep nesting.
                let depth = Int.random(in: 1...400, using: &random)
                bytes.insert(contentsOf: Array(String(repeating: "<div>", count: depth).utf8), at: position)
            default:
                bytes = Array(bytes.prefix(position))   // truncation
            }
        }
        return bytes
    }

    func testParsersSurviveMutatedFixtures() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["KIOSQUE_FUZZ_SEED"].flatMap(UInt64.init) ?? 20261129
        let seconds = environment["KIOSQUE_FUZZ_SECONDS"].flatMap(Double.init)
        let casesPerFile = seconds == nil ? 60 : Int.max
        let deadline = Date().addingTimeInterval(seconds ?? 3600)
        var random = SeededGenerator(seed: seed)
        let seeds = try ["pages/seed-albayane.txt", "pages/lematin-crlf.txt", "pages/hespress-cp1252.txt",
                         "feeds/rss2-lemonde-like.xml", "feeds/atom-basic.xml", "feeds/rss1-rdf.xml",
                         "feeds/rss2-iso8859.xml", "hostile/escapes-rss.xml",
                         "subscriptions/abonnements.opml", "subscriptions/urls", "web/sncf-greve.html"].map { try Fixtures.bytes($0) }
        var cases = 0
        outer: while true {
            for input in seeds {
                for _ in 0..<min(casesPerFile, 60) {
                    if Date() > deadline { break outer }
                    let mutated = Self.mutate(input, &random)
                    cases += 1
                    check(mutated, seed: seed, case: cases)
                }
            }
            if seconds == nil { break }
        }
        if seconds != nil { print("fuzz: \(cases) cases, seed \(seed)") }
    }

    private func check(_ bytes: [UInt8], seed: UInt64, case number: Int) {
        let origin = Origin(kind: .file, location: "fuzz")
        do {
            let result = try DocumentImporter.parse(bytes, origin: origin, baseURL: "https://base.example/")
            for article in result.articles {
                let text = ([article.title, article.source, article.author ?? ""]
                            + article.blocks.map(\.plainText)).joined(separator: "\n")
                let unsafe = text.unicodeScalars.contains { $0 != "\n" && TextSanitizer.isUnsafe($0) }
                XCTAssertFalse(unsafe, "unsafe text in case \(number) of seed \(seed)")
                XCTAssertFalse(text.contains("root:x:0"), "a file was read in case \(number) of seed \(seed)")
            }
            for subscription in result.subscriptions {
                XCTAssertTrue(subscription.url.hasPrefix("http://") || subscription.url.hasPrefix("https://"),
                              "case \(number) of seed \(seed)")
                XCTAssertFalse((subscription.url + (subscription.name ?? "")).unicodeScalars.contains { TextSanitizer.isUnsafe($0) })
            }
            for teaser in result.teasers {
                XCTAssertFalse(teaser.title.unicodeScalars.contains { TextSanitizer.isUnsafe($0) })
            }
        } catch {
            XCTAssertFalse(error.reason.isEmpty, "an empty reason in case \(number) of seed \(seed)")
        }
    }

    func testHTMLFragmentsSurviveMutation() {
        var random = SeededGenerator(seed: 7)
        let base = Array("<p>Un <b>texte</b> avec <a href=\"/x\">un lien</a></p><figure><img src=\"i.jpg\" alt=\"a\"><figcaption>Légende <small>AFP</small></figcaption></figure><ul><li>un</li></ul><blockquote>cité</blockquote>".utf8)
        for _ in 0..<300 {
            let html = String(decoding: Self.mutate(base, &random), as: UTF8.self)
            let blocks = HTMLBlocks.blocks(fromHTML: html, baseURL: "https://base.example/")
            for block in blocks {
                XCTAssertFalse(block.plainText.unicodeScalars.contains { $0 != "\n" && TextSanitizer.isUnsafe($0) })
            }
        }
    }

    func testFrenchDateFinderSurvivesGarbage() {
        var random = SeededGenerator(seed: 13)
        let samples = ["Publié le 18 février 2025 à 11h20", "Lundi 14 octobre 2024 - 17:42", "le 03/03/2025 à 9 h 05", "1er août 2024"]
        for _ in 0..<2000 {
            let text = String(decoding: Self.mutate(Array(samples.randomElement(using: &random)!.utf8), &random), as: UTF8.self)
            if let date = FrenchDateFinder.find(in: text) {
                XCTAssertTrue(date.instant.timeIntervalSince1970.isFinite)
                _ = date.iso8601
            }
        }
    }

    func testDateParsersSurviveGarbage() {
        var random = SeededGenerator(seed: 11)
        let samples = ["Thu, 24 Oct 2024 14:05:00 +0200", "2024-10-24T14:05:00.250-04:00", "jeu., 24 oct. 2024 14:05 GMT"]
        for _ in 0..<2000 {
            let text = String(decoding: Self.mutate(Array(samples.randomElement(using: &random)!.utf8), &random), as: UTF8.self)
            if let date = FeedDates.parse(text) {
                XCTAssertTrue(date.instant.timeIntervalSince1970.isFinite)
                _ = date.iso8601
            }
        }
    }
}
