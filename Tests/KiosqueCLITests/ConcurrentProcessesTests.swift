import Foundation
import XCTest

/// Several kiosque processes on one store at once, as several people on one
/// machine: nothing lost, no "database is locked".
final class ConcurrentProcessesTests: CLITestCase {
    func testParallelImportsAndFlagsLoseNothing() throws {
        try kiosque("import", fixture("feeds/rss2-lemonde-like.xml"))
        let shown = try XCTUnwrap(json(try kiosque("show", "1", "--json")) as? [String: Any])
        let imageID = try XCTUnwrap((shown["blocks"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }.first)

        let files = ["pages", "feeds/atom-basic.xml", "feeds/rss1-rdf.xml", "feeds/rss2-cp1252.xml"]
        let runs: [[String]] = files.map { ["import", fixture($0)] }
            + ["amina", "yassine", "claire", "omar", "ines", "paul"].map { ["flag", String(imageID), "--user", $0] }
        for stderr in runConcurrently(runs) {
            XCTAssertFalse(stderr.contains("locked"), stderr)
            XCTAssertFalse(stderr.contains("occupée"), stderr)
        }
        let flags = try XCTUnwrap(json(try kiosque("flags", "--json")) as? [[String: Any]])
        XCTAssertEqual(flags.first?["flags"] as? Int, 6)
        let rows = try XCTUnwrap(json(try kiosque("list", "--json", "--limit", "1000")) as? [[String: Any]])
        // 4 from the first feed, 7 good pages, 4 Atom entries, 3 RDF items, 2 cp1252 items.
        XCTAssertEqual(rows.count, 4 + 7 + 4 + 3 + 2)
    }
}
