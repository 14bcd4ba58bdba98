import Foundation
import XCTest

/// The hostile corpus through every command: nothing a terminal would act
/// on ever reaches standard output or standard error.
final class HostileInputTests: CLITestCase {
    private func assertSafe(_ text: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let unsafe = text.unicodeScalars.filter { scalar in
            let v = scalar.value
            let layout = v == 0x0A || v == 0x09
            return (v < 0x20 && !layout) || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }
        XCTAssertTrue(unsafe.isEmpty, "\(label): \(unsafe.map { String($0.value, radix: 16) })", file: file, line: line)
    }

    func testEveryCommandPrintsOnlySafeText() throws {
        let imported = try kiosque("import", fixture("hostile"))
        XCTAssertEqual(imported.status, 0, imported.stderr)
        assertSafe(imported.stdout + imported.stderr, "import")
        let rows = try XCTUnwrap(json(try kiosque("list", "--json")) as? [[String: Any]])
        XCTAssertEqual(rows.count, 4)
        for command in [["list"], ["list", "--json"], ["list", "--teasers"], ["list", "--teasers", "--json"],
                        ["search", "agadir"], ["search", "--json", "navigateur"], ["flags"], ["check"]] {
            let run = try self.run(command)
            XCTAssertEqual(run.status, 0, "\(command): \(run.stderr)")
            assertSafe(run.stdout + run.stderr, command.joined(separator: " "))
        }
        for row in rows {
            let id = String(try XCTUnwrap(row["id"] as? Int))
            for command in [["show", id], ["show", id, "--json"], ["show", id, "--width", "30"]] {
                let run = try self.run(command)
                XCTAssertEqual(run.status, 0)
                assertSafe(run.stdout + run.stderr, command.joined(separator: " "))
                XCTAssertFalse(run.stdout.contains("PWNED"), "the payload of an escape sequence is dropped with it")
            }
        }
    }

    func testAHostileFileNameIsCleanedInTheErrorLine() throws {
        let name = "\u{1B}]0;PWNED\u{07}\u{202E}txt.exe"
        let path = folder.appendingPathComponent(name)
        try Data("rien d'utile\n".utf8).write(to: path)
        let run = try kiosque("import", path.path)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1)
        assertSafe(run.stderr, "error line")
        XCTAssertTrue(run.stderr.contains("format non reconnu"))
    }

    func testBinaryAndNulFilesAreRefusedInOneLine() throws {
        let binary = folder.appendingPathComponent("image.jpg")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) }).write(to: binary)
        let run = try kiosque("import", binary.path)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        assertSafe(run.stderr, "binary refusal")
    }

    func testTheReaderNeverChangesTheTerminalTitleOrClipboard() throws {
        try kiosque("import", fixture("hostile"))
        let env = ["TERM": "tmux-256color", "HOME": folder.path, "KIOSQUE_STORE": storePath,
                   "USER": "amina", "PATH": "/usr/bin:/bin"]
        // Let the pane's programs set the clipboard (OSC 52) and the title
        // (OSC 0/2), so that any sequence that got through would show.
        let config = folder.appendingPathComponent("tmux.conf")
        try Data("set -g set-clipboard on\nset -g allow-rename on\n".utf8).write(to: config)
        let session = try TmuxSession(command: [binary.path], environment: env, config: config.path)
        let before = try session.tmux(["display-message", "-p", "-t", "k", "#{pane_title}"])
        try session.waitFor("the list") { $0.contains { $0.contains("Titre") } }
        for _ in 0..<4 {
            try session.send("Enter")
            try session.waitFor("an article") { $0.contains { $0.contains("Publié dans") } }
            try session.send("End")
            try session.send("q")
            try session.send("Down")
        }
        let screen = try session.screen().joined(separator: "\n")
        XCTAssertFalse(screen.contains("PWNED"))
        XCTAssertEqual(try session.tmux(["display-message", "-p", "-t", "k", "#{pane_title}"]), before)
        XCTAssertEqual(try session.tmux(["list-buffers"]), "", "nothing was written to the clipboard")
        try session.send("q")
        try session.waitFor("a clean exit") { $0.contains { $0.contains("KIOSQUE-EXIT=0") } }
    }
}

final class HugeFileTests: CLITestCase {
    func testAMultiGigabyteFileIsRefusedWithoutReadingItAll() throws {
        let path = folder.appendingPathComponent("enorme.xml")
        XCTAssertTrue(FileManager.default.createFile(atPath: path.path, contents: Data("<rss version=\"2.0\"><channel>".utf8)))
        let handle = try FileHandle(forWritingTo: path)
        try handle.truncate(atOffset: 3 * 1024 * 1024 * 1024)     // sparse: 3 GiB on paper
        try handle.close()
        let good = fixture("pages/seed-albayane.txt")
        let run = try kiosque("import", path.path, good)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("enorme.xml") && run.stderr.contains("trop volumineux"), run.stderr)
        XCTAssertTrue(run.stdout.contains("1 fichier importé, 1 refusé"), run.stdout)
    }
}

final class HostileHTMLTests: CLITestCase {
    /// Deep nesting, a huge attribute and unclosed tags inside an item: the
    /// item is imported with its text, nothing crashes.
    func testDeepHugeAndUnclosedHTMLInAnItem() throws {
        let deep = String(repeating: "<div>", count: 50_000)
        let huge = String(repeating: "A", count: 5_000_000)
        let html = "<p>Avant</p>\(deep)<p title=\"\(huge)\">Texte profond<p>non fermé<b><i>encore"
        let feed = "<rss version=\"2.0\"><channel><title>Le Journal</title><item><guid>1</guid><title>Piège</title>"
            + "<description><![CDATA[\(html)]]></description></item></channel></rss>"
        let path = folder.appendingPathComponent("piege.xml")
        try Data(feed.utf8).write(to: path)
        let run = try kiosque("import", path.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let shown = try kiosque("show", "1")
        XCTAssertEqual(shown.status, 0)
        XCTAssertTrue(shown.stdout.contains("Avant"))
        XCTAssertFalse(shown.stdout.contains("AAAA"), "attributes are not text")
    }
}
