import XCTest
@testable import ArticleHTML
@testable import NewsImport

/// The sink copies runs of text rather than bytes; it must collapse
/// whitespace exactly as a byte at a time would.
final class HTMLTextSinkTests: XCTestCase {
    /// The rule, a byte at a time: a run of HTML spaces is one space, none
    /// at the start nor after a line break.
    private struct Reference {
        var bytes: [UInt8] = []
        var pendingSpace = false

        mutating func appendCollapsing(_ text: String) {
            for byte in text.utf8 {
                if [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(byte) {
                    pendingSpace = true
                    continue
                }
                if pendingSpace, !bytes.isEmpty, bytes.last != 0x0A { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }

        mutating func appendLineBreak() {
            pendingSpace = false
            if !bytes.isEmpty, bytes.last != 0x0A { bytes.append(0x0A) }
        }
    }

    func testRunsCollapseAsByteByByte() {
        let pieces = ["a", "é", "mot", " ", "  ", "\t", "\n", "\r\n", "\u{0C}", "\u{A0}", "l’État", " x ", "", "\u{1F600}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var sink = HTMLTextSink(kind: .flow, serial: 0)
            var reference = Reference()
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                if Int.random(in: 0..<5, using: &generator) == 0 {
                    sink.appendLineBreak()
                    reference.appendLineBreak()
                    continue
                }
                var text = ""
                for _ in 0..<Int.random(in: 0...8, using: &generator) { text += pieces.randomElement(using: &generator)! }
                sink.appendCollapsing(text)
                reference.appendCollapsing(text)
            }
            XCTAssertEqual(sink.bytes, reference.bytes, String(decoding: reference.bytes, as: UTF8.self).debugDescription)
        }
    }
}
