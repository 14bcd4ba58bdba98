import Foundation
import NewsModel
import XCTest
@testable import Typesetting

/// Real French paragraphs (the seed page's) set at several widths, compared
/// with recorded text. KIOSQUE_RECORD_SCREENS=1 records them anew.
final class GoldenParagraphTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    private func paragraphs() throws -> [String] {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/pages/seed-albayane.txt")
        let lines = try String(contentsOf: seed, encoding: .utf8).components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Les moyens de protection") })
        return Array(lines[start..<(start + 3)])
    }

    func testSeedParagraphsAtSeveralWidths() throws {
        for width in [28, 45, 72] {
            for justify in [false, true] {
                let text = try paragraphs().map { paragraph in
                    let lines = LineBreaker.wrap(paragraph, width: width, justifying: justify)
                    return lines.enumerated().map { index, line in
                        justify && index < lines.count - 1 ? Justifier.justify(line, to: width) : line
                    }.joined(separator: "\n")
                }.joined(separator: "\n\n") + "\n"
                let name = "seed-\(width)\(justify ? "-justified" : "").txt"
                let url = folder.appendingPathComponent(name)
                if ProcessInfo.processInfo.environment["KIOSQUE_RECORD_SCREENS"] == "1" {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try text.write(to: url, atomically: false, encoding: .utf8)
                    continue
                }
                XCTAssertEqual(text, try String(contentsOf: url, encoding: .utf8), name)
            }
        }
    }
}
