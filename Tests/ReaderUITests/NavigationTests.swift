import NewsModel
import XCTest
@testable import ReaderUI

final class NavigationTests: XCTestCase {
    func testDownDownEnterOpensTheThirdHeadlineAndQComesBack() {
        var state = Sample.state()
        XCTAssertEqual(state.update(.key(.down)), [])
        _ = state.update(.key(.down))
        XCTAssertEqual(state.update(.key(.enter)), [.loadArticle(id: 3, index: 2)])
        let effects = state.update(.article(Sample.article(id: 3), images: [], index: 2))
        XCTAssertEqual(effects, [.setRead(id: 3, read: true)])
        XCTAssertEqual(state.screen, .pager)
        XCTAssertEqual(state.render().trimmedLines[1].trimmingCharacters(in: .whitespaces),
                       "Une école pilote ouvre ses portes à Fès")
        _ = state.update(.key(.character("q")))
        XCTAssertEqual(state.screen, .list)
        XCTAssertEqual(state.list.selection, 2)
        XCTAssertTrue(state.list.rows[2].isRead)
    }

    func testArrowsJAndKAndPagingStayInRange() {
        var state = Sample.state(height: 8, rows: 40)   // 5 rows visible
        _ = state.update(.key(.character("j")))
        XCTAssertEqual(state.list.selection, 1)
        _ = state.update(.key(.pageDown))
        XCTAssertEqual(state.list.selection, 6)
        XCTAssertEqual(state.list.top, 5)
        _ = state.update(.key(.end))
        XCTAssertEqual(state.list.selection, 39)
        XCTAssertEqual(state.list.top, 35)
        _ = state.update(.key(.down))
        XCTAssertEqual(state.list.selection, 39)
        _ = state.update(.key(.home))
        XCTAssertEqual(state.list.selection, 0)
        _ = state.update(.key(.up))
        XCTAssertEqual(state.list.selection, 0)
        _ = state.update(.key(.character("k")))
        XCTAssertEqual(state.list.top, 0)
    }

    func testScrollingPastTheLoadedWindowAsksForThatPageOnly() {
        var state = AppState(width: 80, height: 13, settings: Sample.settings())   // 10 rows visible
        let first = Sample.headlines(30)
        _ = state.update(.headlines(offset: 0, rows: first, total: 100_000, unread: 100_000))
        var asked: [Effect] = []
        for _ in 0..<2 { asked += state.update(.key(.pageDown)) }
        XCTAssertEqual(asked, [], "rows 20-29 are already loaded")
        asked = state.update(.key(.pageDown))
        XCTAssertEqual(asked, [.loadHeadlines(offset: 20, limit: 30)])
        XCTAssertTrue(state.render().lines[2].contains("chargement"))
        let page = Sample.headlines(50).suffix(30)
        _ = state.update(.headlines(offset: 20, rows: Array(page), total: 100_000, unread: 100_000))
        XCTAssertTrue(state.render().lines[2].contains(String(page[page.startIndex + 10].title.prefix(12))))
    }

    func testPreviousAndNextArticleFromThePager() {
        var state = Sample.state()
        _ = state.update(.key(.enter))
        _ = state.update(.article(Sample.article(id: 1), images: [], index: 0))
        XCTAssertEqual(state.update(.key(.right)), [.loadArticle(id: 2, index: 1)])
        _ = state.update(.article(Sample.article(id: 2), images: [], index: 1))
        XCTAssertEqual(state.list.selection, 1)
        XCTAssertEqual(state.update(.key(.left)), [.loadArticle(id: 1, index: 0)])
        _ = state.update(.article(Sample.article(id: 1), images: [], index: 0))
        XCTAssertEqual(state.update(.key(.left)), [])
    }

