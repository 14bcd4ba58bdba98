import NewsModel
import TestSupport
import XCTest
@testable import ReaderUI

/// Random key streams, resizes and answers: the invariants hold whatever
/// the order (selection in range, nothing drawn outside the screen).
final class RandomKeysTests: XCTestCase {
    func testInvariantsHoldUnderRandomInput() {
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab,
                           .backTab, .backspace, .character("q"), .character("s"), .character("/"),
                           .character("n"), .character("N"), .character("t"), .character("T"), .character("?"),
                           .character("é"), .character("g"), .character("G"), .character(" "), .character("o")]
        for seed in 1...10 {
            var random = SeededGenerator(seed: UInt64(seed))
            var state = Sample.state(width: 60, height: 15, rows: 37)
            for _ in 0..<300 {
                var effects: [Effect] = []
                switch Int.random(in: 0..<10, using: &random) {
                case 0:
                    effects = state.update(.resize(width: Int.random(in: 0...120, using: &random),
                                                   height: Int.random(in: 0...50, using: &random)))
                case 1:
                    effects = state.update(.tick(tag: state.ticker.tag))
                default:
                    effects = state.update(.key(keys.randomElement(using: &random)!))
                }
                // Answer the effects as the loop would, from a fake store of 37 rows.
                for effect in effects {
                    switch effect {
                    case .loadArticle(let id, let index):
                        var article = Sample.article(id: id)
                        article.title += " \(id)"
                        _ = state.update(.article(article, images: [ImageStatus(id: 9, url: Sample.photo.url, flaggers: [])], index: index))
                    case .loadHeadlines(let offset, let limit):
                        let all = Sample.headlines(37)
                        let rows = Array(all[min(offset, 37)..<min(37, offset + limit)])
                        _ = state.update(.headlines(offset: offset, rows: rows, total: 37, unread: 20))
                    case .flag(let id):
                        _ = state.update(.imageStatus(ImageStatus(id: id, url: Sample.photo.url, flaggers: ["amina"])))
                    default:
                        break
                    }
                }
                XCTAssertTrue((0..<37).contains(state.list.selection))
                XCTAssertTrue(state.list.top <= state.list.selection)
                if let pager = state.pager {
                    XCTAssertTrue(pager.top >= 0 && pager.top <= max(0, pager.layout.lines.count - 1))
                }
                let buffer = state.render()
                XCTAssertEqual(buffer.lines.count, state.height)
                for y in 0..<buffer.height {
                    var width = 0
                    for x in 0..<buffer.width { width += buffer[x, y].width }
                    XCTAssertEqual(width, buffer.width, "row \(y) at seed \(seed)")
                }
            }
        }
    }
}
