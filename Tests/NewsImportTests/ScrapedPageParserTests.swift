import Foundation
import NewsModel
import XCTest
@testable import NewsImport

final class ScrapedPageParserTests: XCTestCase {
    private let origin = Origin(kind: .file, location: "page.txt")

    func testSeedPageGivesTheArticleAndItsBand() throws {
        let result = try DocumentImporter.importFile(atPath: Fixtures.path("pages/seed-albayane.txt"))
        XCTAssertEqual(result.format, .scrapedPage)
        let article = try XCTUnwrap(result.articles.first)
        XCTAssertEqual(result.articles.count, 1)
        XCTAssertEqual(article.title, "La protection des enfants contre l'exploitation sur internet au centre d'une journée à Rabat")
        XCTAssertEqual(article.source, "Albayane")
        XCTAssertEqual(article.published?.day, "2024-07-28")
        XCTAssertEqual(article.published?.hasTime, false)
        XCTAssertEqual(article.paragraphCount, 12)
        XCTAssertEqual(article.blocks.count, 12)
        guard case .paragraph(let first) = article.blocks.first, case .paragraph(let last) = article.blocks.last else {
            return XCTFail("body should be paragraphs")
        }
        XCTAssertTrue(first.hasPrefix("Les moyens de protection"))
        XCTAssertTrue(last.hasSuffix("«Cœur bleu»."))
        XCTAssertEqual(result.teasers.count, 48)
        XCTAssertEqual(result.teasers.first?.title,
                       "En Conseil de gouvernement, Akhannouch félicite les nouveaux membres de son équipe")
        XCTAssertEqual(result.teasers.last?.title,
                       "À Melilla, la DGST marocaine participe à l'interpellation de présumés djihadistes")
        let body = article.blocks.map(\.plainText).joined(separator: "\n")
        XCTAssertFalse(body.contains("Merci d'avoir signalé"))
        XCTAssertFalse(body.contains("Cliquez ici"))
        XCTAssertFalse(body.contains("Classement FIFA"))
    }

    private func page(band: String? = "Premier titre\u{A0} \u{A0} \u{A0} Deuxième titre\u{A0} \u{A0} ",
                      notice: Bool = true, source: String = "Le Matin", date: String = "3 - 2 - 2025",
                      newline: String = "\n") -> String {
        var lines: [String] = []
        if let band { lines += [band, "", ""] }
        if notice {
            lines += ["Merci d'avoir signalé!",
                      "Cette image sera automatiquement bloquée après qu'elle soit signalée par plusieurs personnes.", ""]
        }
        lines += ["Le Maroc et l’Espagne renforcent leur coopération portuaire", "Publié dans \(source) le \(date)", "",
                  "Premier paragraphe de l’article, avec des accents : été, déjà, Fès.",
                  "Deuxième paragraphe « entre guillemets ».", "", "",
                  "Cliquez ici pour lire l'article depuis sa source."]
        return lines.joined(separator: newline)
    }

    func testOneDigitDayAndMonthAndCRLF() throws {
        let result = try ScrapedPageParser.parse(page(newline: "\r\n"), origin: origin)
        let article = try XCTUnwrap(result.articles.first)
        XCTAssertEqual(article.published?.day, "2025-02-03")
        XCTAssertEqual(article.paragraphCount, 2)
        XCTAssertEqual(result.teasers.map(\.title), ["Premier titre", "Deuxième titre"])
        XCTAssertFalse(article.blocks.map(\.plainText).joined().contains("\r"))
    }

    func testSourceWithSpacesApostropheAndLe() throws {
        let result = try ScrapedPageParser.parse(page(source: "Aujourd'hui le Maroc"), origin: origin)
        XCTAssertEqual(result.articles.first?.source, "Aujourd'hui le Maroc")
    }

