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

/// The hand-written writer must give what JSONEncoder gives, byte for byte:
/// stored bodies and their content hashes stay the same whichever wrote them.
final class BlockJSONWriterTests: XCTestCase {
    private func encoderJSON<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testSameBytesAsJSONEncoderOnEveryKind() throws {
        let tricky = "« Guillemets » \"doubles\" \\ / \n\t\r\u{08}\u{0C}\u{01}\u{1F}\u{7F} é œ € 😀 \u{2028}"
        let blocks: [Block] = [
            .paragraph(tricky),
            .heading(level: 3, text: tricky),
            .quote(text: tricky, attribution: nil),
            .quote(text: "t", attribution: tricky),
            .list(ordered: false, items: [tricky, "deux"]),
            .list(ordered: true, items: []),
            .image(ImageRef(url: "https://i.example/a.jpg?x=1&y=2")),
            .image(ImageRef(url: "https://i.example/b.jpg", alt: tricky, caption: "Légende", credit: "AFP")),
            .links([LinkRef(number: 1, url: "https://a.example/", text: tricky),
                    LinkRef(number: 12, url: "https://b.example/x", text: "b")]),
        ]
        XCTAssertEqual(BlockJSONWriter.json(blocks), try encoderJSON(blocks))
        XCTAssertEqual(BlockJSONWriter.json([] as [Block]), try encoderJSON([] as [Block]))
        XCTAssertEqual(BlockJSONWriter.json(["a/b", tricky]), try encoderJSON(["a/b", tricky]))
        XCTAssertEqual(try JSONDecoder().decode([Block].self, from: Data(BlockJSONWriter.json(blocks).utf8)), blocks)
    }

    func testSameBytesOnRandomText() throws {
        var generator = SplitMix(state: 7)
        for _ in 0..<300 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 40) {
                let pick = generator.next() % 4
                let value: UInt32 = pick == 0 ? UInt32(generator.next() % 0x80)
                    : pick == 1 ? UInt32(0x80 + generator.next() % 0x780)
                    : pick == 2 ? UInt32(0x2000 + generator.next() % 0x100) : UInt32(0x1F600 + generator.next() % 0x50)
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            let text = String(scalars)
            XCTAssertEqual(BlockJSONWriter.json([Block.paragraph(text)]), try encoderJSON([Block.paragraph(text)]))
        }
    }
}

/// SplitMix64, local: this target does not depend on TestSupport. Shared by
/// the tests of this target.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
