import NewsModel
import XCTest
@testable import ReaderUI

final class TickerTests: XCTestCase {
    func testTickMovesOneColumnAndReArmsUnderANewTag() {
        var state = Sample.state()
        let firstRow = state.render().lines[0]
        let tag = state.ticker.tag
        let effects = state.update(.tick(tag: tag))
        XCTAssertEqual(effects, [.startTimer(tag: tag + 1, milliseconds: 125)])
        let secondRow = state.render().lines[0]
        XCTAssertEqual(String(secondRow.dropLast()), String(firstRow.dropFirst()))
    }

    func testRedrawingOnlyTheBandGivesTheSameFrameAsAFullRender() {
        var state = Sample.state()
        _ = state.update(.article(Sample.article(), images: [], index: 2))
        var frame = state.render()
        for _ in 0..<30 {
            _ = state.update(.tick(tag: state.ticker.tag))
            frame = state.renderTicker(over: frame)
            XCTAssertEqual(frame, state.render())
        }
    }

    func testStaleTickIsIgnoredSoTheSpeedNeverDoubles() {
        var state = Sample.state()
        let stale = state.ticker.tag
        _ = state.update(.tick(tag: stale))
        let offset = state.ticker.offset
        XCTAssertEqual(state.update(.tick(tag: stale)), [])
        XCTAssertEqual(state.ticker.offset, offset)
    }

    func testTPausesAndResumes() {
        var state = Sample.state()
        let tag = state.ticker.tag
        XCTAssertEqual(state.update(.key(.character("t"))), [])
        XCTAssertEqual(state.update(.tick(tag: tag)), [])
        XCTAssertEqual(state.notice, "Bandeau en pause")
        let resumed = state.update(.key(.character("t")))
        XCTAssertEqual(resumed, [.startTimer(tag: state.ticker.tag, milliseconds: 125)])
    }

    func testStillTickerArmsNoTimerAtAll() {
        var state = AppState(width: 80, height: 10, settings: Sample.settings(moving: false))
        XCTAssertEqual(state.update(.ticker([TickerItem(text: "Albayane · Titre", articleID: 1)])), [])
        XCTAssertEqual(state.update(.key(.character("t"))), [])
        XCTAssertTrue(state.render().lines[0].hasPrefix("Albayane · Titre"))
    }

    func testShiftTOpensTheHeadlineUnderTheReadingPoint() {
        var state = Sample.state()
        let item = state.ticker.item(atScreenColumn: state.tickerMark)!
        let place = state.list.rows.firstIndex { $0.id == item.articleID }!
        XCTAssertEqual(state.update(.key(.character("T"))), [.loadArticle(id: item.articleID!, index: place)])
        _ = state.update(.article(Sample.article(id: item.articleID!), images: [], index: place))
        XCTAssertEqual(state.list.selection, place, "q and ← → are relative to the article opened")
        _ = state.update(.ticker([TickerItem(text: "Une manchette sans article", articleID: nil)]))
        XCTAssertEqual(state.update(.key(.character("T"))), [])
        XCTAssertEqual(state.notice, "Ce titre du bandeau n'a pas d'article enregistré.")
    }

    /// Wide and combining characters never split or smear, at any offset.
    func testEdgesNeverSplitWideOrCombiningCharacters() {
        var ticker = TickerState(moving: true, columnsPerSecond: 8)
        ticker.setItems([TickerItem(text: "東京 · Fe\u{301}s 😀 Québec", articleID: 1)])
        for offset in 0..<ticker.length {
            ticker.offset = offset
            for width in [7, 8, 13] {
                var buffer = Buffer(width: width, height: 1)
                ticker.render(into: &buffer, y: 0, markColumn: 3)
                var columns = 0
                for x in 0..<width where !buffer[x, 0].text.isEmpty {
                    columns += buffer[x, 0].width
                    if buffer[x, 0].width == 2 {
                        XCTAssertTrue(x + 1 < width && buffer[x + 1, 0].text.isEmpty, "offset \(offset) width \(width)")
                    }
                }
                XCTAssertEqual(columns, width, "offset \(offset) width \(width)")
                XCTAssertFalse(buffer[0, 0].text.isEmpty, "a continuation at the left edge")
            }
        }
    }
}
