import ArticleHTML
import Foundation
import NewsModel

/// An article's body as the `body` column holds it: JSON blocks, the last
/// entry possibly the item's HTML left to be read when the article is read
/// (see `DeferredHTML`, written by `BlockJSONWriter`). Every reader of the
/// column goes through here, so none sees the HTML itself.
struct StoredBody {
    private enum Part {
        case block(Block)
        /// Item HTML, with its search text when an import has just read it.
        case html(String, baseURL: String?, textUTF8: [UInt8]?)
    }

    private var parts: [Part]

    /// An article about to be stored.
    init(blocks: [Block], deferred: DeferredHTML?) {
        parts = blocks.map(Part.block)
        if let deferred { parts.append(.html(deferred.html, baseURL: deferred.baseURL, textUTF8: deferred.textUTF8)) }
    }

    /// A stored body.
    init(json: String) throws {
        parts = try JSONDecoder().decode([Entry].self, from: Data(json.utf8)).map(\.part)
    }

    /// The blocks, the HTML read into blocks.
    var blocks: [Block] {
        parts.flatMap { part -> [Block] in
            switch part {
            case .block(let block): return [block]
            case .html(let html, let baseURL, _): return SimpleHTML.storedBlocks(html, baseURL: baseURL)
            }
        }
    }

    /// The text the search index is made from, in UTF-8, one part a line:
    /// the same for an article about to be stored and for it once stored,
    /// as a rebuilt index must hold the terms an import put there.
    var searchTextUTF8: [UInt8] {
        // Kept HTML alone, its text known: as it is, not copied.
        if parts.count == 1, case .html(_, _, let known?) = parts[0] { return known }
        var text: [UInt8] = []
        for part in parts {
            if !text.isEmpty { text.append(0x0A) }
            switch part {
            case .block(let block): text += block.plainText.utf8
            case .html(let html, let baseURL, let known): text += known ?? SimpleHTML.storedText(html, baseURL: baseURL)
            }
        }
        return text
    }

    /// One entry of the JSON list: a block, or HTML left for later.
    private struct Entry: Decodable {
        let part: Part

        private enum Key: String, CodingKey { case type, html, base }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            if try c.decode(String.self, forKey: .type) == BlockJSONWriter.deferredType {
                part = .html(try c.decode(String.self, forKey: .html),
                             baseURL: try c.decodeIfPresent(String.self, forKey: .base), textUTF8: nil)
            } else {
                part = .block(try Block(from: decoder))
            }
        }
    }
}
