import Foundation
import XCTest

/// The three journeys, on the real binary in a real terminal (tmux).
final class ReaderEndToEndTests: CLITestCase {
    private func startReader(_ extra: [String] = [], width: Int = 100, height: Int = 30,
                             environment: [String: String] = [:]) throws -> TmuxSession {
        var env = ["TERM": "tmux-256color", "HOME": folder.path, "KIOSQUE_STORE": storePath,
                   "USER": "amina", "PATH": "/usr/bin:/bin"]
        env.merge(environment) { _, new in new }
        return try TmuxSession(command: [binary.path] + extra, environment: env, width: width, height: height)
    }

    private func importSamples() throws -> [[String: Any]] {
        let imported = try kiosque("import", fixture("pages"))
        XCTAssertTrue(imported.stdout.contains("importé"), imported.stdout + imported.stderr)
        return try XCTUnwrap(json(try kiosque("list", "--json")) as? [[String: Any]])
    }

    func testBrowseTheHeadlinesThenReadTheThirdAndComeBack() throws {
        let rows = try importSamples()
        XCTAssertGreaterThanOrEqual(rows.count, 3, "the samples hold at least three pages")
        guard rows.count >= 3 else { return }
        let third = try XCTUnwrap(rows[2]["title"] as? String)
        let session = try startReader()
        let first = try session.waitFor("the list") { $0.contains { $0.contains("Date") && $0.contains("Titre") } }
        XCTAssertTrue(first[29].contains("\(rows.count) articles"), first[29])
        // The ticker moves on the top line and shows real headlines.
        let tickerBefore = first[0]
        let moved = try session.waitFor("the ticker to move") { $0[0] != tickerBefore }
        let teasers = try XCTUnwrap(json(try kiosque("list", "--teasers", "--json", "--limit", "1000")) as? [[String: Any]])
        let known = rows.map { "\($0["source"] as! String) · \($0["title"] as! String)" }
            + teasers.map { "À la une · \($0["title"] as! String)" }
        let pieces = moved[0].components(separatedBy: "◆").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.count >= 12 }
        XCTAssertFalse(pieces.isEmpty, moved[0])
        for piece in pieces {
            XCTAssertTrue(known.contains { $0.contains(piece) }, "«\(piece)» is not a stored headline")
        }

        try session.send("Down")
        try session.send("Down")
        try session.send("Enter")
        let pager = try session.waitFor("the third article") { lines in
            lines.contains { $0.contains("Publié dans") }
        }
        let words = third.split(separator: " ").prefix(4).joined(separator: " ")
        XCTAssertTrue(pager.joined(separator: "\n").contains(words), "\(words) not in:\n" + pager.joined(separator: "\n"))

