import CLibXML2
import Foundation
import NewsModel
import XCTest
@testable import ArticleHTML
@testable import NewsImport

final class HTMLBlocksTests: XCTestCase {
    private let base = "https://www.gazette-provence.example/marseille/article.html"

    private func blocks(_ html: String, baseURL: String? = nil) -> [Block] {
        HTMLBlocks.blocks(fromHTML: html, baseURL: baseURL ?? base)
    }

    // MARK: - Text

    func testParagraphsAndLooseTextRunsInReadingOrder() {
        XCTAssertEqual(blocks("Texte libre <p>Premier paragraphe.</p> suite libre <div>Dans un bloc.</div>"), [
            .paragraph("Texte libre"), .paragraph("Premier paragraphe."), .paragraph("suite libre"),
            .paragraph("Dans un bloc."),
        ])
    }

    func testInlineWhitespaceIsCollapsed() {
        XCTAssertEqual(blocks("<p>  Un   texte\n\t sur <b>plusieurs</b>\n lignes <i>et</i> <em>balises</em>  </p>"),
                       [.paragraph("Un texte sur plusieurs lignes et balises")])
    }

    func testLineBreaksInsideAParagraphAndDoubleBreaksBetweenParagraphs() {
        XCTAssertEqual(blocks("<p>Première ligne<br>deuxième ligne</p>"),
                       [.paragraph("Première ligne\ndeuxième ligne")])
        XCTAssertEqual(blocks("Un paragraphe.<br><br>Un autre paragraphe."),
                       [.paragraph("Un paragraphe."), .paragraph("Un autre paragraphe.")])
    }

    func testEmptyParagraphsAreDropped() {
        XCTAssertEqual(blocks("<p> </p><p>&nbsp;</p><p><span>\n</span></p><p>Texte.</p><p></p>"),
                       [.paragraph("Texte.")])
    }

    func testEntitiesAreDecodedAndNoBreakSpacesKept() {
        XCTAssertEqual(blocks("<p>&laquo;&nbsp;Bonjour&nbsp;&raquo;, dit-il &amp; s&#233;rieux&#x202F;!</p>"),
                       [.paragraph("«\u{A0}Bonjour\u{A0}», dit-il & sérieux\u{202F}!")])
    }

    func testTextIsSanitisedAndNFC() {
        let html = "<p>Fe\u{0302}te\u{1B}]0;PWNED\u{07} a\u{0300} Se\u{0300}te\u{202E}</p>"
        guard case .paragraph(let text) = blocks(html).first else { return XCTFail("no paragraph") }
        XCTAssertEqual(text, "Fête à Sète")
        XCTAssertEqual(text, text.precomposedStringWithCanonicalMapping)
    }

    // MARK: - Structure

    func testHeadingsKeepTheirLevel() {
        XCTAssertEqual(blocks((1...6).map { "<h\($0)>Titre \($0)</h\($0)>" }.joined()),
                       (1...6).map { Block.heading(level: $0, text: "Titre \($0)") })
    }

    func testBlockquoteWithCiteOrFooterAsAttribution() {
        XCTAssertEqual(blocks("<blockquote><p>Premier alinéa.</p><p>Second alinéa.</p><footer>— Victor Hugo</footer></blockquote>"),
                       [.quote(text: "Premier alinéa.\nSecond alinéa.", attribution: "Victor Hugo")])
        XCTAssertEqual(blocks("<blockquote>Être ou ne pas être. <cite>Shakespeare</cite></blockquote>"),
                       [.quote(text: "Être ou ne pas être.", attribution: "Shakespeare")])
        XCTAssertEqual(blocks("<blockquote>Sans auteur.</blockquote>"),
                       [.quote(text: "Sans auteur.", attribution: nil)])
    }

    func testOrderedAndUnorderedLists() {
        XCTAssertEqual(blocks("<ul><li>pain</li><li>  vin </li></ul><ol><li>un</li><li>deux</li></ol>"), [
            .list(ordered: false, items: ["pain", "vin"]),
            .list(ordered: true, items: ["un", "deux"]),
        ])
    }

    func testNestedListsAreFlattenedInReadingOrder() {
        XCTAssertEqual(blocks("<ul><li>fruits<ul><li>pomme</li><li>poire</li></ul></li><li>légumes</li></ul>"),
                       [.list(ordered: false, items: ["fruits", "pomme", "poire", "légumes"])])
    }

    func testTableRowsBecomeParagraphsWithCellsSeparated() {
        let html = """
            <table><thead><tr><th>Ville</th><th>Population</th></tr></thead>
            <tbody><tr><td>Marseille</td><td>873 076</td></tr><tr><td>Nice</td><td></td><td>342 669</td></tr></tbody></table>
            """
        XCTAssertEqual(blocks(html), [
            .paragraph("Ville · Population"), .paragraph("Marseille · 873 076"), .paragraph("Nice · 342 669"),
        ])
        XCTAssertEqual(blocks("<table><td>Toulon</td><td>180 452</td></table>"), [.paragraph("Toulon · 180 452")])
    }

