import NewsModel
import XCTest
@testable import ReaderUI

final class FlaggingTests: XCTestCase {
    private func pager(flaggers: [String] = []) -> AppState {
        var state = Sample.state(width: 70, height: 30)
        _ = state.update(.article(Sample.article(), images: [ImageStatus(id: 9, url: Sample.photo.url, flaggers: flaggers)],
                                  index: 2))
        return state
    }

    private func imageText(_ state: AppState) -> String {
        state.pager!.layout.lines.filter { $0.style == .image }.map(\.text).joined(separator: "\n")
    }

    func testTabThenSFlagsAndThanksWithTheCount() {
        var state = pager()
        XCTAssertEqual(state.update(.key(.character("s"))), [])
        XCTAssertEqual(state.notice, "Choisissez d'abord une image avec Tab.")
        _ = state.update(.key(.tab))
        XCTAssertEqual(state.pager?.selectedImage, 0)
        XCTAssertEqual(state.update(.key(.character("s"))), [.flag(imageID: 9)])
        _ = state.update(.imageStatus(ImageStatus(id: 9, url: Sample.photo.url, flaggers: ["amina"])))
        XCTAssertEqual(state.notice, "Merci d'avoir signalé ! Cette image sera bloquée automatiquement après avoir été signalée par plusieurs personnes. (1/3)")
        // The whole message, count included, is on screen, on the rows drawn as a notice.
        let buffer = state.render()
        let rows = (0..<buffer.height).filter { buffer[0, $0].style.role == .notice }
        XCTAssertEqual(rows, [28, 29])
        XCTAssertEqual(rows.map { buffer.trimmedLines[$0] }.joined(separator: " "), state.notice!)
        // Hidden at once for the person who flagged it.
        XCTAssertTrue(imageText(state).contains("masquée"))
        XCTAssertFalse(imageText(state).contains("Ibn Khaldoun"))
    }

    func testSAgainWithdrawsYourOwnFlagBeforeTheBlock() {
        var state = pager(flaggers: ["amina"])
        _ = state.update(.key(.tab))
        XCTAssertEqual(state.update(.key(.character("s"))), [.unflag(imageID: 9)])
        _ = state.update(.imageStatus(ImageStatus(id: 9, url: Sample.photo.url, flaggers: [])))
        XCTAssertEqual(state.notice, "Signalement retiré. (0/3)")
        XCTAssertTrue(imageText(state).contains("Ibn Khaldoun"))
    }

    func testBlockedImageShowsAsBlockedForEverybodyAndCannotBeWithdrawn() {
        var state = pager(flaggers: ["amina", "yassine", "claire"])
        XCTAssertTrue(imageText(state).contains("bloquée"))
        XCTAssertFalse(imageText(state).contains("Ibn Khaldoun"))
        _ = state.update(.key(.tab))
        XCTAssertEqual(state.update(.key(.character("s"))), [])
        XCTAssertEqual(state.notice, "Image bloquée après plusieurs signalements.")
    }

    func testOthersFlagsDoNotHideTheImageBeforeTheBlock() {
        let state = pager(flaggers: ["yassine", "claire"])
        XCTAssertTrue(imageText(state).contains("Une école à Fès"))
    }

    func testShiftTabCyclesBackwardsAndTheFrameIsHighlighted() {
        var state = pager()
        _ = state.update(.key(.backTab))
        XCTAssertEqual(state.pager?.selectedImage, 0)
        let buffer = state.render()
        let row = buffer.trimmedLines.firstIndex { $0.contains("┌") }!
        XCTAssertEqual(buffer[state.textMargin, row].style.role, .imageSelected)
    }

    func testArticleWithoutImageSaysSo() {
        var state = Sample.state()
        var article = Sample.article()
        article.blocks.removeAll { if case .image = $0 { return true } else { return false } }
        _ = state.update(.article(article, images: [], index: 2))
        _ = state.update(.key(.tab))
        XCTAssertEqual(state.notice, "Cet article n'a pas d'image.")
    }
}
