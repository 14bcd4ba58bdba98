import Foundation
import NewsModel

/// What the search index holds for one article: the analysed terms of its
/// title and of its body's text (see `FrenchAnalyzer`). The index keeps no
/// copy of them, so removing an entry means making its terms again from
/// the stored article: both ways must give the same terms, and do, because
/// both go through this type.
struct SearchTerms {
    /// The terms joined by spaces, in UTF-8: an import binds them as they are.
    let titleUTF8: [UInt8]
    let bodyUTF8: [UInt8]

    var title: String { String(decoding: titleUTF8, as: UTF8.self) }
    var body: String { String(decoding: bodyUTF8, as: UTF8.self) }

    /// `plainText`: the body's text, as `plainText(of:)` gives it.
    init(title: String, plainText: String) {
        titleUTF8 = FrenchAnalyzer.joinedTermsUTF8(title)
        bodyUTF8 = FrenchAnalyzer.joinedTermsUTF8(plainText)
    }

    /// From a stored article's title and body (JSON blocks).
    init(title: String, bodyJSON: String) throws {
        let blocks = try JSONDecoder().decode([Block].self, from: Data(bodyJSON.utf8))
        self.init(title: title, plainText: Self.plainText(of: blocks))
    }

    /// The text of a body's blocks, one block a line.
    static func plainText(of blocks: [Block]) -> String {
        blocks.map(\.plainText).joined(separator: "\n")
    }
}
