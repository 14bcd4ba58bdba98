import Foundation
import NewsModel
import XCTest
@testable import ReaderUI

final class ScreenTests: XCTestCase {
    func testHeadlineList() {
        assertScreen(Sample.state().render(), matches: "list-80x14")
    }

    func testHeadlineListInEnglish() {
        assertScreen(Sample.state(language: .en).render(), matches: "list-80x14-en")
    }

    func testNarrowListShowsTitlesOnly() {
        assertScreen(Sample.state(width: 30, height: 8).render(), matches: "list-30x8")
    }

    func testEmptyStoreSaysHowToAddArticles() {
        var state = AppState(width: 60, height: 10, settings: Sample.settings())
        _ = state.update(.headlines(offset: 0, rows: [], total: 0, unread: 0))
        assertScreen(state.render(), matches: "empty-60x10")
    }

    func testPager() {
        var state = Sample.state(width: 70, height: 20)
        _ = state.update(.article(Sample.article(), images: [ImageStatus(id: 9, url: Sample.photo.url, flaggers: [])], index: 2))
        assertScreen(state.render(), matches: "pager-70x20")
    }

    func testHelpIsGeneratedFromTheKeyTable() {
        var state = Sample.state(width: 70, height: 40)
        _ = state.update(.key(.character("?")))
        assertScreen(state.render(), matches: "help-70x40")
    }

    func testTooSmallWindow() {
        let state = Sample.state(width: 19, height: 5)
        XCTAssertEqual(state.render().trimmedLines[2], "fenêtre trop petite")
        for (w, h) in [(1, 1), (0, 0), (2, 1), (20, 6)] {
            var small = Sample.state(width: w, height: h)
            _ = small.update(.key(.down))
            XCTAssertEqual(small.render().lines.count, h)
        }
    }
}

final class ListDateTests: XCTestCase {
    func testFreshHeadlinesSayHowLongAgo() {
        var state = AppState(width: 80, height: 8, settings: Sample.settings())
        let published = PublicationDate(instant: Date(timeIntervalSince1970: 1_729_771_500), utcOffset: 7200)
        let row = Headline(id: 1, title: "Dernière minute", source: "Médias24", url: nil, published: published, isRead: false)
        _ = state.update(.headlines(offset: 0, rows: [row], total: 1, unread: 1))
        state.now = published.instant.addingTimeInterval(7 * 60)
        XCTAssertTrue(state.render().lines[2].hasPrefix("• il y a 7 min"), state.render().lines[2])
        state.now = published.instant.addingTimeInterval(3 * 86400)
        XCTAssertTrue(state.render().lines[2].hasPrefix("• 24/10/2024"))
    }
}