    func testSkippedElementsLeaveNoText() {
        let html = """
            <p>Avant.</p><script>alert("x")</script><style>p { color: red }</style>
            <iframe src="https://video.example/">Vidéo</iframe><form><input value="envoyer">Formulaire</form>
            <nav><a href="/">Accueil</a></nav><noscript>Activez JavaScript</noscript>
            <svg><text>Dessin</text></svg><p>Après.</p>
            """
        XCTAssertEqual(blocks(html), [.paragraph("Avant."), .paragraph("Après.")])
    }

    func testTenThousandNestedDivsDoNotOverflowTheStack() {
        // libxml2's HTML parser stops nesting at 256 levels and drops what
        // lies deeper; what surrounds the nest is kept.
        let depth = 10_000
        let html = "<p>Avant.</p>" + String(repeating: "<div>", count: depth) + "Au fond."
            + String(repeating: "</div>", count: depth) + "<p>Après.</p>"
        XCTAssertEqual(blocks(html).first, .paragraph("Avant."))
    }

    func testTheWalkOfATenThousandDeepTreeIsIterative() throws {
        // Built directly, past the HTML parser's own depth limit.
        let document = try XCTUnwrap(LibXMLStrings.withXMLChars("1.0") { xmlNewDoc($0) })
        defer { xmlFreeDoc(document) }
        let body = try XCTUnwrap(LibXMLStrings.withXMLChars("body") { xmlNewNode(nil, $0) })
        xmlDocSetRootElement(document, body)
        var parent = body
        for _ in 0..<10_000 {
            parent = try XCTUnwrap(LibXMLStrings.withXMLChars("div") { xmlNewChild(parent, nil, $0, nil) })
        }
        LibXMLStrings.withXMLChars("Au fond.") { xmlNodeAddContent(parent, $0) }
        var builder = HTMLBlockBuilder(baseURL: nil)
        HTMLTreeWalk.visit(descendantsOf: HTMLNode(body), with: &builder)
        XCTAssertEqual(builder.finish(), [.paragraph("Au fond.")])
    }

    // MARK: - Images

    func testImagesResolveAgainstTheBaseAndKeepTheirAlt() {
        XCTAssertEqual(blocks("""
            <img src="photo.jpg" alt="Le Vieux-Port"><img src="/img/carte.png">
            <img src="//cdn.gazette-provence.example/a.jpg"><img src="https://autre.example/b.jpg">
            """), [
            .image(ImageRef(url: "https://www.gazette-provence.example/marseille/photo.jpg", alt: "Le Vieux-Port")),
            .image(ImageRef(url: "https://www.gazette-provence.example/img/carte.png")),
            .image(ImageRef(url: "https://cdn.gazette-provence.example/a.jpg")),
            .image(ImageRef(url: "https://autre.example/b.jpg")),
        ])
    }

    func testImagesThatAreNotHTTPAreDropped() {
        XCTAssertEqual(blocks("<img src=\"data:image/png;base64,AAAA\"><img src=\"javascript:alert(1)\"><img src=\"file:///etc/x.png\"><img>"),
                       [])
        XCTAssertEqual(HTMLBlocks.blocks(fromHTML: "<img src=\"relative.jpg\">", baseURL: nil), [])
    }

    func testTrackingPixelsAreDropped() {
        XCTAssertEqual(blocks("<p>Texte.</p><img src=\"/pixel.gif\" width=\"1\" height=\"1\"><img src=\"/p.gif\" height=\"1px\">"),
                       [.paragraph("Texte.")])
    }

    func testImageSizesAreReadAsFoundationTrimmedThem() {
        // Tabs and Unicode's spaces around the number (no-break, thin) are
        // trimmed; "px" is allowed after it; anything else is not a size.
        let sizes = ["1", "0640", "123456789", "1234567890", " 1 ", "\t0\t", "\u{A0}1\u{2009}", "1px", " 640 ", "640px", "1 px", "1.0", "", "px", "\n1", "+1"]
        for size in sizes {
            let trimmed = size.trimmingCharacters(in: .whitespaces)
            let expected = Int(trimmed.hasSuffix("px") ? String(trimmed.dropLast(2)) : trimmed)
            XCTAssertEqual(HTMLImageSource.pixels(size), expected, "«\(size)»")
        }
        XCTAssertEqual(HTMLImageSource.pixels(" 1 "), 1)
        XCTAssertNil(HTMLImageSource.pixels("1 px"))
        XCTAssertEqual(blocks("<p>Texte.</p><img src=\"/a.gif\" width=\"\u{A0}1 \"><img src=\"/b.jpg\" width=\" 640 \">"),
                       [.paragraph("Texte."), .image(ImageRef(url: "https://www.gazette-provence.example/b.jpg"))])
    }

