import Foundation
import NewsModel
import XCTest
@testable import NewsImport

final class DeclaredEncodingTests: XCTestCase {
    /// Declared Latin-1, written in Windows-1252: the typographic characters
    /// in 0x80–0x9F must survive, as browsers make them.
    func testLatin1LabelReadsWindows1252Bytes() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Le Journal</title><item><title>L’été — 5 € œuvre…</title></item></channel></rss>"
        let bytes = try XCTUnwrap(xml.data(using: .windowsCP1252))
        let result = try FeedParser.parse([UInt8](bytes), origin: Origin(kind: .file, location: "x"), baseURL: nil)
        XCTAssertEqual(result.articles.first?.title, "L’été — 5 € œuvre…")
    }

    func testOtherDeclarationsAreLeftAlone() {
        let utf8 = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss/>".utf8)
        XCTAssertNil(utf8.withUnsafeBufferPointer { DeclaredEncoding.override(forDocumentStartingWith: $0[...]) })
        let latin = Array("<?xml version='1.0' encoding='latin1'?><rss/>".utf8)
        XCTAssertEqual(latin.withUnsafeBufferPointer { DeclaredEncoding.override(forDocumentStartingWith: $0[...]) },
                       "windows-1252")
    }

    func testAFeedThatDeclaresNothingAndIsNotUTF8IsReadAsWindows1252() throws {
        let xml = "<rss version=\"2.0\"><channel><title>Gazette</title><item><guid>1</guid><title>L’été à 5 €</title></item></channel></rss>"
        let bytes = Array(try XCTUnwrap(xml.data(using: .windowsCP1252)))
        let result = try DocumentImporter.parse(bytes, origin: Origin(kind: .file, location: "t"), baseURL: nil)
        XCTAssertEqual(result.articles.first?.title, "L’été à 5 €")
        // Declared UTF-8 with the same bytes stays an error: the document said what it is.
        let declared = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>".utf8) + bytes
        XCTAssertThrowsError(try DocumentImporter.parse(declared, origin: Origin(kind: .file, location: "t"), baseURL: nil))
    }
}
