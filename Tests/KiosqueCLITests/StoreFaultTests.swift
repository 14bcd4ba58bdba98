import Foundation
import XCTest

/// A full disk and a read-only file system under the store: a clear error,
/// and the store left as it was. A small tmpfs plays the disk (this needs
/// root, as the project's machines and CI run).
final class StoreFaultTests: CLITestCase {
    private var mountPoint: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        mountPoint = folder.appendingPathComponent("petit-disque")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        XCTAssertEqual(getuid(), 0, "these tests mount a small tmpfs and need root")
        XCTAssertEqual(try shell(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountPoint.path]), 0)
    }

    override func tearDownWithError() throws {
        _ = try? shell(["umount", mountPoint.path])
        try super.tearDownWithError()
    }

    private func shell(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Feeds big enough to fill the small disk in a few files.
    private func bigFeeds(_ count: Int) throws -> URL {
        let dir = folder.appendingPathComponent("gros-flux")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let paragraph = String(repeating: "Un long paragraphe d’actualité sur la médina de Fès et ses artisans. ", count: 40)
        for file in 0..<count {
            let items = (0..<20).map { n in
                "<item><guid>f\(file)-\(n)</guid><title>Dépêche \(file)-\(n)</title><description><![CDATA[<p>\(paragraph)</p>]]></description></item>"
            }.joined()
            let feed = "<rss version=\"2.0\"><channel><title>Le Journal</title>\(items)</channel></rss>"
            try Data(feed.utf8).write(to: dir.appendingPathComponent(String(format: "%02d.xml", file)))
        }
        return dir
    }

    func testAFullDiskGivesAClearErrorAndKeepsTheStoreSound() throws {
        let store = mountPoint.appendingPathComponent("kiosque.sqlite").path
        let seeded = try kiosque("import", "--store", store, fixture("pages/seed-albayane.txt"))
        XCTAssertEqual(seeded.status, 0, seeded.stderr)
        let run = try kiosque("import", "--store", store, try bigFeeds(90).path)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("disque plein"), run.stderr)
        let check = try kiosque("check", "--store", store)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let rows = try XCTUnwrap(json(try kiosque("list", "--json", "--limit", "10000", "--store", store)) as? [[String: Any]])
        XCTAssertTrue(rows.contains { ($0["source"] as? String) == "Albayane" }, "what was there is still there")
        XCTAssertEqual((rows.count - 1) % 20, 0, "feeds land whole or not at all")
    }

    /// The first import builds the store apart (see StoreUnderConstruction)
    /// and commits small feeds by groups: a full disk stops it with one line,
    /// keeps the groups committed before, whole, and leaves no hidden file
    /// behind. (Groups of two feeds here, where the disk holds a few.)
    func testAFullDiskDuringTheFirstImportKeepsWholeGroupsOfFeedsOnly() throws {
        let store = mountPoint.appendingPathComponent("kiosque.sqlite").path
        let run = try kiosque("import", "--store", store, try bigFeeds(90).path, environment: ["KIOSQUE_IMPORT_GROUP": "40"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("disque plein"), run.stderr)
        let left = try FileManager.default.contentsOfDirectory(atPath: mountPoint.path)
        XCTAssertFalse(left.contains { $0.contains("building") }, "\(left)")
        guard FileManager.default.fileExists(atPath: store) else { return }   // nothing could be published
        // Room made, as the message asks: opening the store needs its journal.
        XCTAssertEqual(try shell(["mount", "-o", "remount,size=8m", mountPoint.path]), 0)
        let check = try kiosque("check", "--store", store)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let rows = try XCTUnwrap(json(try kiosque("list", "--json", "--limit", "10000", "--store", store)) as? [[String: Any]])
        XCTAssertGreaterThan(rows.count, 0, "the groups committed before the disk filled are kept")
        XCTAssertEqual(rows.count % 40, 0, "groups of two feeds land whole or not at all")
    }

    func testAReadOnlyStoreGivesAClearError() throws {
        let store = mountPoint.appendingPathComponent("kiosque.sqlite").path
        XCTAssertEqual(try kiosque("import", "--store", store, fixture("pages/seed-albayane.txt")).status, 0)
        XCTAssertEqual(try shell(["mount", "-o", "remount,ro", mountPoint.path]), 0)
        let run = try kiosque("import", "--store", store, fixture("pages/minimal.txt"))
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("lecture seule") || run.stderr.contains("impossible d'ouvrir"), run.stderr)
        XCTAssertEqual(try shell(["mount", "-o", "remount,rw", mountPoint.path]), 0)
        let rows = try XCTUnwrap(json(try kiosque("list", "--json", "--store", store)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 1)
    }
}