        try session.send("q")
        let back = try session.waitFor("the list again") { $0.contains { $0.contains("Titre") && $0.contains("Source") } }
        // The selection is still on the third headline, which is now read.
        XCTAssertTrue(back[4].hasPrefix("  "), back[4])
        try session.send("q")
        try session.waitFor("the reader to exit") { $0.contains { $0.contains("KIOSQUE-EXIT=0") } }
    }

    /// The reader opens the selected article out of sight once its first
    /// screen is drawn (so that the first Enter is quick): that opening
    /// marks nothing read, and the first Enter then shows the article.
    func testTheArticleOpenedOutOfSightIsNotMarkedRead() throws {
        let rows = try importSamples()
        let session = try startReader()
        try session.waitFor("the list") { $0.contains { $0.contains("Titre") } }
        Thread.sleep(forTimeInterval: 1)   // the opening out of sight is done by then
        try session.send("q")
        try session.waitFor("the reader to exit") { $0.contains { $0.contains("KIOSQUE-EXIT=0") } }
        let after = try XCTUnwrap(json(try kiosque("list", "--json")) as? [[String: Any]])
        XCTAssertEqual(after.count, rows.count)
        XCTAssertTrue(after.allSatisfy { $0["unread"] as? Bool == true }, "\(after.map { $0["unread"] ?? "?" })")

        let again = try startReader()
        try again.waitFor("the list") { $0.contains { $0.contains("Titre") } }
        try again.send("Enter")
        let first = try XCTUnwrap(rows.first?["title"] as? String)
        let words = first.split(separator: " ").prefix(3).joined(separator: " ")
        let pager = try again.waitFor("the first article") { $0.contains { $0.contains("Publié dans") } }
        XCTAssertTrue(pager.joined(separator: "\n").contains(words), words)
        try again.send("q")
        try again.send("q")
        try again.waitFor("the reader to exit") { $0.contains { $0.contains("KIOSQUE-EXIT=0") } }
    }

    func testResizeStormDownToOneByOne() throws {
        _ = try importSamples()
        let session = try startReader()
        try session.waitFor("the list") { $0.contains { $0.contains("Titre") } }
        try session.send("Enter")
        try session.waitFor("the pager") { $0.contains { $0.contains("Publié dans") } }
        for (w, h) in [(1, 1), (19, 5), (20, 6), (3, 40), (200, 2), (1, 1), (80, 24), (25, 7), (100, 30)] {
            try session.resize(width: w, height: h)
        }
        try session.resize(width: 15, height: 5)
        try session.waitFor("the too-small notice") { $0.contains { $0.contains("fenêtre trop") } }
        try session.resize(width: 100, height: 30)
        try session.waitFor("the pager again") { $0.contains { $0.contains("Publié dans") } }
        try session.send("q")
        try session.send("q")
        try session.waitFor("a clean exit") { $0.contains { $0.contains("KIOSQUE-EXIT=0") } }
    }

    func testEmptyStoreShowsHowToAddArticles() throws {
        let session = try startReader(["--lang", "en"])
        try session.waitFor("the empty-store help") { $0.contains { $0.contains("kiosque import FILE-OR-FOLDER") } }
        try session.send("q")
        try session.waitFor("a clean exit") { $0.contains { $0.contains("KIOSQUE-EXIT=0") } }
    }

    func testWithoutTermTheReaderSaysSoAndExits() throws {
        let run = try kiosque(environment: ["TERM": ""])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("TERM"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1)
    }
}

/// Flag an image in the reader, then two more people from the command line.
final class ReaderFlaggingEndToEndTests: CLITestCase {
    func testTabSThanksAndTwoMorePeopleBlockTheImage() throws {
        let imported = try kiosque("import", fixture("feeds/rss2-lemonde-like.xml"))
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let rows = try XCTUnwrap(json(try kiosque("list", "--json")) as? [[String: Any]])
        let first = try XCTUnwrap(rows.first?["id"] as? Int)
        let shown = try XCTUnwrap(json(try kiosque("show", String(first), "--json")) as? [String: Any])
        let image = try XCTUnwrap((shown["blocks"] as? [[String: Any]])?.first { $0["type"] as? String == "image" })
        let imageID = try XCTUnwrap(image["id"] as? Int)

        let env = ["TERM": "tmux-256color", "HOME": folder.path, "KIOSQUE_STORE": storePath,
                   "USER": "amina", "PATH": "/usr/bin:/bin"]
        let session = try TmuxSession(command: [binary.path], environment: env)
        try session.waitFor("the list") { $0.contains { $0.contains("Titre") } }
        try session.send("Enter")
        try session.waitFor("the article") { $0.contains { $0.contains("Publié dans") } }
        try session.send("Tab")
        try session.send("s")
        let thanked = try session.waitFor("the thanks") { $0.contains { $0.contains("Merci d'avoir signalé !") } }
        let message = thanked.suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(message.contains("Merci d'avoir signalé ! Cette image sera bloquée automatiquement après avoir été signalée par plusieurs personnes. (1/3)"), message)
        try session.waitFor("the image hidden for amina") { $0.contains { $0.contains("masquée") } }

        try kiosque("flag", String(imageID), "--user", "yassine")
        try kiosque("flag", String(imageID), "--user", "claire")
        // Reopen the article: the image is now blocked for everybody.
        try session.send("q")
        try session.waitFor("the list") { $0.contains { $0.contains("Titre") } }
        try session.send("Enter")
        try session.waitFor("the blocked image") { $0.contains { $0.contains("Image n° \(imageID) bloquée") } }
        try session.send("q")
        try session.send("q")
        try session.waitFor("a clean exit") { $0.contains { $0.contains("KIOSQUE-EXIT=0") } }
    }
}
