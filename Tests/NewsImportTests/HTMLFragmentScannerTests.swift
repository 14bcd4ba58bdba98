import Foundation
import NewsModel
import TestSupport
import XCTest
@testable import ArticleHTML
@testable import NewsImport

/// The fragment scanner is only a shortcut: wherever it accepts a fragment,
/// the blocks must be exactly those of libxml2's path.
final class HTMLFragmentScannerTests: XCTestCase {
    private let base = "https://journal.example/rubrique/article.html"

    private func accepts(_ html: String) -> Bool {
        HTMLFragmentScanner.scan(html, with: HTMLBlockBuilder(baseURL: base)) != nil
    }

    private func assertSameBlocks(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        assertDeferredAsMade(html, file: file, line: line)
        guard accepts(html) else { return }
        XCTAssertEqual(HTMLBlocks.blocks(fromHTML: html, baseURL: base),
                       HTMLBlocks.libxml2Blocks(fromHTML: html, baseURL: base), html, file: file, line: line)
    }

    /// HTML kept for later (`SimpleHTML.deferred`) is only HTML the scanner
    /// reads, with nothing to sanitise; read back as a store reads it, it
    /// gives the blocks an import makes, and the same text and images again.
    private func assertDeferredAsMade(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let deferred = SimpleHTML.deferred(html, baseURL: base) else { return }
        XCTAssertTrue(accepts(html), html, file: file, line: line)
        XCTAssertTrue(TextSanitizer.needsNoCleaning(html), html, file: file, line: line)
        let made = HTMLBlocks.blocks(fromHTML: html, baseURL: base)
        XCTAssertEqual(SimpleHTML.storedBlocks(deferred.html, baseURL: deferred.baseURL), made, html,
                       file: file, line: line)
        XCTAssertEqual(SimpleHTML.storedText(deferred.html, baseURL: deferred.baseURL), deferred.textUTF8, html,
                       file: file, line: line)
        let madeImages = made.compactMap { block -> String? in
            if case .image(let image) = block { return image.url }
            return nil
        }
        XCTAssertEqual(deferred.imageURLs, madeImages, html, file: file, line: line)
        // The words indexed are those of the blocks' text, without the
        // links' numbers. A caption is indexed once, where the blocks give it
        // to each image of its figure.
        func words(_ text: String) -> Set<String> {
            Set(FrenchAnalyzer.terms(text.replacingOccurrences(of: #"\[\d+\]"#, with: "", options: .regularExpression)))
        }
        let madeText = made.filter { if case .links = $0 { return false } else { return true } }
            .map(\.plainText).joined(separator: " ")
        XCTAssertEqual(words(String(decoding: deferred.textUTF8, as: UTF8.self)), words(madeText),
                       html.debugDescription, file: file, line: line)
    }

    func testTheBenchmarksItemShapeTakesTheFastPathWithTheSameBlocks() {
        let html = """
            <p>Le gouvernement annonce une réforme à Rabat. Les habitants attendent !</p>\
            <figure><img src="https://img.example/0/4.jpg" alt="Photo 4"><figcaption>Une légende.</figcaption></figure>\
            <p>Suite du texte &amp; fin…</p><p>Lire aussi <a href="https://journal0.example/dossier/4">notre dossier</a>.</p>
            """
        XCTAssertTrue(accepts(html))
        assertSameBlocks(html)
    }

    func testWhatTheScannerLeavesToLibxml2() {
        for html in ["<!DOCTYPE html><p>x</p>", "<p>a<!-- b -- c -->d</p>", "<!--> x", "<p>a<!-- b</p>",
                     "<p><div>x</div></p>", "<ul>x<li>y</li></ul>", "<p><h2>t</h2></p>", "<li>x</li>", "<p>a<p>b", "<p>a</b>", "<p>a &bogus; b</p>", "a < b",
                     "<p>a\u{1B}]0;x\u{07}</p>", "<p><figure></figure></p>", "<a href='x'><a href='y'>z</a></a>",
                     "<p>x</p", "<img src=x>", "<p>a\r\nb</p>", "<p>&#1;</p>", "<p>&#x9B;</p>",
                     "<p>a<hr>b</p>", "<blockquote><hr></blockquote>", "<p><section>x</section></p>", "<hr></hr>",
                     "<ul><li><hr></li></ul>", "<em><article>x</article></em>"] {
            XCTAssertFalse(accepts(html), html)
        }
    }

    /// Every named reference the scanner decodes, in text and in an
    /// attribute, gives what libxml2 gives.
    func testEveryNamedReferenceReadsAsLibxml2ReadsIt() {
        for name in HTMLEntities.codePoints.keys.sorted() {
            let html = "<p>a&\(name);b <img src=\"https://img.example/x.jpg\" alt=\"c&\(name);d\"></p>"
            XCTAssertTrue(accepts(html), name)
            assertSameBlocks(html)
        }
    }

    /// WordPress writes comments around its blocks: they are passed over
    /// as libxml2's tree walk passes over them.
    func testCommentsArePassedOver() {
        let html = "<!-- wp:paragraph -->\n<p>Le <!-- x -->texte</p>\n<!-- /wp:paragraph -->"
        XCTAssertTrue(accepts(html))
        assertSameBlocks(html)
        XCTAssertEqual(HTMLBlocks.blocks(fromHTML: html, baseURL: base), [.paragraph("Le texte")])
    }

    /// Elements nested deeper than the scanner's limit go to libxml2 (the
    /// scanner's checks look through the open elements).
    func testDeepFragmentsGoToLibxml2() {
        /// `depth` elements, one in the other: divisions, a paragraph, a link.
        func nested(_ depth: Int) -> String {
            String(repeating: "<div>", count: depth - 2) + "<p><a href=\"/x\">lien</a></p>"
                + String(repeating: "</div>", count: depth - 2)
        }
        XCTAssertTrue(accepts(nested(HTMLFragmentScanner.maximumDepth)))
        assertSameBlocks(nested(HTMLFragmentScanner.maximumDepth))
        // Past about 254, libxml2 drops what is nested: the scanner must not
        // take such a fragment.
        XCTAssertEqual(HTMLBlocks.libxml2Blocks(fromHTML: nested(300), baseURL: base), [])
        XCTAssertFalse(accepts(nested(HTMLFragmentScanner.maximumDepth + 1)))
        XCTAssertNil(SimpleHTML.deferred(nested(50_000), baseURL: base))
    }

    func testFixtureFeedItems() throws {
        let folder = Fixtures.root.appendingPathComponent("feeds")
        var accepted = 0, deferred = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix("bad-") {
            let bytes = try Fixtures.bytes("feeds/" + name)
            for html in try itemHTML(bytes) {
                if accepts(html) { accepted += 1 }
                if SimpleHTML.deferred(html, baseURL: base) != nil { deferred += 1 }
                assertSameBlocks(html)
            }
        }
        XCTAssertGreaterThan(accepted, 0)
        XCTAssertGreaterThan(deferred, 0)
    }

    /// Random fragments built from the pieces the scanner knows, with
    /// spacing, entities and attributes in every position, and some
    /// mistakes; compared wherever the scanner accepts them.
    func testRandomFragments() {
        var generator = SeededGenerator(seed: 2024)
        let texts = ["Texte", " ", "  mots  espacés ", "\n", "\t", "l’été", "a &amp; b", "&lt;tag&gt;", "&nbsp;",
                     "&eacute;t&eacute;", "&#233;", "&#x2019;", "« cité »", "1 > 0", "x\u{A0};", "&quot;q&quot;",
                     "\u{202F}!", "é\u{301}", "[1]", "<!-- note -->", "a<!---->b", "<!-- a -- b -->", "<!-->",
                     "<!--x"]
        let inline = ["em", "strong", "b", "i", "u", "span", "a", "sup", "small", "cite", "q", "code", "time"]
        let images = ["<img src=\"https://img.example/a.jpg\" alt=\"Photo\">", "<img src='/b.png'/>",
                      "<img src=\"c.jpg\" width=\"1\" height=\"1\">", "<img alt=\"sans source\">",
                      "<img data-src=\"https://img.example/lazy.jpg\" src=\"data:x\">", "<br>", "<br/>",
                      "<img src=\"https://img.example/a.jpg?x=1&amp;y=2\" alt=\"A &amp; B\">", "<hr>"]
        func pick<T>(_ list: [T]) -> T { list[Int(generator.next() % UInt64(list.count))] }
        func run(_ depth: Int) -> String {
            var out = ""
            for _ in 0..<Int(generator.next() % 4) {
                switch generator.next() % 5 {
                case 0, 1: out += pick(texts)
                case 2: out += pick(images)
                default:
                    guard depth < 3 else { out += pick(texts); continue }
                    let tag = pick(inline)
                    let attributes = tag == "a" ? pick([" href=\"https://a.example/x\"", " href='#ancre'",
                                                        " href=\"/relatif?a=1&amp;b=2\"", "",
                                                        " data-track=\"1\" href=\"/x\"", " HREF=\"/y\" aria-label=\"z\""])
                        : pick(["", " class=\"credit\"", " data-x-2=\"v\"", " Aria-Hidden=\"true\""])
                    out += "<\(tag)\(attributes)>" + run(depth + 1) + "</\(tag)>"
                }
            }
            return out
        }
        /// A heading, a quote (paragraphs in it, or text), or a list, with
        /// something out of place in it now and then.
        func block() -> String {
            switch generator.next() % 4 {
            case 0:
                let level = 1 + generator.next() % 6
                return "<h\(level)>" + run(1) + pick(["", "", "", "", "<p>x</p>", "<h3>y</h3>"]) + "</h\(level)>"
            case 1:
                return "<blockquote>" + pick(["", " ", "\n"])
                    + pick([run(1), "<p>" + run(1) + "</p>\n<p>" + run(1) + "</p>", "<p>" + run(1) + "</p>" + run(1),
                            run(1), "<p>" + run(1) + "</p>", "<h2>z</h2>"])
                    + "</blockquote>"
            default:
                let list = pick(["ul", "ol", "UL"])
                var items = pick(["", " ", "\n  "])
                for _ in 0..<Int(generator.next() % 4) {
                    items += "<li>" + run(1) + pick(["", "", "", "", "", "<p>p</p>", "<ul><li>n</li></ul>"]) + "</li>"
                        + pick(["", "\n", " ", "", "\n", " ", "", "texte", "<img src=\"https://img.example/l.jpg\">",
                                "<br>", "&nbsp;"])
                }
                return "<\(list)>" + items + "</\(list)>"
            }
        }
        var accepted = 0, deferred = 0
        var acceptedWith: [String: Int] = [:]
        for _ in 0..<5000 {
            var html = ""
            for _ in 0..<Int(1 + generator.next() % 4) {
                switch generator.next() % 7 {
                case 0: html += run(0)
                case 1: html += "<figure>" + pick(["", " ", "\n"]) + pick(images) + pick(["", " ", "\n"])
                    + pick(["", "<figcaption>" + run(1) + "</figcaption>", "<figcaption> <span class=\"credit\">AFP</span></figcaption>"])
                    + pick(["", " "]) + "</figure>"
                case 2: html += pick(["", " ", "\n", "<!-- wp:paragraph -->\n", "\n<!-- /wp:paragraph -->"])
                case 3: html += pick(["<p>", "</p>", "<P>", "</em>", "<div>", "<li>", "</ul>", "<h2>", "</section>",
                                      "<hr>", "<hr/>", "<hr class=\"sep\">"])   // mistakes now and then, and rules
                case 4: html += pick([block(), block(), "<div>" + block() + pick(["", "\n"]) + "<p>" + run(0) + "</p></div>",
                                      "<div class=\"texte\"><div>" + block() + "</div>" + run(0) + "</div>",
                                      "<section>" + block() + pick(["", "\n", "<hr>"]) + "<p>" + run(0) + "</p></section>",
                                      "<article><header><h2>" + run(1) + "</h2></header>" + pick(["", "<hr>", " "])
                                          + "<p>" + run(0) + "</p>" + pick(["", "<aside>" + block() + "</aside>"])
                                          + "<footer>" + run(0) + "</footer></article>",
                                      "<main><div>" + run(0) + "</div><hr/>" + block() + "</main>",
                                      "<aside><p>" + run(0) + "</p>" + block() + "</aside>"])
                default: html += "<p" + pick(["", " class=\"chapo\""]) + ">" + run(0) + "</p>"
                }
            }
            if accepts(html) {
                accepted += 1
                for tag in ["<h", "<blockquote>", "<ul>", "<ol>", "<li>", "<div", "<sup>", "<!-- ", "<hr", "<section>",
                            "<article>", "<aside>", "<main>"]
                where html.lowercased().contains(tag) {
                    acceptedWith[tag, default: 0] += 1
                }
            }
            if SimpleHTML.deferred(html, baseURL: base) != nil { deferred += 1 }
            assertSameBlocks(html)
        }
        XCTAssertGreaterThan(accepted, 1000, "the scanner should take most well-formed fragments")
        for tag in ["<h", "<blockquote>", "<ul>", "<ol>", "<li>", "<div", "<sup>", "<!-- ", "<hr", "<section>",
                    "<article>", "<aside>", "<main>"] {
            XCTAssertGreaterThan(acceptedWith[tag, default: 0], 25, "fragments with \(tag) should be taken too")
        }
        XCTAssertGreaterThan(deferred, 500, "most of those hold nothing to sanitise")
    }

    private func itemHTML(_ bytes: [UInt8]) throws -> [String] {
        var result: [String] = []
        _ = try bytes.withUnsafeBufferPointer { buffer in
            try FeedParser.stream(buffer, origin: Origin(kind: .file, location: "x"), baseURL: nil, hint: nil) { _ in }
        }
        // The raw fields, read again through the collectors.
        try bytes.withUnsafeBufferPointer { buffer in
            let reader = try FeedReader(buffer: buffer)
            var root: FeedElement?
            while root == nil, let event = try reader.next() { if case .start(let element) = event { root = element } }
            guard let root else { return }
            if FeedFormatDetection.format(ofRoot: root) == .atom {
                var collector = AtomFeedCollector()
                try FeedDocumentWalker.walk(reader, root: root, documentBase: nil, collector: &collector) { _ in }
                for entry in collector.entries {
                    for text in [entry.content, entry.summary].compactMap({ $0 }) where text.kind == .html {
                        result.append(text.raw)
                    }
                }
            } else {
                var collector = RSSFeedCollector()
                try FeedDocumentWalker.walk(reader, root: root, documentBase: nil, collector: &collector) { _ in }
                for item in collector.items { result += [item.description, item.encodedContent].compactMap { $0 } }
            }
        }
        return result
    }
}
