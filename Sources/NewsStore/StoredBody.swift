import ArticleHTML
import Foundation
import NewsModel

/// An article's body as the `body` column holds it: JSON blocks, the last
/// entry possibly the item's HTML left to be read when the article is read
/// (see `DeferredHTML`, written by `BlockJSONWriter`); or, for an article
/// that is that HTML alone (most feed items), the HTML itself behind a
/// short header (`encoded`). Every reader of the column goes through here,
/// so none sees the HTML itself.
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

    /// A stored body, in either form.
    init(stored: String) throws {
        if stored.utf8.first == Self.htmlMark {
            parts = [try Self.html(stored)]
        } else {
            parts = try JSONDecoder().decode([Entry].self, from: Data(stored.utf8)).map(\.part)
        }
    }

    /// The column's bytes for an article about to be stored. HTML alone is
    /// stored as it is: written as a JSON string, every quote of its
    /// attributes escaped, it cost a fiftieth of a large import's
    /// instructions, and reading it back took a JSON decoder.
    static func encoded(blocks: [Block], deferred: DeferredHTML?) -> [UInt8] {
        guard blocks.isEmpty, let deferred else { return BlockJSONWriter.utf8(blocks, deferred: deferred) }
        // The mark, the base URL's length in bytes ("-" for none), ":", the
        // base URL, then the HTML.
        let base = deferred.baseURL.map { Array($0.utf8) }
        let length = base.map { String($0.count) } ?? "-"
        var out: [UInt8] = [Self.htmlMark]
        out.reserveCapacity(length.utf8.count + 2 + (base?.count ?? 0) + deferred.html.utf8.count)
        out.append(contentsOf: length.utf8)
        out.append(UInt8(ascii: ":"))
        if let base { out.append(contentsOf: base) }
        out.append(contentsOf: deferred.html.utf8)
        return out
    }

    /// U+0001, which starts no JSON.
    private static let htmlMark: UInt8 = 0x01

    /// The HTML part of a body in the form `encoded` writes for HTML alone.
    private static func html(_ stored: String) throws -> Part {
        let bytes = stored.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { throw StoredBodyError.malformed }
        let lengthText = String(decoding: bytes[bytes.index(after: bytes.startIndex)..<colon], as: UTF8.self)
        let afterColon = bytes.index(after: colon)
        guard lengthText != "-" else {
            return .html(String(stored[afterColon...]), baseURL: nil, textUTF8: nil)
        }
        guard let length = Int(lengthText), length >= 0,
              let htmlStart = bytes.index(afterColon, offsetBy: length, limitedBy: bytes.endIndex)
        else { throw StoredBodyError.malformed }
        return .html(String(stored[htmlStart...]), baseURL: String(stored[afterColon..<htmlStart]), textUTF8: nil)
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

/// A body column that is neither JSON nor HTML behind its header.
enum StoredBodyError: Error {
    case malformed
}
