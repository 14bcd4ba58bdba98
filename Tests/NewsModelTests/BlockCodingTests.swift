import Foundation
import XCTest
@testable import NewsModel

final class BlockCodingTests: XCTestCase {
    func testEveryBlockKindSurvivesAJSONRoundTrip() throws {
        let blocks: [Block] = [
            .paragraph("Un paragraphe « cité »."),
            .heading(level: 2, text: "Intertitre"),
            .quote(text: "Une citation", attribution: "Quelqu’un"),
            .list(ordered: true, items: ["un", "deux"]),
            .image(ImageRef(url: "https://i.example/a.jpg", alt: "alt", caption: "Légende", credit: "AFP")),
            .links([LinkRef(number: 1, url: "https://a.example/", text: "lien")]),
        ]
        let data = try JSONEncoder().encode(blocks)
        XCTAssertEqual(try JSONDecoder().decode([Block].self, from: data), blocks)
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(objects.map { $0["type"] as? String },
                       ["paragraph", "heading", "quote", "list", "image", "links"])
        XCTAssertEqual(objects[3]["text"] as? String, "un\ndeux")
    }

    func testUnknownBlockTypeIsAnError() {
        let data = Data(#"[{"type":"video","text":"x"}]"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode([Block].self, from: data))
    }
}
