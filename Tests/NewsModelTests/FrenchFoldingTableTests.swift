import Foundation
@testable import NewsModel
import XCTest

/// The analyzer's folding table, read from the source rather than worked
/// out at each start.
final class FrenchFoldingTableTests: XCTestCase {
    /// The table the analyzer reads is the one its rules and Foundation's
    /// folding give on this machine. With KIOSQUE_FOLDING_TABLE_OUTPUT set
    /// to a path, the table's source is written there first
    /// (scripts/generate-folding-table).
    func testTheWrittenTableIsTheComputedOne() throws {
        let computed = (0..<FrenchAnalyzer.tableEnd).map(FrenchAnalyzer.computedFolding)
        let text = try XCTUnwrap(FrenchFoldingTable.written(computed), "every folding can be written")
        if let output = ProcessInfo.processInfo.environment["KIOSQUE_FOLDING_TABLE_OUTPUT"] {
            try Self.source(text).write(toFile: output, atomically: true, encoding: .utf8)
        }
        XCTAssertTrue(FrenchFoldingTable.decoded(text) == computed, "written and read back")
        let embedded = FrenchFoldingTable.decoded(FrenchAnalyzer.foldingTableText)
        XCTAssertEqual(embedded.count, FrenchAnalyzer.tableEnd, "run scripts/generate-folding-table")
        for value in 0..<min(embedded.count, computed.count) where embedded[value] != computed[value] {
            XCTFail("U+\(String(value, radix: 16, uppercase: true)) folds otherwise: run scripts/generate-folding-table")
            break
        }
    }

    func testEntriesThatCouldNotBeReadBackAreRefused() {
        XCTAssertNil(FrenchFoldingTable.written([Array("a b".utf8)]))
        XCTAssertNil(FrenchFoldingTable.written([Array("a\nb".utf8)]))
        XCTAssertNil(FrenchFoldingTable.written([Array("-".utf8)]))
        XCTAssertNil(FrenchFoldingTable.written([Array("∅".utf8)]))
    }

    func testSeparatorsDroppedScalarsAndFoldingsAreReadBack() throws {
        let table: [[UInt8]?] = [nil, [], Array("e".utf8), Array("αθ".utf8), Array("oe".utf8), nil]
            + Array(repeating: Array("x".utf8), count: 40)   // past one line
        let text = try XCTUnwrap(FrenchFoldingTable.written(table))
        XCTAssertTrue(text.contains("\n"), "lines of \(FrenchFoldingTable.entriesPerLine)")
        XCTAssertTrue(FrenchFoldingTable.decoded(text) == table)
    }

    private static func source(_ text: String) -> String {
        let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }
        return """
            // Written by scripts/generate-folding-table from FrenchAnalyzer.computedFolding:
            // do not edit by hand.
            extension FrenchAnalyzer {
                /// `tableFolding` written out (see `FrenchFoldingTable`).
                static let foldingTableText = \"\"\"
            \(indented.joined(separator: "\n"))
                    \"\"\"
            }

            """
    }
}
