import Foundation
import TestSupport
import NewsModel
import XCTest
@testable import NewsImport

/// The plain reader is only a shortcut: wherever it takes a document, its
/// events must be exactly libxml2's (adjacent texts joined, as the
/// collectors join them), element lines included.
final class PlainFeedReaderTests: XCTestCase {
    private enum Reading: Equatable {
        case events([String])
        case refused
    }

    private func describe(_ next: () throws -> FeedEvent?) -> Reading? {
        var out: [String] = []
        var pending: String?
        func flush() {
            if let text = pending { out.append("T " + text.debugDescription) }
            pending = nil
        }
        do {
            while let event = try next() {
                switch event {
                case .start(let element):
                    flush()
                    let attributes = element.attributes.map { "\($0.namespace ?? "-")|\($0.localName)=\($0.value.debugDescription)" }
                    out.append("S \(element.namespace ?? "-")|\(element.localName) d\(element.depth) l\(element.line) "
                               + attributes.joined(separator: " "))
                case .end(let element):
                    flush()
                    out.append("E \(element.namespace ?? "-")|\(element.localName)")
                case .text(let text):
                    pending = (pending ?? "") + text
                }
            }
            flush()
            return .events(out)
        } catch is PlainFeedReader.Declined {
            return nil
        } catch {
            return .refused
        }
    }

    private func libxml2Reading(_ bytes: [UInt8]) -> Reading {
        bytes.withUnsafeBufferPointer { buffer in
            guard let reader = try? FeedReader(buffer: buffer) else { return .refused }
            return describe { try reader.next() } ?? .refused
        }
    }

