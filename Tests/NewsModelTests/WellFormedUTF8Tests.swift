@testable import NewsModel
import XCTest

/// The quick check of UTF-8 says exactly what the standard library says.
final class WellFormedUTF8Tests: XCTestCase {
    private func ours(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { WellFormedUTF8.verdict($0) != .illFormed }
    }

    private func standard(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// Each sequence alone, after seven ASCII letters (so that it meets the
    /// eight-byte loop at every offset) and before a few more.
    private func assertAgrees(_ sequence: [UInt8], before: [Int] = [0, 1, 7, 8, 9], after: [Int] = [0, 1, 8],
                              file: StaticString = #filePath, line: UInt = #line) {
        for before in before {
            for after in after {
                let bytes = [UInt8](repeating: 0x61, count: before) + sequence + [UInt8](repeating: 0x62, count: after)
                if ours(bytes) != standard(bytes) {
                    XCTFail("\(sequence.map { String($0, radix: 16) }) with \(before) before, \(after) after: "
                            + "ours \(ours(bytes)), standard \(standard(bytes))", file: file, line: line)
                    return
                }
            }
        }
    }

    func testEveryByteAndEveryPairAgree() {
        for a in 0...255 {
            assertAgrees([UInt8(a)])
            for b in 0...255 { assertAgrees([UInt8(a), UInt8(b)]) }
        }
    }

    /// Every three-byte sequence whose first byte can lead one (after an
    /// ASCII byte or a lone continuation byte, the rest is a pair, covered
    /// above), alone.
    func testEveryTripleAgrees() {
        var bytes: [UInt8] = [0, 0, 0]
        for a in 0xC0...0xFF {
            bytes[0] = UInt8(a)
            for b in 0...255 {
                bytes[1] = UInt8(b)
                for c in 0...255 {
                    bytes[2] = UInt8(c)
                    XCTAssertEqual(ours(bytes), standard(bytes), "\(bytes)")
                }
            }
        }
    }

    /// Four-byte sequences: every lead from F0 to F7 with every second byte
    /// and the continuation bytes' edges (and a byte just past them) after.
    func testFourByteSequencesAgreeAtTheirEdges() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF0, 0xFF]
        for lead in 0xF0...0xF7 {
            for second in 0...255 {
                for third in edges {
                    for fourth in edges {
                        assertAgrees([UInt8(lead), UInt8(second), third, fourth], before: [0, 7], after: [0, 1])
                    }
                }
            }
        }
    }

    func testTextAgreesAtEveryCut() {
        let text = Array("Élections à Besançon : « l’État » a répondu… 🗳️ 中文 Ελλάδα".utf8)
        for end in 0...text.count { assertAgrees(Array(text[..<end])) }
        for start in 0...text.count { assertAgrees(Array(text[start...])) }
    }

    func testASCIIIsToldApartAtEveryPlace() {
        let plain = [UInt8](repeating: 0x61, count: 20)
        XCTAssertEqual(plain.withUnsafeBufferPointer { WellFormedUTF8.verdict($0) }, .wellFormed(ascii: true))
        XCTAssertEqual([UInt8]().withUnsafeBufferPointer { WellFormedUTF8.verdict($0) }, .wellFormed(ascii: true))
        for place in 0..<plain.count - 1 {
            var accented = plain
            accented[place] = 0xC3
            accented[place + 1] = 0xA9
            XCTAssertEqual(accented.withUnsafeBufferPointer { WellFormedUTF8.verdict($0) }, .wellFormed(ascii: false),
                           "é at \(place)")
        }
        XCTAssertEqual([0x61, 0xFF].withUnsafeBufferPointer { WellFormedUTF8.verdict($0) }, .illFormed)
    }

    /// A string made here compares and hashes as Swift's own: by canonical
    /// equivalence, so "é" written apart is the same as "é" in one.
    func testTheStringComparesAsAnyOther() {
        let apart = Array("Ce\u{301}line a\u{300} Ly".utf8).withUnsafeBufferPointer { WellFormedUTF8.string($0) }
        XCTAssertEqual(apart, "C\u{e9}line \u{e0} Ly")
        XCTAssertTrue(Set(["C\u{e9}line \u{e0} Ly"]).contains(apart!))
        let plain = Array("Lyon".utf8).withUnsafeBufferPointer { WellFormedUTF8.string($0) }!
        XCTAssertTrue(Set(["Lyon"]).contains(plain))
        XCTAssertLessThan(plain, "Lyons")
    }

    func testTheStringHoldsTheBytesAsTheyAre() {
        let text = "Grève à la SNCF : « trains supprimés » 🚆"
        let made = Array(text.utf8).withUnsafeBufferPointer { WellFormedUTF8.string($0) }
        XCTAssertEqual(made, text)
        XCTAssertEqual(made?.count, text.count)
        XCTAssertNil([0x61, 0xC3].withUnsafeBufferPointer { WellFormedUTF8.string($0) })
        XCTAssertEqual([UInt8]().withUnsafeBufferPointer { WellFormedUTF8.string($0) }, "")
    }
}
