import NewsModel
import XCTest
@testable import Typesetting

final class ArticleLayoutTests: XCTestCase {
    private func article() -> Article {
        Article(title: "La protection des enfants contre l’exploitation sur internet",
                source: "Albayane", url: "https://albayane.example/article",
                published: PublicationDate(year: 2024, month: 7, day: 28),
                blocks: [.paragraph("Les moyens de protection des enfants ont été au centre d’une journée."),
                         .image(ImageRef(url: "https://i.example/a.jpg", alt: "Des enfants", caption: "Une classe à Rabat", credit: "MAP")),
                         .list(ordered: false, items: ["premier point", "second point"])],
                origin: Origin(kind: .file, location: "x"))
    }

    func testTitleBylineBlocksAndSourceLink() {
        let layout = ArticleLayout(article: article(), width: 40)
        let text = layout.lines.map(\.text)
        XCTAssertEqual(text.first, "La protection des enfants contre")
        XCTAssertTrue(text.contains("Publié dans Albayane le 28 juillet 2024"))
        XCTAssertTrue(text.contains("• premier point"))
        XCTAssertTrue(layout.lines.allSatisfy { DisplayWidth.of($0.text) <= 40 }, layout.text)
        let wide = ArticleLayout(article: article(), width: 60)
        XCTAssertEqual(wide.lines.last?.text, "Source : https://albayane.example/article")
    }

    func testImageIsAFramedPlaceholderWithCaptionAndCredit() {
        let layout = ArticleLayout(article: article(), width: 40) { _ in .init(id: 7, state: .visible) }
        let frame = layout.lines.filter { $0.style == .image }.map(\.text)
        XCTAssertEqual(frame.count, 5)
        XCTAssertTrue(frame[0].hasPrefix("┌") && frame[4].hasPrefix("└"))
        XCTAssertTrue(frame[1].contains("Image n° 7 : Des enfants"))
        XCTAssertTrue(frame[2].contains("Une classe à Rabat"))
        XCTAssertTrue(frame[3].contains("© MAP"))
        XCTAssertEqual(Set(frame.map { DisplayWidth.of($0) }), [40])
    }

    func testBlockedImageShowsNoCaption() {
        let layout = ArticleLayout(article: article(), width: 40) { _ in .init(id: 7, state: .blocked) }
        let frame = layout.lines.filter { $0.style == .image }.map(\.text).joined()
        XCTAssertTrue(frame.contains("bloquée"))
        XCTAssertFalse(frame.contains("Une classe"))
    }
}
