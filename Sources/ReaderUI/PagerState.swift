import Foundation
import NewsModel
import Typesetting

/// An article open full-screen. The layout is computed when the width or
/// the images' state changes, never per frame.
public struct PagerState: Sendable, Equatable {
    public var article: Article
    public var images: [ImageStatus]
    /// The article's place in the list, for ← and →.
    public var listIndex: Int
    public private(set) var layout: ArticleLayout
    public var top = 0
    public var selectedImage: Int?
    public var search: SearchState?

    let language: LayoutLanguage
    let justify: Bool
    let timeZone: TimeZone

    init(article: Article, images: [ImageStatus], listIndex: Int, width: Int, user: String, threshold: Int,
         language: LayoutLanguage, justify: Bool, timeZone: TimeZone) {
        self.language = language
        self.justify = justify
        self.timeZone = timeZone
        self.article = article
        self.images = images
        self.listIndex = listIndex
        // Laid out once: a plain layout made first, only to be replaced by
        // `relayout`, doubled the time an article took to open.
        self.layout = Self.layout(article, width: width, images: images, user: user, threshold: threshold,
                                  language: language, justify: justify, timeZone: timeZone)
    }

    private static func layout(_ article: Article, width: Int, images: [ImageStatus], user: String, threshold: Int,
                               language: LayoutLanguage, justify: Bool, timeZone: TimeZone) -> ArticleLayout {
        ArticleLayout(article: article, width: width, language: language, justify: justify, timeZone: timeZone) { ref in
            .init(status: images.first { $0.url == ref.url }, user: user, threshold: threshold)
        }
    }

    public func status(of image: ImageRef) -> ImageStatus? {
        images.first { $0.url == image.url }
    }

    /// Lays the article out again (new width, or an image's state changed),
    /// keeping the block being read at the top.
    mutating func relayout(width: Int, user: String, threshold: Int) {
        let anchor = layout.lines.indices.contains(top) ? layout.lines[top].block : nil
        let lineInBlock = anchor.map { block in top - (layout.lines.firstIndex { $0.block == block } ?? top) } ?? 0
        layout = Self.layout(article, width: width, images: images, user: user, threshold: threshold,
                             language: language, justify: justify, timeZone: timeZone)
        if let anchor, let first = layout.lines.firstIndex(where: { $0.block == anchor }) {
            let blockLength = layout.lines[first...].prefix { $0.block == anchor }.count
            top = first + min(lineInBlock, max(0, blockLength - 1))
        }
        search?.recompute(in: layout)
    }

    /// The block indexes of the article's images, in the order Tab visits them.
    var imageBlocks: [Int] {
        var seen = Set<String>()
        return article.blocks.indices.filter { index in
            guard case .image(let image) = article.blocks[index] else { return false }
            return seen.insert(image.url).inserted
        }
    }

    mutating func scroll(to line: Int, visibleRows: Int) {
        top = min(max(0, line), max(0, layout.lines.count - visibleRows))
    }
}

/// A search in the article: the query, whether it is still being typed, and
/// its matches as (line, column, width) in the layout.
public struct SearchState: Sendable, Equatable {
    public struct Match: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var width: Int
    }

    public var query: String
    public var editing: Bool
    public var matches: [Match] = []
    public var current = 0

    mutating func recompute(in layout: ArticleLayout) {
        matches = Self.find(query, in: layout)
        current = min(current, max(0, matches.count - 1))
    }

    /// Case- and accent-blind matching, grapheme by grapheme, so "ecole"
    /// finds "École" and a match never cuts a character.
    static func find(_ query: String, in layout: ArticleLayout) -> [Match] {
        let needle = query.map(fold)
        guard !needle.isEmpty else { return [] }
        var found: [Match] = []
        for (lineIndex, line) in layout.lines.enumerated() {
            let characters = Array(line.text)
            let folded = characters.map(fold)
            guard folded.count >= needle.count else { continue }
            var columns: [Int] = []
            var column = 0
            for character in characters { columns.append(column); column += DisplayWidth.of(character) }
            var i = 0
            while i + needle.count <= folded.count {
                if Array(folded[i..<(i + needle.count)]) == needle {
                    let width = characters[i..<(i + needle.count)].reduce(0) { $0 + DisplayWidth.of($1) }
                    found.append(Match(line: lineIndex, column: columns[i], width: width))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return found
    }

    static func fold(_ character: Character) -> String {
        String(character).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
