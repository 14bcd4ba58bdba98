import GRDBSQLite
import Foundation
import NewsImport
import NewsModel
import XCTest
@testable import NewsStore

/// An import straight into the store keeps simple item HTML as it came
/// (`FeedBodies.deferredWhenSimple`); the store reads it into blocks for its
/// readers. What they see must not depend on it: the same blocks, images,
/// search and snippets as if the blocks had been made at import.
final class DeferredBodyTests: StoreTestCase {
    private let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/feeds")

    private func parse(_ bytes: [UInt8], location: String, bodies: FeedBodies) throws -> [Article] {
        var articles: [Article] = []
        _ = try bytes.withUnsafeBufferPointer { buffer in
            try FeedParser.stream(buffer, origin: Origin(kind: .file, location: location), baseURL: nil, hint: nil,
                                  bodies: bodies) { item in
                if let article = item.article { articles.append(article) }
            }
        }
        return articles
    }

    private func storedArticles(_ store: NewsStore) throws -> [Article] {
        try store.headlines(limit: 1000).compactMap { try store.article(id: $0.id) }
    }

    func testFixtureFeedsReadBackAsTheirBlocksMadeAtImport() throws {
        var deferredCount = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
        where !name.hasPrefix("bad-") {
            let bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
            let made = try parse(bytes, location: name, bodies: .blocks)
            let kept = try parse(bytes, location: name, bodies: .deferredWhenSimple)
            XCTAssertEqual(made.count, kept.count, name)
            deferredCount += kept.filter { $0.deferredHTML != nil }.count
            XCTAssertTrue(made.allSatisfy { $0.deferredHTML == nil }, name)

            try? FileManager.default.removeItem(atPath: storePath)
            let store = try makeStore()
            _ = try store.save(articles: kept)
            let stored = Dictionary(try storedArticles(store).map { ($0.identityKey, $0) }) { first, _ in first }
            XCTAssertEqual(stored.count, Set(made.map(\.identityKey)).count, name)
            for article in made {
                XCTAssertEqual(stored[article.identityKey]?.blocks, article.blocks, "\(name): \(article.title)")
                guard let id = stored[article.identityKey]?.id else { continue }
                XCTAssertEqual(try store.images(ofArticle: id).map(\.url), article.images.map(\.url),
                               "\(name): \(article.title)")
            }
        }
        XCTAssertGreaterThan(deferredCount, 0, "no fixture item was kept as HTML")
    }

    private func feed(_ description: String, title: String = "Titre") -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Le Journal</title>
            <link>https://journal.example/</link><item><guid>g1</guid><title>\(title)</title>
            <description><![CDATA[\(description)]]></description></item></channel></rss>
            """.utf8)
    }

    func testKeptHTMLIsSearchedAndItsEntryRemovedWhenTheArticleChanges() throws {
        let store = try makeStore()
        let first = try parse(feed("<p>Les <em>vendanges</em> commencent.</p><img src=\"/v.jpg\" alt=\"Vigne\">"),
                              location: "f", bodies: .deferredWhenSimple)
        XCTAssertNotNil(first.first?.deferredHTML)
        _ = try store.save(articles: first)
        let hits = try store.search("vendange")
        XCTAssertEqual(hits.map(\.headline.title), ["Titre"])
        XCTAssertTrue(hits.first?.snippet.contains("vendanges") ?? false, hits.first?.snippet ?? "")
        let id = try XCTUnwrap(hits.first?.headline.id)
        XCTAssertEqual(try store.images(ofArticle: id).map(\.url), ["https://journal.example/v.jpg"])

        // The same item, changed: its old terms leave the index with it.
        let second = try parse(feed("<p>La <strong>moisson</strong> est finie.</p>"), location: "f",
                               bodies: .deferredWhenSimple)
        _ = try store.save(articles: second)
        XCTAssertEqual(try store.search("vendange").count, 0)
        XCTAssertEqual(try store.search("moisson").map(\.headline.id), [id])
        XCTAssertEqual(try store.article(id: id)?.blocks, [.paragraph("La moisson est finie.")])
    }

    func testTheIndexRebuiltFromKeptHTMLGivesTheSameSearches() throws {
        let before: [Int64]
        do {
            let store = try makeStore()
            _ = try store.save(articles: try parse(feed("<p>Grève à la <a href=\"/sncf\">SNCF</a> lundi.</p>"),
                                                   location: "f", bodies: .deferredWhenSimple))
            before = try store.search("greve sncf").map(\.headline.id)
            XCTAssertEqual(before.count, 1)
        }
        // As after an analyzer change: the index is made again from the store.
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open(storePath, &db), SQLITE_OK)
        XCTAssertEqual(sqlite3_exec(db, "UPDATE meta SET value = 'complete, analyzer 0' WHERE key = 'search_index'",
                                    nil, nil, nil), SQLITE_OK)
        sqlite3_close(db)
        var told: [Int] = []
        let reopened = try NewsStore(path: storePath, beforeReindex: { told.append($0) })
        XCTAssertEqual(told, [1])
        XCTAssertEqual(try reopened.search("greve sncf").map(\.headline.id), before)
        XCTAssertEqual(try reopened.search("lundi").map(\.headline.id), before)
        // Removing the entry works with the terms made from the stored HTML.
        _ = try reopened.save(articles: try parse(feed("<p>Fin de la grève.</p>"), location: "f",
                                                  bodies: .deferredWhenSimple))
        XCTAssertEqual(try reopened.search("lundi").count, 0)
        XCTAssertEqual(try reopened.search("greve").map(\.headline.id), before)
        XCTAssertEqual(try reopened.integrityProblems(), [])
    }

    /// French typography's spaces (narrow no-break before ? ! ; :, thin
    /// between thousands), other scripts and emoji are nothing to clean:
    /// such HTML is kept.
    func testFrenchTypographyIsKept() throws {
        let html = "<p>Grève\u{202F}? Le coût\u{A0}: 1\u{2009}200\u{A0}€, «\u{A0}trop\u{A0}»\u{202F}!</p>"
        let kept = try parse(feed(html), location: "f", bodies: .deferredWhenSimple)
        XCTAssertNotNil(kept.first?.deferredHTML)
        // Other scripts and emoji too, once the sanitiser has found nothing
        // to change in them.
        XCTAssertNotNil(try parse(feed("<p>Rabat (الرباط) 😀</p>"), location: "f", bodies: .deferredWhenSimple)
            .first?.deferredHTML)
        XCTAssertEqual(try parse(feed(html), location: "f", bodies: .blocks).first?.blocks,
                       [.paragraph("Grève\u{202F}? Le coût\u{A0}: 1\u{2009}200\u{A0}€, «\u{A0}trop\u{A0}»\u{202F}!")])
    }

    func testHTMLToSanitiseOrWithoutTitleIsMadeIntoBlocksAtOnce() throws {
        let bidi = try parse(feed("<p>Texte \u{202E}inversé</p>"), location: "f", bodies: .deferredWhenSimple)
        XCTAssertNil(bidi.first?.deferredHTML)
        XCTAssertEqual(bidi.first?.blocks, [.paragraph("Texte inversé")])
        let untitled = try parse(feed("<p>Un texte sans titre.</p>", title: ""), location: "f",
                                 bodies: .deferredWhenSimple)
        XCTAssertNil(untitled.first?.deferredHTML)
        XCTAssertEqual(untitled.first?.title, "Un texte sans titre.")
        let repaired = try parse(feed("<div>Un bloc <p>mal fermé</div>"), location: "f", bodies: .deferredWhenSimple)
        XCTAssertNil(repaired.first?.deferredHTML)
    }
}
