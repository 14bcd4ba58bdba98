import XCTest
@testable import NewsImport

final class DocumentSnifferTests: XCTestCase {
    func testRecognisesByContentNotName() {
        XCTAssertEqual(DocumentSniffer.guess(Array("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">".utf8)), .feed)
        XCTAssertEqual(DocumentSniffer.guess(Array("\u{FEFF}<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8)), .feed)
        XCTAssertEqual(DocumentSniffer.guess(Array("<rdf:RDF xmlns:rdf=\"x\">".utf8)), .feed)
        XCTAssertEqual(DocumentSniffer.guess(Array("<opml version=\"2.0\">".utf8)), .opml)
        XCTAssertEqual(DocumentSniffer.guess(Array("<!DOCTYPE html><html lang=fr>".utf8)), .html)
        XCTAssertEqual(DocumentSniffer.guess(Array("<?xml version=\"1.0\"?><catalogue/>".utf8)), .xmlOther)
        XCTAssertEqual(DocumentSniffer.guess(Array("Titre\nPublié dans X le 1 - 1 - 2024".utf8)), .text)
    }
}
