import Foundation
import NewsModel
import XCTest
@testable import NewsImport

/// The full article read out of cluttered web pages: what is kept, what is
/// left out, and the metadata found declared or only written in the page.
final class ArticleExtractorTests: XCTestCase {
    private func extract(_ html: String, url: String? = "https://www.exemple.fr/a.html") throws -> ExtractedPage {
        try ArticleExtractor.extract(Array(html.utf8), url: url)
    }

    private func text(_ page: ExtractedPage) -> String {
        page.blocks.map(\.plainText).joined(separator: "\n")
    }

    private let paragraph1 = "La circulation des trains sera fortement perturbée mardi, a prévenu la direction, qui recommande de reporter les déplacements, lorsque cela est possible, et de consulter les horaires."
    private let paragraph2 = "Selon les prévisions publiées lundi, un TGV sur deux circulera sur l'axe Sud-Est, deux sur trois sur l'axe Atlantique, et le trafic des Intercités sera très réduit ce jour-là."
    private let paragraph3 = "En Île-de-France, le RER B et le RER D seront les plus touchés, selon la RATP, qui prévoit toutefois un service normal sur les lignes de métro, sauf incident imprévu."

    func testTheClutteredFixtureKeepsTheBodyAndLeavesTheFurniture() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("web/sncf-greve.html"))))
        let page = try ArticleExtractor.extract(bytes, url: nil)
        XCTAssertEqual(page.title, "Grève à la SNCF : le trafic perturbé mardi")
        XCTAssertEqual(page.author, "Claire Dubois")
        XCTAssertEqual(page.published?.iso8601, "2025-02-18T11:20:00+01:00")
        XCTAssertEqual(page.image, "https://img.lequotidien.fr/greve.jpg")
        XCTAssertEqual(page.url, "https://www.lequotidien.fr/societe/greve-sncf.html")
        XCTAssertEqual(page.source, "Le Quotidien")
        let body = text(page)
        XCTAssertTrue(body.hasPrefix("Les syndicats appellent"), body)   // the standfirst, above the body's element
        XCTAssertTrue(body.contains("En Île-de-France, le RER B"), body)
        XCTAssertEqual(page.blocks.compactMap { if case .image(let i) = $0 { return i.caption } else { return nil } },
                       ["La gare de Lyon, lundi soir."])
        for clutter in ["Partager", "Copier le lien", "Lire aussi", "Réforme des retraites", "Publicité", "newsletter",
                        "Mots-clés", "Encore une grève", "commentaires", "Mentions légales", "vie privée", "Accepter",
                        "Par Claire", "Publié le"] {
            XCTAssertFalse(body.contains(clutter), "« \(clutter) » kept:\n\(body)")
        }
    }

    func testParagraphsSplitByLineBreaksInADivWithoutAnyMetadata() throws {
        let page = try extract("""
            <html><body><div id="menu"><a href="/">Accueil</a> <a href="/sport">Sport</a></div>
            <div class="colonne"><h1>Le marché couvert rouvre ses portes</h1>
            <div class="infos">Par Marc Lefèvre<br>1er août 2024</div>
            <div class="zone">\(paragraph1)<br><br>\(paragraph2)<br><br>\(paragraph3)</div></div>
            <div class="zone-bas"><a href="/1">Les résultats du loto</a> <a href="/2">La météo du week-end</a></div>
            </body></html>
            """)
        XCTAssertEqual(page.title, "Le marché couvert rouvre ses portes")
        XCTAssertEqual(page.author, "Marc Lefèvre")
        XCTAssertEqual(page.published?.hasTime, false)
        XCTAssertEqual(page.published?.day, "2024-08-01")
        XCTAssertEqual(page.blocks, [.paragraph(paragraph1), .paragraph(paragraph2), .paragraph(paragraph3)])
    }

    func testABodySplitInSiblingBlocksIsReadWholeWithItsFigureButNotTheTeasersAfter() throws {
        let page = try extract("""
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
            {"@type":"NewsArticle","headline":"Sécheresse : des restrictions d'eau","author":[{"@type":"Person","name":"Léa Martin"}],
            "datePublished":"2024-07-12T08:05:00+02:00","image":{"@type":"ImageObject","url":"https://cdn.exemple.fr/secheresse.jpg"},
            "publisher":{"@type":"Organization","name":"La Dépêche d'Exemple"}}]}</script></head><body>
            <article><h1>Sécheresse : des restrictions d'eau</h1>
            <div class="bloc"><p>\(paragraph1)</p><p>\(paragraph2)</p></div>
            <figure><img src="/img/riviere.jpg"><figcaption>La rivière à sec, jeudi.</figcaption></figure>
            <div class="bloc"><p>\(paragraph3)</p><p>\(paragraph1)</p></div></article>
            <div class="bloc"><figure><img src="/img/autre.jpg"></figure><a href="/autre">Un autre article</a></div>
            </body></html>
            """)
        XCTAssertEqual(page.author, "Léa Martin")
        XCTAssertEqual(page.published?.iso8601, "2024-07-12T08:05:00+02:00")
        XCTAssertEqual(page.source, "La Dépêche d'Exemple")
        XCTAssertEqual(page.image, "https://cdn.exemple.fr/secheresse.jpg")
        XCTAssertEqual(page.blocks.filter { if case .paragraph = $0 { return true } else { return false } }.count, 4)
        XCTAssertEqual(page.blocks.compactMap { if case .image(let i) = $0 { return i.url } else { return nil } },
                       ["https://www.exemple.fr/img/riviere.jpg"])
    }

    func testCommentsLongerThanTheArticleAreNotTakenForIt() throws {
        let comment = "Je ne suis pas d'accord avec cette analyse, car la situation est bien plus compliquée, et les élus le savent, depuis des années, sans rien faire."
        let comments = (1...12).map { "<div class=\"comment\"><span class=\"pseudo\">lecteur\($0)</span><p>\(comment)</p></div>" }.joined()
        let page = try extract("""
            <html><body><main><h1>Le budget voté de justesse</h1>
            <div class="article-text"><p>\(paragraph1)</p><p>\(paragraph2)</p></div>
            <section class="reactions-lecteurs">\(comments)</section></main></body></html>
            """)
        XCTAssertEqual(page.blocks, [.paragraph(paragraph1), .paragraph(paragraph2)])
    }

    func testCrossLinksAndCallsToSubscribeInsideTheBodyAreLeftOut() throws {
        let page = try extract("""
            <html><body><h1>Titre</h1><div itemprop="articleBody">
            <p>\(paragraph1)</p>
            <p>À lire aussi : <a href="/b">Un autre sujet très intéressant</a></p>
            <p><a href="/c">Notre dossier complet sur les transports</a></p>
            <ul class="liens"><li><a href="/d">Premier lien</a></li><li><a href="/e">Deuxième lien</a></li></ul>
            <p>\(paragraph2)</p>
            <div class="encart-abo"><p>Abonnez-vous pour lire la suite et soutenir une information indépendante.</p></div>
            <p>\(paragraph3) Voir <a href="https://www.ratp.fr/">le site de la RATP</a>.</p>
            </div></body></html>
            """)
        let body = text(page)
        XCTAssertTrue(body.contains(paragraph1) && body.contains(paragraph2), body)
        XCTAssertTrue(body.contains("le site de la RATP[1]"), body)   // a link inside prose stays
        for clutter in ["À lire aussi", "Notre dossier", "Premier lien", "Abonnez-vous"] {
            XCTAssertFalse(body.contains(clutter), "« \(clutter) » kept:\n\(body)")
        }
    }

    func testATitleInsideTheBodyIsTheTitleAndIsNotRepeated() throws {
        // The cleaner takes the <h1> out of the body: the title is read before.
        let page = try extract("""
            <html><body><div itemprop="articleBody"><h1>Le titre dans le corps</h1><p>\(paragraph1)</p>
            <div class="signature">Par Thomas Lemaire · 23/11/2024 à 22h58 · Mis à jour le 24/11/2024 à 9h12</div>
            <p>\(paragraph2)</p></div></body></html>
            """)
        XCTAssertEqual(page.title, "Le titre dans le corps")
        XCTAssertEqual(page.author, "Thomas Lemaire")
        XCTAssertEqual(page.published?.iso8601, "2024-11-23T22:58:00+01:00")
        XCTAssertEqual(page.blocks, [.paragraph(paragraph1), .paragraph(paragraph2)])
    }

    /// A title inside an element the pruner drops by its tag (a <nav>,
    /// a <label>, a <dialog>…) is kept with it: the title and the marked
    /// body are read again after pruning, and were once freed under them
    /// (found by the fuzzer under the address sanitizer).
    func testATitleInsideAnElementDroppedByItsTagIsKeptAndRead() throws {
        for wrapper in ["nav", "label", "dialog"] {
            let page = try extract("""
                <html><body><\(wrapper)><h1>Le titre égaré</h1></\(wrapper)>
                <article><p>\(paragraph1)</p><p>\(paragraph2)</p></article></body></html>
                """)
            XCTAssertEqual(page.title, "Le titre égaré", wrapper)
            XCTAssertEqual(page.blocks.first, .paragraph(paragraph1), wrapper)
        }
    }

    func testAnAMPPageKeepsItsPicturesAndDropsItsAdverts() throws {
        let page = try extract("""
            <html amp lang="fr"><body><amp-sidebar id="menu"><a href="/">Accueil</a></amp-sidebar>
            <article><h1>La rentrée des classes</h1>
            <figure><amp-img src="/img/ecole.jpg" width="800" height="500" layout="responsive"></amp-img><figcaption>Une école à Lille.</figcaption></figure>
            <p>\(paragraph1)</p><amp-ad type="doubleclick" data-slot="/1/x"><div fallback>Publicité</div></amp-ad>
            <p>\(paragraph2)</p></article></body></html>
            """)
        XCTAssertEqual(page.blocks, [.image(ImageRef(url: "https://www.exemple.fr/img/ecole.jpg", caption: "Une école à Lille.")),
                                     .paragraph(paragraph1), .paragraph(paragraph2)])
    }

    func testAnOldTableLayoutWithTextStraightInACell() throws {
        let page = try extract("""
            <html><body><table><tr><td class="gauche"><a href="/">Accueil</a><br><a href="/sport">Sport</a><br><a href="/agenda">Agenda</a></td>
            <td><h1>Inauguration du pont</h1><font size="2">Publié le 12/05/2025 - 08:15</font><br>
            \(paragraph1)<br><br>\(paragraph2)<br><br>\(paragraph3)</td><td class="droite">Publicité</td></tr></table></body></html>
            """)
        XCTAssertEqual(page.published?.iso8601, "2025-05-12T08:15:00+02:00")
        XCTAssertEqual(page.blocks, [.paragraph(paragraph1), .paragraph(paragraph2), .paragraph(paragraph3)])
    }

    func testBylinesGiveTheNameAlone() {
        XCTAssertEqual(PageAuthor.clean("Par Marie Le Goff"), "Marie Le Goff")
        XCTAssertEqual(PageAuthor.clean("Par Claire Dubois le 3 mars 2025 à 9h"), "Claire Dubois")
        XCTAssertEqual(PageAuthor.clean("Par Claire Dubois, envoyée spéciale à Kiev"), "Claire Dubois")
        XCTAssertEqual(PageAuthor.clean("De notre correspondante à Lille, Léa Martin"), "Léa Martin")
        XCTAssertEqual(PageAuthor.clean("Voir tous les articles de Paul Girard"), "Paul Girard")
        XCTAssertEqual(PageAuthor.clean("Propos recueillis par Anne Roy"), "Anne Roy")
        XCTAssertNil(PageAuthor.clean("Par ailleurs, le conseil municipal a voté le budget."))
        XCTAssertNil(PageAuthor.clean("https://www.exemple.fr/auteur/claire"))
    }

    func testANewsroomIsNotAnAuthorAndTheBaseAddressResolvesImages() throws {
        let page = try extract("""
            <html><head><meta name="author" content="La rédaction du Nord"><base href="https://static.exemple.fr/articles/"></head>
            <body><h1>Titre</h1><p class="signature">De notre correspondante à Lille, Léa Martin</p>
            <div><figure><img src="photos/beffroi.jpg"><figcaption>Le beffroi.</figcaption></figure><p>\(paragraph1)</p><p>\(paragraph2)</p></div></body></html>
            """, url: nil)
        XCTAssertEqual(page.author, "Léa Martin")
        XCTAssertEqual(page.image, "https://static.exemple.fr/articles/photos/beffroi.jpg")
    }

    func testAPageWithoutArticleTextIsRefusedInOneLine() {
        XCTAssertThrowsError(try extract("<html><body><nav><a href='/'>Accueil</a></nav><p>Bonjour.</p></body></html>")) { error in
            XCTAssertEqual((error as? ImportError)?.reason, "aucun texte d'article trouvé dans la page")
        }
    }

    // MARK: - Encodings

    func testAWindows1252PageThatDeclaresNothingKeepsItsAccents() throws {
        let html = "<html><body><h1>L’été à Sète</h1><div><p>\(paragraph1)</p><p>\(paragraph2) œuvre, 5 €.</p></div></body></html>"
        let bytes = Array(try XCTUnwrap(html.data(using: .windowsCP1252)))
        let page = try ArticleExtractor.extract(bytes, url: nil)
        XCTAssertEqual(page.title, "L’été à Sète")
        XCTAssertTrue(text(page).contains("œuvre, 5 €."))
    }

    func testADeclaredCharsetIsIgnoredWhenTheBytesWereAlreadyConvertedToUTF8() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><h1>Été</h1><div><p>\(paragraph1)</p><p>\(paragraph2)</p></div></body></html>"
        let page = try ArticleExtractor.extract(Array(html.utf8), url: nil)
        XCTAssertEqual(page.title, "Été")
        XCTAssertTrue(text(page).contains("Selon les prévisions publiées"), text(page))
    }

    // MARK: - Summaries

    func testASummaryIsRecognisedAndReplacedByThePageKeepingTheFeedsIdentity() throws {
        let item = Article(guid: "g1", title: "Titre du flux", source: "Flux", url: "https://www.exemple.fr/a.html",
                           blocks: [.paragraph("Le début de l'article, et puis…")], origin: Origin(kind: .feed, location: "f"))
        XCTAssertTrue(FullTextMerge.isSummaryOnly(item))
        let long = Article(title: "Long", source: "Flux", url: "https://www.exemple.fr/b.html",
                           blocks: [.paragraph(Array(repeating: "mot", count: 200).joined(separator: " "))],
                           origin: Origin(kind: .feed, location: "f"))
        XCTAssertFalse(FullTextMerge.isSummaryOnly(long))
        let page = try extract("<html><body><h1>Titre</h1><div><p>\(paragraph1)</p><p>\(paragraph2)</p><p>Par Claire Dubois</p></div></body></html>")
        let merged = FullTextMerge.merge(item, with: page)
        XCTAssertEqual(merged.identityKey, item.identityKey)
        XCTAssertEqual(merged.title, "Titre du flux")
        XCTAssertEqual(merged.blocks, [.paragraph(paragraph1), .paragraph(paragraph2)])
    }
}
