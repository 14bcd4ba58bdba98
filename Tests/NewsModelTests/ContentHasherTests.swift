import NewsModel
import XCTest

/// The hash is stored (files, raw items, articles' content): its values
/// must never change, whatever the code that computes them. These were
/// computed by the first version of `ContentHasher`.
final class ContentHasherTests: XCTestCase {
    func testEveryTailLengthHashesAsItAlwaysDid() {
        let expected: [UInt64] = [
            0x7ACDBB98B1344213, 0x4B4B63EBA9D416B1, 0x52AA7777CC6B2E04, 0x8D969B6A062D1BF1, 0x226D4BD824FBED03,
            0x8FA78A21B220B7AC, 0x13A59453362D6706, 0x24C8158345F8DC9B, 0x9C9B15064C3FE0F8, 0x494EB134D0854CDC,
            0x9ADB89CF7369CA91, 0x5129371C8172F946, 0x5DA09221268CFBFD, 0xD727CD2035134DDC, 0xBF76898F246413B4,
            0x44203150D42CEF43, 0xC64088CB92E10DCB, 0x5C7090A77E46FD3C, 0x117F83B759642CF3, 0x8B3D0B0191A5F59F,
            0xF472F37DF693E4E1, 0xE6B9EF87D8234F53, 0xFAFE6C2CCAFED15F, 0xA4E478C2B4835318, 0xEC0DF3A6EC5CB515,
            0xF4FDA2254AD0F3A6, 0x957A8A9A91B90900, 0xBAC64859BEEAA2C5, 0x1AD0B98A02243FDE, 0xA58FFF6A71EAC14C,
            0x8DD070D089FE1617, 0x9D3CF320B341830C, 0x617A7F4EEF3C078C, 0xD7A638319116F825, 0xBBB31A16FF736A78,
            0xFA33AC35661062D5, 0xA78E5B0789D9D15F, 0x25E23ED9D41696D9, 0x678105FADB28662A, 0x99391D5D715960A8,
            0x0E51019E70FFE1BB,
        ]
        // Bytes 3, 10, 17… of every length from 0 to 40: every tail length,
        // over up to five whole words.
        let bytes = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        for length in 0...40 {
            var hasher = ContentHasher()
            Array(bytes.prefix(length)).withUnsafeBytes { hasher.add($0) }
            XCTAssertEqual(hasher.value, expected[length], "\(length) bytes")
        }
    }

    func testStringsNumbersAndBytesTogetherHashAsTheyAlwaysDid() {
        var hasher = ContentHasher()
        hasher.add("Élections à Fès : l’État réorganise")
        hasher.add(UInt64(0xFF))
        hasher.add("")
        "corps".utf8.withContiguousStorageIfAvailable { hasher.add(UnsafeRawBufferPointer($0)) }
        XCTAssertEqual(hasher.value, 0x1F8A2A8E1459FCAA)
    }

    /// Bytes given in pieces hash as the pieces say: "ab" + "c" is not
    /// "abc" (each piece's tail is marked), and the same pieces give the
    /// same value.
    func testPiecesCount() {
        func hash(_ pieces: [String]) -> UInt64 {
            var hasher = ContentHasher()
            for piece in pieces { Array(piece.utf8).withUnsafeBytes { hasher.add($0) } }
            return hasher.value
        }
        XCTAssertNotEqual(hash(["ab", "c"]), hash(["abc"]))
        XCTAssertEqual(hash(["ab", "c"]), hash(["ab", "c"]))
    }
}
