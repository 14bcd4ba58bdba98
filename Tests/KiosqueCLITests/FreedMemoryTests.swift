import Foundation
@testable import kiosque
import XCTest

/// When a large import keeps the memory it frees.
final class FreedMemoryTests: CLITestCase {
    private let large = FreedMemory.worthFromBytes

    func testOnlyALargeImportKeepsItsFreedMemory() {
        XCTAssertFalse(FreedMemory.isWorthIt(inputBytes: large - 1, environment: [:]), "small: nothing to gain")
        XCTAssertTrue(FreedMemory.isWorthIt(inputBytes: large, environment: [:]))
        XCTAssertTrue(FreedMemory.isWorthIt(inputBytes: large, environment: ["GLIBC_TUNABLES": "glibc.malloc.arena_max=2"]))
        XCTAssertFalse(FreedMemory.isWorthIt(inputBytes: large, environment: ["KIOSQUE_KEEP_FREED_MEMORY": "0"]), "refused")
        XCTAssertFalse(FreedMemory.isWorthIt(inputBytes: large,
                                             environment: ["GLIBC_TUNABLES": "glibc.malloc.trim_threshold=0"]),
                       "their threshold stands")
    }

    /// A feed over the threshold: the import says everything once and
    /// stores every article.
    func testALargeImportSaysItsSummaryOnceAndStoresEverything() throws {
        let paragraph = "<p>" + String(repeating: "Le conseil municipal a voté le budget de l’école. ", count: 300) + "</p>"
        let body = String(repeating: paragraph, count: 60).replacingOccurrences(of: "<", with: "&lt;")
        let items = (0..<40).map { "<item><guid>g\($0)</guid><title>Dépêche \($0)</title><description>\(body)</description></item>\n" }
        let feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Grand journal</title>\n"
            + items.joined() + "</channel></rss>\n"
        let path = folder.appendingPathComponent("grand.xml").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(feed.utf8)))
        XCTAssertGreaterThanOrEqual(feed.utf8.count, large)
        let run = try kiosque("import", path, "/nulle/part.xml")
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stderr.components(separatedBy: "/nulle/part.xml").count, 2, "said once: \(run.stderr)")
        XCTAssertEqual(run.stdout.components(separatedBy: "\n").filter { !$0.isEmpty },
                       ["1 fichier importé, 1 refusé : 40 articles ajoutés, 0 mis à jour, 0 inchangé, 0 titre du bandeau ajouté."])
        let listed = try kiosque("list", "--limit", "100")
        XCTAssertEqual(listed.stdout.components(separatedBy: "Dépêche").count - 1, 40, listed.stdout)
    }
}
