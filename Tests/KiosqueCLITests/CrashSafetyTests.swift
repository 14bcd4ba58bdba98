import Foundation
import XCTest

/// kill -9 in the middle of an import leaves a sound store: every article
/// whole or absent, and the next import goes on normally.
final class CrashSafetyTests: CLITestCase {
    private func writeFeeds(count: Int, itemsEach: Int) throws -> URL {
        let dir = folder.appendingPathComponent("flux")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for file in 0..<count {
            var items = ""
            for item in 0..<itemsEach {
                let n = file * itemsEach + item
                items += """
                <item><guid>article-\(n)</guid><title>Article n° \(n) : la médina de Fès</title>
                <link>https://journal.example/\(n)</link><pubDate>Thu, 24 Oct 2024 14:05:00 +0200</pubDate>
                <description><![CDATA[<p>Premier paragraphe de l’article \(n).</p><p>Deuxième paragraphe, « cité ».</p>
                <img src="/photos/\(n).jpg" alt="Photo \(n)">]]></description></item>

                """
            }
            let feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Le Journal</title><link>https://journal.example/</link>
                \(items)</channel></rss>
                """
            try Data(feed.utf8).write(to: dir.appendingPathComponent(String(format: "flux-%03d.xml", file)))
        }
        return dir
    }

    func testKillDuringImportLeavesEveryArticleWholeOrAbsent() throws {
        let files = 150, itemsEach = 4
        let dir = try writeFeeds(count: files, itemsEach: itemsEach)
        var interrupted = false
        for delay in [0.02, 0.08, 0.15, 0.3] {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["import", dir.path]
            process.environment = environment()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let check = try kiosque("check")
            XCTAssertEqual(check.status, 0, check.stderr)
            XCTAssertTrue(check.stdout.hasPrefix("Base intacte"), check.stdout)
            let rows = try XCTUnwrap(json(try kiosque("list", "--json", "--limit", "100000")) as? [[String: Any]])
            if rows.count < files * itemsEach { interrupted = true }
            XCTAssertEqual(rows.count % itemsEach, 0, "a file landed in part")
            for row in rows.shuffled().prefix(15) {
                let id = try XCTUnwrap(row["id"] as? Int)
                let article = try XCTUnwrap(json(try kiosque("show", String(id), "--json")) as? [String: Any])
                let blocks = try XCTUnwrap(article["blocks"] as? [[String: Any]])
                XCTAssertEqual(blocks.filter { $0["type"] as? String == "paragraph" }.count, 2, "article \(id) is not whole")
                XCTAssertEqual(blocks.filter { $0["type"] as? String == "image" }.compactMap { $0["id"] as? Int }.count, 1)
            }
        }
        XCTAssertTrue(interrupted, "no kill landed in the middle of an import")
        let finish = try kiosque("import", dir.path)
        XCTAssertEqual(finish.status, 0, finish.stderr)
        let rows = try XCTUnwrap(json(try kiosque("list", "--json", "--limit", "100000")) as? [[String: Any]])
        XCTAssertEqual(rows.count, files * itemsEach)
        XCTAssertEqual(try kiosque("check").status, 0)
    }
}
