import XCTest
@testable import NewsModel

/// The word-at-a-time tests find the first byte they are asked for, at
/// every place, among any neighbours (whose borrows could mislead them).
final class EightBytesTests: XCTestCase {
    private func load(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { EightBytes.load($0, at: 0) }
    }

    private func first(_ found: UInt64) -> Int? {
        found == 0 ? nil : EightBytes.plainBytes(before: found)
    }

    private func check(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let word = load(bytes)
        XCTAssertEqual(first(EightBytes.equal(word, 0x3C)), bytes.firstIndex(of: 0x3C), "\(bytes)", file: file, line: line)
        XCTAssertEqual(first(EightBytes.below(word, 0x20)), bytes.firstIndex { $0 < 0x20 }, "\(bytes)", file: file, line: line)
        XCTAssertEqual(first(EightBytes.high(word)), bytes.firstIndex { $0 >= 0x80 }, "\(bytes)", file: file, line: line)
        // `within` is exact for every byte, not only the first.
        XCTAssertEqual(EightBytes.within(word, 0x61, 0x7A),
                       (0..<8).reduce(UInt64(0)) { mask, k in
                           (0x61...0x7A).contains(bytes[k]) ? mask | UInt64(0x80) << (8 * k) : mask
                       }, "\(bytes)", file: file, line: line)
    }

    func testEveryByteAtEveryPlace() {
        for neighbour: UInt8 in [0x61, 0x00, 0x3C, 0xFF, 0x20] {
            for place in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[place] = UInt8(value)
                    check(bytes)
                }
            }
        }
    }

    func testRandomWords() {
        var state: UInt64 = 5
        for _ in 0..<100_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            check((0..<8).map { UInt8(truncatingIfNeeded: state >> (8 * UInt64($0))) })
        }
    }

    /// Packing gives what a load of the same bytes gives, with zeros past
    /// the bytes packed, and keeping the first bytes clears exactly the rest.
    func testPackingAndKeepingAgreeWithLoading() {
        let bytes: [UInt8] = (0..<24).map { UInt8(truncatingIfNeeded: 0xA1 + $0 * 7) }
        bytes.withUnsafeBufferPointer { buffer in
            for offset in 0...16 {
                XCTAssertEqual(EightBytes.packed(buffer, from: offset), EightBytes.load(buffer, at: offset))
            }
            let loaded = EightBytes.load(buffer, at: 0)
            XCTAssertEqual(EightBytes.keeping(first: -3, of: loaded), 0)
            XCTAssertEqual(EightBytes.keeping(first: 12, of: loaded), loaded)
            for count in 0...8 {
                var expected: UInt64 = 0
                for k in 0..<count { expected |= UInt64(bytes[k]) << (8 * UInt64(k)) }
                XCTAssertEqual(EightBytes.keeping(first: count, of: loaded), expected, "first \(count)")
                XCTAssertEqual(EightBytes.packed(bytes.prefix(count)), expected, "packed \(count)")
            }
            let lastFour = EightBytes.keeping(first: 4, of: EightBytes.load(buffer, at: 16) >> 32)
            XCTAssertEqual(EightBytes.packed(bytes, from: 20), lastFour, "only the bytes there are")
            XCTAssertEqual(EightBytes.packed(bytes, from: 30), 0)
            // Bytes in memory pack as any collection does.
            XCTAssertEqual(EightBytes.packed(buffer, from: 20), lastFour)
            XCTAssertEqual(EightBytes.packed(buffer, from: 30), 0)
            for count in 0...12 {
                for offset in 0...3 {
                    let slice = buffer[3..<(3 + count)]
                    XCTAssertEqual(EightBytes.packed(UnsafeBufferPointer(rebasing: slice), from: offset),
                                   EightBytes.packed(Array(slice), from: offset), "\(count) bytes from \(offset)")
                }
            }
        }
    }
}