    func testPagerScrollsAndShowsItsPosition() {
        var state = Sample.state(width: 40, height: 10)
        _ = state.update(.article(Sample.article(), images: [], index: 2))
        let total = state.pager!.layout.lines.count
        XCTAssertTrue(state.render().trimmedLines[9].hasPrefix("1-8/\(total) (début)"))
        _ = state.update(.key(.character(" ")))
        XCTAssertEqual(state.pager?.top, 7)
        _ = state.update(.key(.character("G")))
        XCTAssertEqual(state.pager?.top, total - 8)
        XCTAssertTrue(state.render().trimmedLines[9].contains("(fin)"))
        _ = state.update(.key(.character("g")))
        XCTAssertEqual(state.pager?.top, 0)
    }

    func testOpenSourceOnlyForWebLinks() {
        var state = Sample.state()
        _ = state.update(.article(Sample.article(), images: [], index: 2))
        XCTAssertEqual(state.update(.key(.character("o"))), [.openURL("https://albayane.example/ecole-pilote")])
        var local = Sample.article()
        local.url = "file:///etc/passwd"
        _ = state.update(.article(local, images: [], index: 2))
        XCTAssertEqual(state.update(.key(.character("o"))), [])
        XCTAssertNotNil(state.notice)
    }

    func testSearchHighlightsAccentInsensitiveMatchesAndNavigates() {
        var state = Sample.state(width: 70, height: 12)
        _ = state.update(.article(Sample.article(), images: [], index: 2))
        _ = state.update(.key(.character("/")))
        for c in "ecole" { _ = state.update(.key(.character(c))) }
        XCTAssertTrue(state.render().trimmedLines[11].hasPrefix("Chercher : ecole"))
        _ = state.update(.key(.enter))
        let matches = state.pager!.search!.matches
        // The title, the first paragraph, "l’École normale", the image's text
        // and caption, and the source link's "ecole-pilote".
        XCTAssertEqual(matches.count, 6)
        XCTAssertEqual(state.notice, "Occurrence 1/6")
        _ = state.update(.key(.character("n")))
        XCTAssertEqual(state.pager?.search?.current, 1)
        _ = state.update(.key(.character("N")))
        _ = state.update(.key(.character("N")))
        XCTAssertEqual(state.pager?.search?.current, 5)
        let buffer = state.render()
        let match = matches[0]
        let y = 1 + match.line - state.pager!.top
        if y >= 1 && y < 11 {
            XCTAssertEqual(buffer[state.textMargin + match.column, y].style.role, .match)
        }
    }

    func testResizeRewrapsAndKeepsTheParagraphOnScreen() {
        var state = Sample.state(width: 40, height: 10)
        _ = state.update(.article(Sample.article(), images: [], index: 2))
        let lines = state.pager!.layout.lines
        let target = lines.firstIndex { $0.block == 4 }!
        state.pager!.top = target
        _ = state.update(.resize(width: 90, height: 10))
        let after = state.pager!
        XCTAssertTrue(after.layout.width > 40)
        let visible = after.layout.lines[after.top..<min(after.layout.lines.count, after.top + state.pagerRows)]
        XCTAssertTrue(visible.contains { $0.block == 4 }, "the paragraph being read stays on screen")

        // A long article: the paragraph comes back to the top after a narrowing.
        var long = Sample.article()
        long.blocks += (0..<30).map { .paragraph("Paragraphe \($0) d’un long article, avec assez de mots pour remplir plusieurs lignes à l’écran.") }
        _ = state.update(.article(long, images: [], index: 2))
        let target20 = state.pager!.layout.lines.firstIndex { $0.block == 20 }!
        state.pager!.top = target20
        _ = state.update(.resize(width: 35, height: 10))
        XCTAssertEqual(state.pager!.layout.lines[state.pager!.top].block, 20)
    }

    func testHelpComesBackToTheScreenItWasOpenedFrom() {
        var state = Sample.state()
        _ = state.update(.article(Sample.article(), images: [], index: 2))
        _ = state.update(.key(.character("?")))
        XCTAssertEqual(state.screen, .help)
        _ = state.update(.key(.escape))
        XCTAssertEqual(state.screen, .pager)
    }
}