    func testLazyLoadedImageUsesItsRealSource() {
        XCTAssertEqual(blocks("<img src=\"data:image/gif;base64,R0lG\" data-src=\"/vraie.jpg\">"),
                       [.image(ImageRef(url: "https://www.gazette-provence.example/vraie.jpg"))])
    }

    func testImageInsideAParagraphFollowsIt() {
        XCTAssertEqual(blocks("<p>Le port <img src=\"/port.jpg\"> au matin.</p><p>Suite.</p>"), [
            .paragraph("Le port au matin."),
            .image(ImageRef(url: "https://www.gazette-provence.example/port.jpg")),
            .paragraph("Suite."),
        ])
    }

    func testFigureCaptionAndCreditFromSmall() {
        XCTAssertEqual(blocks("""
            <figure><img src="/calanques.jpg" alt="Les calanques">
            <figcaption>Les calanques au printemps. <small>Photo Paul Roux / AFP</small></figcaption></figure>
            """), [.image(ImageRef(url: "https://www.gazette-provence.example/calanques.jpg", alt: "Les calanques",
                                   caption: "Les calanques au printemps.", credit: "Photo Paul Roux / AFP"))])
    }

    func testFigureCreditFromCiteOrCreditClass() {
        XCTAssertEqual(blocks("""
            <figure><img src="/a.jpg"><figcaption><cite>Gazette</cite> La Canebière.</figcaption></figure>
            <figure><img src="/b.jpg"><figcaption>Le Panier. <span class="photo-credit">Jeanne Martin</span></figcaption></figure>
            <figure><img src="/c.jpg"><figcaption>Le Vallon. <em class="Copyright">© Gazette</em></figcaption></figure>
            <figure><img src="/d.jpg"><figcaption>Sans crédit.</figcaption></figure>
            """).map { block -> [String?] in
                guard case .image(let image) = block else { return [] }
                return [image.caption, image.credit]
            }, [
                ["La Canebière.", "Gazette"], ["Le Panier.", "Jeanne Martin"], ["Le Vallon.", "© Gazette"],
                ["Sans crédit.", nil],
            ])
    }

    func testFigureWithoutImageKeepsItsCaptionAsText() {
        XCTAssertEqual(blocks("<figure><blockquote>Une citation.</blockquote><figcaption>Un auteur</figcaption></figure>"),
                       [.quote(text: "Une citation.", attribution: nil), .paragraph("Un auteur")])
    }

    // MARK: - Links

    func testLinksAreNumberedInOrderEachURLOnce() {
        let html = """
            <p>Voir <a href="/dossier">le dossier</a>, <a href="https://mairie.example/">la mairie</a>
            et encore <a href="https://www.gazette-provence.example/dossier">notre dossier</a>.</p>
            """
        XCTAssertEqual(blocks(html), [
            .paragraph("Voir le dossier[1], la mairie[2] et encore notre dossier[1]."),
            .links([
                LinkRef(number: 1, url: "https://www.gazette-provence.example/dossier", text: "le dossier"),
                LinkRef(number: 2, url: "https://mairie.example/", text: "la mairie"),
            ]),
        ])
    }

    func testLinksInHeadingsListsAndQuotesShareTheNumbering() {
        XCTAssertEqual(blocks("""
            <h2><a href="/a">Titre</a></h2><ul><li><a href="/b">Point</a></li></ul>
            <blockquote>Dit <a href="/a">ici</a>.</blockquote>
            """), [
            .heading(level: 2, text: "Titre[1]"),
            .list(ordered: false, items: ["Point[2]"]),
            .quote(text: "Dit ici[1].", attribution: nil),
            .links([
                LinkRef(number: 1, url: "https://www.gazette-provence.example/a", text: "Titre"),
                LinkRef(number: 2, url: "https://www.gazette-provence.example/b", text: "Point"),
            ]),
        ])
    }

    func testMailtoJavascriptAndInPageLinksKeepTheirTextOnly() {
        XCTAssertEqual(blocks("""
            <p>Écrire à <a href="mailto:redaction@gazette.example">la rédaction</a>,
            <a href="javascript:void(0)">ouvrir</a> ou lire <a href="#note">la note</a>.</p>
            """), [.paragraph("Écrire à la rédaction, ouvrir ou lire la note.")])
    }

    // MARK: - Plain text

    func testPlainTextForTitlesWithMarkup() {
        XCTAssertEqual(HTMLBlocks.plainText(fromHTML: "Crue de la Sa&ocirc;ne&nbsp;: <em>alerte</em>\n<b>rouge</b>"),
                       "Crue de la Saône\u{A0}: alerte rouge")
        XCTAssertEqual(HTMLBlocks.plainText(fromHTML: "<p>Un</p><p>Deux<br>Trois</p><script>x()</script>"),
                       "Un Deux Trois")
        XCTAssertEqual(HTMLBlocks.plainText(fromHTML: "AT&T rachète 5 < 6"), "AT&T rachète 5 < 6")
    }
}
