import Foundation
import XCTest

final class FlagCommandTests: CLITestCase {
    /// Imports a feed with images and returns the first image block of the
    /// first article that has one.
    private func firstImage() throws -> (article: Int, image: Int, url: String) {
        let imported = try kiosque("import", fixture("feeds/rss2-lemonde-like.xml"))
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let rows = try XCTUnwrap(json(try kiosque("list", "--json")) as? [[String: Any]])
        for row in rows {
            let id = try XCTUnwrap(row["id"] as? Int)
            let article = try XCTUnwrap(json(try kiosque("show", String(id), "--json")) as? [String: Any])
            let blocks = try XCTUnwrap(article["blocks"] as? [[String: Any]])
            if let image = blocks.first(where: { $0["type"] as? String == "image" }) {
                return (id, try XCTUnwrap(image["id"] as? Int), try XCTUnwrap(image["url"] as? String))
            }
        }
        XCTFail("the fixture feed should have an article with an image")
        throw CancellationError()
    }

    func testThreePeopleBlockAnImageAndShowJSONSaysSo() throws {
        let (article, image, url) = try firstImage()
        let first = try kiosque("flag", String(image), "--user", "amina")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("Merci d'avoir signalé ! Cette image sera bloquée automatiquement après avoir été signalée par plusieurs personnes. (1/3)"), first.stdout)
        try kiosque("flag", String(image), "--user", "amina")       // twice counts once
        try kiosque("flag", String(image), "--user", "yassine")
        let third = try kiosque("flag", String(image), "--user", "claire")
        XCTAssertTrue(third.stdout.contains("(3/3)"), third.stdout)

        let flags = try XCTUnwrap(json(try kiosque("flags", "--json")) as? [[String: Any]])
        XCTAssertEqual(flags.count, 1)
        XCTAssertEqual(flags[0]["url"] as? String, url)
        XCTAssertEqual(flags[0]["flags"] as? Int, 3)
        XCTAssertEqual(flags[0]["flaggers"] as? [String], ["amina", "yassine", "claire"])
        XCTAssertEqual(flags[0]["blocked"] as? Bool, true)

        let shown = try XCTUnwrap(json(try kiosque("show", String(article), "--json")) as? [String: Any])
        let block = try XCTUnwrap((shown["blocks"] as? [[String: Any]])?.first { $0["id"] as? Int == image })
        XCTAssertEqual(block["blocked"] as? Bool, true)
        XCTAssertEqual(block["flags"] as? Int, 3)
        let text = try kiosque("show", String(article), "--width", "70")
        XCTAssertTrue(text.stdout.contains("Image n° \(image) bloquée"), text.stdout)

        let withdraw = try kiosque("unflag", String(image), "--user", "claire")
        XCTAssertNotEqual(withdraw.status, 0)
        XCTAssertTrue(withdraw.stderr.contains("déjà bloquée"))
    }

    func testWithdrawingBeforeTheBlockAndAConfiguredThreshold() throws {
        let (_, image, _) = try firstImage()
        try kiosque("flag", String(image), "--user", "amina")
        let withdrawn = try kiosque("unflag", String(image), "--user", "amina")
        XCTAssertEqual(withdrawn.status, 0, withdrawn.stderr)
        XCTAssertTrue(withdrawn.stdout.contains("(0/3)"))

        let config = folder.appendingPathComponent("config.toml")
        try Data("[flags]\nthreshold = 2\n".utf8).write(to: config)
        let one = try kiosque("flag", String(image), "--user", "amina", "--config", config.path)
        XCTAssertTrue(one.stdout.contains("(1/2)"), one.stdout)
        try kiosque("flag", String(image), "--user", "yassine", "--config", config.path)
        let flags = try XCTUnwrap(json(try kiosque("flags", "--json", "--config", config.path)) as? [[String: Any]])
        XCTAssertEqual(flags.first?["blocked"] as? Bool, true)
    }

    func testFlagsSurviveReimport() throws {
        let (_, image, _) = try firstImage()
        try kiosque("flag", String(image), "--user", "amina")
        try kiosque("import", fixture("feeds/rss2-lemonde-like.xml"))
        let flags = try XCTUnwrap(json(try kiosque("flags", "--json")) as? [[String: Any]])
        XCTAssertEqual(flags.first?["flaggers"] as? [String], ["amina"])
    }

    func testUnknownImageIsOneClearLine() throws {
        let run = try kiosque("flag", "4242", "--user", "amina")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(run.stderr.contains("aucune image"))
    }
}