final class ReadStateTests: XCTestCase {
    func testUTogglesReadStateAndTheCount() {
        var state = Sample.state()
        let unread = state.list.unread
        XCTAssertEqual(state.update(.key(.character("u"))), [.setRead(id: 1, read: true)])
        XCTAssertEqual(state.list.unread, unread - 1)
        XCTAssertEqual(state.update(.key(.character("u"))), [.setRead(id: 1, read: false)])
        XCTAssertEqual(state.list.unread, unread)
    }
}

final class ListFilterTests: XCTestCase {
    func testSlashFiltersAsYouTypeAndEscRestoresTheList() {
        var state = Sample.state(rows: 5)
        _ = state.update(.key(.down))
        _ = state.update(.key(.down))
        XCTAssertEqual(state.update(.key(.character("/"))), [])
        XCTAssertEqual(state.update(.key(.character("e"))), [.search(query: "e", limit: 500)])
        XCTAssertEqual(state.update(.key(.character("c"))), [.search(query: "ec", limit: 500)])
        let hit = Sample.headlines(5)[4]
        // An answer to an older query is ignored.
        _ = state.update(.searchResults(query: "e", rows: Sample.headlines(5)))
        XCTAssertEqual(state.list.total, 5)
        _ = state.update(.searchResults(query: "ec", rows: [hit]))
        XCTAssertEqual(state.list.total, 1)
        XCTAssertTrue(state.render().trimmedLines[13].hasPrefix("Filtrer : ec"))
        XCTAssertTrue(state.render().trimmedLines[2].contains(String(hit.title.prefix(20))))
        _ = state.update(.key(.enter))
        XCTAssertEqual(state.notice, "1 article pour « ec » (Échap : tout revoir)")
        // Browsing the results does not ask for pages of the whole list.
        XCTAssertEqual(state.update(.key(.down)), [])
        XCTAssertEqual(state.update(.key(.enter)), [.loadArticle(id: hit.id, index: 0)])
        let back = state.update(.key(.escape))
        XCTAssertEqual(back, [.loadHeadlines(offset: 0, limit: 33)])
        XCTAssertNil(state.list.filter)
        XCTAssertEqual(state.list.selection, 2)
    }

    func testEmptyingTheQueryShowsEverythingAgain() {
        var state = Sample.state(rows: 5)
        _ = state.update(.key(.character("/")))
        _ = state.update(.key(.character("x")))
        _ = state.update(.searchResults(query: "x", rows: []))
        XCTAssertEqual(state.list.total, 0)
        let effects = state.update(.key(.backspace))
        XCTAssertEqual(effects, [.loadHeadlines(offset: 0, limit: 33)])
        _ = state.update(.headlines(offset: 0, rows: Sample.headlines(5), total: 5, unread: 4))
        XCTAssertEqual(state.list.total, 5)
    }
}

final class RefreshTests: XCTestCase {
    func testRShowsProgressThenLoadsTheNewHeadlines() {
        var state = Sample.state()
        XCTAssertEqual(state.update(.key(.character("r"))), [.refresh])
        XCTAssertEqual(state.update(.key(.character("r"))), [], "one refresh at a time")
        XCTAssertEqual(state.notice, "Récupération déjà en cours…")
        _ = state.update(.refreshProgress(done: 1, total: 3, added: 4, failed: 0, finished: false))
        XCTAssertEqual(state.notice, "Récupération des flux : 1/3, 4 nouveaux, 0 en échec")
        let effects = state.update(.refreshProgress(done: 3, total: 3, added: 9, failed: 1, finished: true))
        XCTAssertEqual(effects, [.loadTicker, .loadHeadlines(offset: 0, limit: 33)])
        XCTAssertEqual(state.notice, "Flux récupérés : 9 nouveaux articles, 1 flux en échec.")
        XCTAssertFalse(state.refreshing)
    }
}
