import Foundation
import XCTest

final class SearchCommandTests: CLITestCase {
    private func titles(_ query: String...) throws -> [String] {
        let run = try self.run(["search", "--json"] + query)
        XCTAssertEqual(run.status, 0, run.stderr)
        let hits = try XCTUnwrap(json(run) as? [[String: Any]])
        for hit in hits {
            for key in ["id", "title", "source", "published", "url", "unread", "snippet"] {
                XCTAssertTrue(hit.keys.contains(key), "\(key) missing")
            }
        }
        return hits.compactMap { $0["title"] as? String }
    }

    func testUnaccentedElidedAndSingularQueriesOnTheSamples() throws {
        try kiosque("import", fixture("pages"), fixture("feeds"))
        let ecole = try titles("ecole")
        XCTAssertTrue(ecole.contains("Liège : l'école Saint-Léonard rouvre ses portes après 18 mois de travaux"), "\(ecole)")
        XCTAssertTrue(ecole.contains { $0.hasPrefix("Tétouan : l'école des arts") }, "\(ecole)")
        XCTAssertEqual(try titles("l’ecole"), ecole)
        XCTAssertTrue(try titles("etudiant").contains("Louvain-la-Neuve : les étudiants réclament des kots à prix abordable"))
        XCTAssertEqual(try titles("ecole", "-liege").contains { $0.hasPrefix("Liège") }, false)
    }

    func testTextOutputMarksTheMatches() throws {
        try kiosque("import", fixture("pages"))
        let run = try kiosque("search", "protection", "enfants")
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stdout.contains("**protection**"), run.stdout)
        let none = try kiosque("search", "zzzz")
        XCTAssertTrue(none.stdout.contains("Aucun article"))
        let empty = try kiosque("search", "-enfants")
        XCTAssertNotEqual(empty.status, 0)
        XCTAssertEqual(empty.stderr.split(separator: "\n").count, 1)
    }
}
