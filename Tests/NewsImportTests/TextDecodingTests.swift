import XCTest
@testable import NewsImport

final class TextDecodingTests: XCTestCase {
    func testUTF8WithAndWithoutBOM() throws {
        XCTAssertEqual(try TextDecoding.decode(Array("été".utf8)), "été")
        XCTAssertEqual(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("été".utf8)), "été")
    }

    func testWindows1252TypographyIsDecoded() throws {
        // ’ « œ € … in Windows-1252, with « » from Latin-1's range.
        let bytes: [UInt8] = [0x92, 0x20, 0xAB, 0x63, 0x9C, 0x75, 0x72, 0xBB, 0x20, 0x80, 0x85]
        XCTAssertEqual(try TextDecoding.decode(bytes), "’ «cœur» €…")
    }

    func testDamagedUTF8KeepsItsGoodCharacters() throws {
        let bytes = Array("Fès, été, déjà ".utf8) + [0xFF, 0xC3] + Array(" fin".utf8)
        let text = try TextDecoding.decode(bytes)
        XCTAssertTrue(text.hasPrefix("Fès, été, déjà "))
        XCTAssertTrue(text.hasSuffix(" fin"))
    }

    func testEmptyAndBinaryFilesAreRefused() {
        XCTAssertThrowsError(try TextDecoding.decode([]))
        XCTAssertThrowsError(try TextDecoding.decode([UInt8](repeating: 0, count: 100) + Array("abc".utf8))) { error in
            XCTAssertTrue("\(error)".contains("binaire"))
        }
    }
}