    /// nil when the plain reader leaves the document to libxml2.
    private func plainReading(_ bytes: [UInt8]) -> Reading? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let reader = try? PlainFeedReader(buffer: buffer) else { return nil }
            return describe { try reader.next() }
        }
    }

    @discardableResult
    private func assertSameEvents(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let plain = plainReading(bytes) else { return false }
        XCTAssertNotEqual(plain, .refused, "the plain reader declines, it never refuses", file: file, line: line)
        let libxml2 = libxml2Reading(bytes)
        guard plain != libxml2 else { return true }
        guard case .events(let mine) = plain, case .events(let theirs) = libxml2 else {
            XCTFail("plain: \(plain == .refused ? "refused" : "events"), libxml2: \(libxml2 == .refused ? "refused" : "events")"
                    + " — " + String(decoding: bytes, as: UTF8.self).debugDescription.prefix(3000), file: file, line: line)
            return true
        }
        let first = mine.indices.first { $0 >= theirs.count || mine[$0] != theirs[$0] } ?? mine.count
        let a = first < mine.count ? Array(mine[first]) : []
        let b = first < theirs.count ? Array(theirs[first]) : []
        let common = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
        func around(_ s: [Character]) -> String { String(s[max(0, common - 40)..<min(s.count, common + 60)]) }
        XCTFail("""
            first difference at event \(first), character \(common):
              plain:   \(around(a))
              libxml2: \(around(b))
            """, file: file, line: line)
        return true
    }

    func testFixtureFeedsGiveTheSameEvents() throws {
        var taken: [String] = []
        for folder in ["feeds", "subscriptions", "hostile"] {
            let url = Fixtures.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                if assertSameEvents(try Fixtures.bytes(folder + "/" + name)) { taken.append(name) }
            }
        }
        XCTAssertTrue(taken.contains("rss2-lemonde-like.xml"), "\(taken)")
        XCTAssertTrue(taken.contains("atom-basic.xml"), "\(taken)")
        XCTAssertFalse(taken.contains("bad-xxe.xml"))
        XCTAssertFalse(taken.contains("bad-malformed.xml"))
        XCTAssertFalse(taken.contains("rss2-iso8859.xml"), "another encoding is libxml2's")
    }

    func testWhatIsLeftToLibxml2() {
        let leftOver = [
            "<!DOCTYPE rss [<!ENTITY a \"b\">]><rss><channel>&a;</channel></rss>",
            "<rss><channel><title>a &eacute; b</title></channel></rss>",
            "<rss><channel><title>a</titel></channel></rss>",
            "<rss><channel><title>a</title></channel>",
            "<rss><x:a>b</x:a></rss>",
            "<rss a='1' a='2'/>",
            "<rss><![CDATA[x]]></rss><rss/>",
            "<rss>a ]]> b</rss>",
            "<rss><!-- a -- b --></rss>",
            "<rss>\u{1}</rss>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>",
            "<rss><élément/></rss>",
            "<rss>&#0;</rss>",
            "<rss><a>x\r\ny</a></rss>",
            "<?xml version=\"1.0\"?>\r<rss/>",
            "<?xml version=\"1.1\"?><rss/>",
            "<?xml-stylesheet href=\"a\"?><rss/>",
            "<rss a=\"<\"/>",
            " x<rss/>",
            "",
        ]
        for document in leftOver {
            XCTAssertNil(plainReading(Array(document.utf8)), document)
        }
        XCTAssertNil(plainReading([0x3C, 0x72, 0x3E, 0xFF, 0x3C, 0x2F, 0x72, 0x3E]), "bytes that are not UTF-8")
        // What is searched one by one stays short: thousands of attributes,
        // or of namespace prefixes in scope, are libxml2's to read.
        let attributes = (0..<300).map { " a\($0)=\"x\"" }.joined()
        XCTAssertNil(plainReading(Array("<rss\(attributes)/>".utf8)))
        let prefixes = (0..<200).map { " xmlns:p\($0)=\"urn:\($0)\"" }.joined()
        let nested = String(repeating: "<a\(prefixes)>", count: 6) + String(repeating: "</a>", count: 6)
        XCTAssertNil(plainReading(Array("<rss>\(nested)</rss>".utf8)))
        XCTAssertNotNil(plainReading(Array("<rss><a\(prefixes)/></rss>".utf8)), "a few hundred are still read")
    }

    /// A feed that breaks after its first items: the plain reader gives it
    /// up, and the refusal is libxml2's, line included, as before.
    func testAFeedBrokenLateIsRefusedInLibxml2sWords() throws {
        let items = (1...3).map { "<item><guid>g\($0)</guid><title>Dépêche \($0)</title></item>\n" }.joined()
        let xml = "<rss version=\"2.0\"><channel><title>J</title>\n" + items + "<item><title>x</titel></item></channel></rss>"
        XCTAssertThrowsError(try FeedParser.parse(Array(xml.utf8), origin: Origin(kind: .file, location: "x"), baseURL: nil)) {
            guard let error = $0 as? ImportError else { return XCTFail("\($0)") }
            XCTAssertEqual(error.line, 5, "\(error)")
            XCTAssertTrue("\(error)".contains("</titel>"), "\(error)")
        }
    }

    /// What libxml2 does that the plain reader must do too.
    func testTheFinerPointsOfXML() {
        let documents = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss\n version=\"2.0\"><a><![CDATA[x\r\ny\rz]]></a></rss>",
            "\u{FEFF}<rss><a t=\"un\ttab\nligne &#10; &amp; &lt;\">&#233;&#xE9;&apos;&quot;</a></rss>",
            "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>A</dc:creator><b xmlns=\"urn:x\"><c/></b><d/></rss>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\"><title type='html'>&lt;b&gt;gras&lt;/b&gt;</title></feed>",
            "<rss>\n<!-- commentaire -->\n<?pi données?>\n<a><![CDATA[<p>un & deux</p>]]> et <![CDATA[]]> trois</a>\n</rss>\n<!-- fin -->\n",
            "<rss><a\n  href = 'x'\n  />\n<b>]] ]></b></rss>",
            "<rss><a>\u{EF}\u{BF}\u{BD} ok</a></rss>",
            "<?xml version=\"1.0\"?>\r\n<rss>\n<a/>\n</rss>\r\n",
        ]
        for document in documents {
            XCTAssertTrue(assertSameEvents(Array(document.utf8)), "should be taken: \(document.debugDescription)")
        }
    }

    /// The five predefined references, read eight bytes at once where the
    /// window holds eight, one by one near its end, and what merely looks
    /// like them: in text and in attribute values, at every distance from
    /// the document's end, the plain reader reads what libxml2 reads.
    func testPredefinedReferencesAndNearMissesAtEveryDistanceFromTheEnd() {
        let references = ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;", "&lt;p&gt;", "&amp;amp;", "&#60;",
                          "&ltp;", "&lt", "&l;", "&amp ;", "&quote;", "&apos", "&AMP;", "&gt;&lt;"]
        var taken = 0
        for reference in references {
            for padding in 0..<10 {
                let tail = String(repeating: " ", count: padding)
                let text = "<rss><a t=\"x\(reference)y\">é\(reference)</a>" + tail + "</rss>"
                let atEnd = "<rss><a>" + reference + "</a>" + tail + "</rss>"
                for document in [text, atEnd] where assertSameEvents(Array(document.utf8)) { taken += 1 }
            }
        }
        // The well-formed ones (all but seven) are all taken.
        XCTAssertEqual(taken, (references.count - 7) * 10 * 2)
    }

    /// The name bytes' two words of bits say what the rule says, byte by
    /// byte: ASCII letters, digits, "_", "-", "." and ":", nothing else.
    func testNameBytesAreExactlyTheRulesBytes() {
        for value in 0...255 {
            let byte = UInt8(value)
            let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            let expected = isLetter || (0x30...0x39).contains(byte) || "_-.:".utf8.contains(byte)
            XCTAssertEqual(PlainFeedReader.isNameByte(byte), expected, "byte \(value)")
        }
    }

    /// The five predefined references are recognised from the eight bytes
    /// at their `&` (written out as numbers there), whatever follows them,
    /// and nothing else is: a reference not recognised there is still read,
    /// the slow way, so the comparisons with libxml2 above cannot tell.
    func testThePredefinedReferencesAreRecognisedAtOnce() {
        func recognised(_ written: String) -> (UInt8, Int)? {
            let bytes = Array((written + "xxxxxxxx").utf8)
            return bytes.withUnsafeBufferPointer { PlainFeedReader.predefinedReference(EightBytes.load($0, at: 0)) }
        }
        let expected: [(String, Character)] = [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"), ("&quot;", "\""),
                                               ("&apos;", "'")]
        for (written, character) in expected {
            let found = recognised(written)
            XCTAssertEqual(found?.0, character.asciiValue, written)
            XCTAssertEqual(found?.1, written.utf8.count, written)
        }
        for nearMiss in ["&lt", "&ltx;", "&LT;", "&amp", "&am;", "&quot", "&quo;;", "&apos ", "&#60;", "&gt ;", "lt;"] {
            XCTAssertNil(recognised(nearMiss), nearMiss)
        }
    }

    /// The test that lets the loops skip eight bytes at once agrees with
    /// the byte-by-byte rule for every byte at every place in a word, and
    /// for random words (whose borrows could mislead a careless test): it
    /// finds whether any byte needs a look, and which is the first.
    func testTheFirstByteNeedingALookIsFoundExactly() {
        func special(_ byte: UInt8, inText: Bool) -> Bool {
            byte < 0x20 || byte == UInt8(ascii: "]") || byte == 0xEF
                || (inText && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")))
        }
        func word(_ bytes: [UInt8]) -> UInt64 {
            bytes.withUnsafeBufferPointer { EightBytes.load($0, at: 0) }
        }
        for inText in [true, false] {
            for place in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                    bytes[place] = UInt8(value)
                    let found = PlainFeedReader.special(word(bytes), inText: inText)
                    XCTAssertEqual(found == 0 ? nil : EightBytes.plainBytes(before: found),
                                   special(UInt8(value), inText: inText) ? place : nil, "byte \(value) at \(place)")
                }
            }
            var generator = SeededGenerator(seed: 8)
            for _ in 0..<100_000 {
                let bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                let found = PlainFeedReader.special(word(bytes), inText: inText)
                XCTAssertEqual(found == 0 ? nil : EightBytes.plainBytes(before: found),
                               bytes.firstIndex { special($0, inText: inText) }, "\(bytes)")
            }
        }
    }

    /// An open element's name, packed or not, matches its end tag's bytes
    /// and nothing else: not one byte changed anywhere, not a shorter or
    /// longer name.
    func testWrittenNamesMatchExactlyTheirOwnBytes() {
        for length in 1...40 {
            let name = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            name.withUnsafeBufferPointer { bytes in
                let written = WrittenName(bytes)
                XCTAssertTrue(written.matches(bytes), "\(length)")
                XCTAssertFalse(written.matches(UnsafeBufferPointer(rebasing: bytes.dropLast())), "\(length)")
            }
            XCTAssertFalse(name.withUnsafeBufferPointer(WrittenName.init).matchesArray(name + [UInt8(ascii: "x")]))
            for place in 0..<length {
                var other = name
                other[place] = UInt8(ascii: "-")
                XCTAssertFalse(name.withUnsafeBufferPointer(WrittenName.init).matchesArray(other), "\(length) at \(place)")
            }
        }
    }

    /// Every fixture, broken a thousand ways: wherever the plain reader
    /// still takes the result, libxml2 reads the same.
    /// `KIOSQUE_PLAIN_MUTATIONS=N KIOSQUE_PLAIN_SEED=S` runs N per fixture
    /// with another seed (700 and 1789 in the suite).
    func testMutatedFeeds() throws {
        let environment = ProcessInfo.processInfo.environment
        let perFixture = environment["KIOSQUE_PLAIN_MUTATIONS"].flatMap(Int.init) ?? 700
        var generator = SeededGenerator(seed: environment["KIOSQUE_PLAIN_SEED"].flatMap(UInt64.init) ?? 1789)
        let pieces: [[UInt8]] = ["<", ">", "&", ";", "]]>", "<![CDATA[", "]]", "\r", "\r\n", "\n", "\t", "\"", "'",
                                 "</", "/>", "<!--", "-->", "&amp;", "&#10;", "&#x1;", "xmlns:a=\"urn:a\" ", "a:",
                                 "=", " ", "é", "\u{1}", "\u{FFFE}", "?>", "<?", "&#38;", "&#13;", "&#xD800;",
                                 "&#65535;", "xmlns=\"\" ", "xml:lang=\"fr\" ", "<a:b/>", "<!DOCTYPE x>", "\u{FEFF}",
                                 "<x y='1'/>", "&#x1F600;"].map { Array($0.utf8) }
        var taken = 0
        var compared = 0
        for name in ["rss2-lemonde-like.xml", "atom-basic.xml", "rss1-rdf.xml"] {
            let original = try Fixtures.bytes("feeds/" + name)
            for _ in 0..<perFixture {
                var bytes = original
                for _ in 0..<(1 + Int(generator.next() % 3)) {
                    let at = Int(generator.next() % UInt64(bytes.count))
                    switch generator.next() % 3 {
                    case 0: bytes.remove(at: at)
                    case 1: bytes.insert(contentsOf: pieces[Int(generator.next() % UInt64(pieces.count))], at: at)
                    default:
                        let length = min(Int(generator.next() % 40), bytes.count - at)
                        bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
                    }
                }
                compared += 1
                if assertSameEvents(bytes) { taken += 1 }
            }
        }
        XCTAssertGreaterThan(taken, compared / 10, "the mutations should not all be declined")
    }

    /// A feed larger than the reader's window, read from a file: texts,
    /// tags and sections cut by the window's edge come out whole.
    func testAFileReadThroughTheWindowGivesTheSameEvents() throws {
        var feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Le Journal</title>\n"
        var generator = SeededGenerator(seed: 7)
        for n in 0..<6000 {
            let words = (0..<Int(20 + generator.next() % 200)).map { _ in ["été", "marché", "Fès", "l’œuvre", "\n", "a]b", "]]", "«\u{A0}x\u{A0}»"][Int(generator.next() % 8)] }
            var body = n % 3 == 0 ? "<![CDATA[<p>" + words.joined(separator: " ") + " &amp; \r\n</p>]]>"
                : "&lt;p&gt;" + words.joined(separator: " &amp; ") + "&lt;/p&gt;"
            // Sections larger than the window, which must grow for them.
            if n == 3000 { body = "<![CDATA[" + String(repeating: "Un très long dossier. ", count: 90_000) + "]]>" }
            if n == 4000 { body = String(repeating: "Une très longue dépêche. ", count: 90_000) }
            feed += "<item><title>Dépêche \(n)</title><guid isPermaLink=\"false\">g\(n)</guid>"
                + "<dc:creator>Rédaction</dc:creator><!-- \(n) --><description>\(body)</description></item>\n"
        }
        feed += "</channel></rss>\n"
        let bytes = Array(feed.utf8)
        XCTAssertGreaterThan(bytes.count, 6 << 20)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).xml").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let reader = try PlainFeedReader(fileDescriptor: descriptor)
        let fromFile = describe { try reader.next() }
        XCTAssertNotNil(fromFile, "the plain reader takes this feed")
        XCTAssertEqual(fromFile, plainReading(bytes))
        XCTAssertTrue(assertSameEvents(bytes))
    }
}

private extension WrittenName {
    func matchesArray(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(matches) }
}