    func testMissingBandAndMissingNotice() throws {
        let noBand = try ScrapedPageParser.parse(page(band: nil), origin: origin)
        XCTAssertEqual(noBand.teasers, [])
        XCTAssertEqual(noBand.articles.first?.title, "Le Maroc et l’Espagne renforcent leur coopération portuaire")
        let noNotice = try ScrapedPageParser.parse(page(notice: false), origin: origin)
        XCTAssertEqual(noNotice.teasers.count, 2)
        XCTAssertEqual(noNotice.articles.first?.paragraphCount, 2)
        let neither = try ScrapedPageParser.parse(page(band: nil, notice: false), origin: origin)
        XCTAssertEqual(neither.articles.first?.title, "Le Maroc et l’Espagne renforcent leur coopération portuaire")
    }

    func testDecomposedAccentsBecomeComposed() throws {
        let nfd = page().decomposedStringWithCanonicalMapping
        let article = try XCTUnwrap(ScrapedPageParser.parse(nfd, origin: origin).articles.first)
        XCTAssertEqual(Array(article.title.unicodeScalars),
                       Array("Le Maroc et l’Espagne renforcent leur coopération portuaire".unicodeScalars))
        XCTAssertEqual(article.source, "Le Matin")
    }

    func testWindows1252AndLatin1Bytes() throws {
        let text = page(source: "L’Économiste") + "\n"
        let cp1252 = try XCTUnwrap(text.data(using: .windowsCP1252))
        let fromCP1252 = try DocumentImporter.parse([UInt8](cp1252), origin: origin, baseURL: nil)
        XCTAssertEqual(fromCP1252.articles.first?.source, "L’Économiste")
        XCTAssertEqual(fromCP1252.articles.first?.title, "Le Maroc et l’Espagne renforcent leur coopération portuaire")

        let latin1Text = page(source: "Libération").replacingOccurrences(of: "’", with: "'")
        let latin1 = try XCTUnwrap(latin1Text.data(using: .isoLatin1))
        let fromLatin1 = try DocumentImporter.parse([UInt8](latin1), origin: origin, baseURL: nil)
        XCTAssertEqual(fromLatin1.articles.first?.source, "Libération")
        XCTAssertEqual(fromLatin1.teasers.map(\.title), ["Premier titre", "Deuxième titre"])
    }

    func testPageWithoutBylineIsRejected() {
        let text = page().replacingOccurrences(of: "Publié dans Le Matin le 3 - 2 - 2025", with: "")
        XCTAssertThrowsError(try DocumentImporter.parse(Array(text.utf8), origin: origin, baseURL: nil)) { error in
            XCTAssertEqual("\(error)", "page extraite sans ligne « Publié dans SOURCE le JJ - MM - AAAA »")
        }
    }

    func testImpossibleDateIsRejectedWithItsLine() {
        XCTAssertThrowsError(try ScrapedPageParser.parse(page(date: "31 - 02 - 2025"), origin: origin)) { error in
            let error = error as? ImportError
            XCTAssertEqual(error?.line, 8)
            XCTAssertTrue(error?.reason.contains("date") == true)
        }
    }

    func testHostileControlsNeverReachTheModel() throws {
        let text = page().replacingOccurrences(of: "Premier paragraphe", with: "Premier\u{1B}]0;PWNED\u{07} \u{1B}[2Jparagraphe\u{202E}")
        let article = try XCTUnwrap(ScrapedPageParser.parse(text, origin: origin).articles.first)
        let body = article.blocks.map(\.plainText).joined()
        XCTAssertFalse(body.unicodeScalars.contains { TextSanitizer.isUnsafe($0) })
        XCTAssertFalse(body.contains("PWNED"))
        XCTAssertTrue(body.hasPrefix("Premier paragraphe"))
    }

    func testBandSplitsOnlyOnRunsOfNoBreakSpaces() {
        let band = "Liban\u{A0}: le Maroc appelle au calme\u{A0} \u{A0} \u{A0} Bourse : clôture en hausse\u{A0}\u{A0}\u{A0}\u{A0}"
        XCTAssertEqual(ScrapedPageParser.splitBand(band), ["Liban\u{A0}: le Maroc appelle au calme", "Bourse : clôture en hausse"])
    }
}
