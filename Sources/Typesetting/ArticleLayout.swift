import Foundation
import NewsModel

/// An article laid out for reading at a given width: the title, the byline,
/// the blocks wrapped, images as framed placeholders, the numbered links and
/// the source link. `kiosque show` prints these lines; the pager shows them.
/// It is computed once per width, not once per frame.
public struct ArticleLayout: Sendable, Equatable {
    public enum Style: Sendable, Equatable { case title, byline, body, heading, quote, listItem, image, link, rule }

    public struct Line: Sendable, Equatable {
        public var text: String
        public var style: Style
        /// The block this line belongs to (-1 for title and byline), so a
        /// resize can keep the paragraph being read on screen.
        public var block: Int
        public init(text: String, style: Style, block: Int) {
            self.text = text
            self.style = style
            self.block = block
        }
    }

    /// What to show for an image, decided by the flags (the store knows).
    public enum ImageState: Sendable, Equatable { case visible, hiddenForYou, blocked }

    /// An image's number in the store (for `kiosque flag`) and its state.
    public struct ImagePresentation: Sendable, Equatable {
        public var id: Int64?
        public var state: ImageState
        public init(id: Int64?, state: ImageState) {
            self.id = id
            self.state = state
        }

        /// Blocked for everybody once enough people flagged it; hidden at
        /// once for a person who flagged it; visible otherwise.
        public init(status: ImageStatus?, user: String?, threshold: Int) {
            id = status?.id
            if status?.isBlocked(threshold: threshold) == true { state = .blocked }
            else if let user, status?.isFlagged(by: user) == true { state = .hiddenForYou }
            else { state = .visible }
        }
    }

    public var width: Int
    public var lines: [Line]

    public init(article: Article, width: Int, language: LayoutLanguage = .fr, justify: Bool = false,
                timeZone: TimeZone? = nil, presentation: (ImageRef) -> ImagePresentation = { _ in ImagePresentation(id: nil, state: .visible) }) {
        let width = max(10, width)
        self.width = width
        var lines: [Line] = []
        func add(_ text: String, _ style: Style, _ block: Int, indent: String = "", firstIndent: String? = nil,
                 justified: Bool = false) {
            let first = firstIndent ?? indent
            let room = max(1, width - DisplayWidth.of(first))
            let wrapped = LineBreaker.wrap(text, width: room, justifying: justified)
            for (i, piece) in wrapped.enumerated() {
                // The last line of a paragraph stays ragged, as in print.
                let text = justified && i < wrapped.count - 1 ? Justifier.justify(piece, to: room) : piece
                lines.append(Line(text: (i == 0 ? first : indent) + text, style: style, block: block))
            }
        }
        func blank(_ block: Int) {
            if let last = lines.last, !last.text.isEmpty { lines.append(Line(text: "", style: .body, block: block)) }
        }

        add(article.title, .title, -1)
        add(Self.byline(article, language: language, timeZone: timeZone), .byline, -1)
        lines.append(Line(text: "", style: .body, block: -1))
        for (index, block) in article.blocks.enumerated() {
            switch block {
            case .paragraph(let text):
                for part in text.split(separator: "\n") { add(String(part), .body, index, justified: justify) }
            case .heading(_, let text):
                add(text, .heading, index)
            case .quote(let text, let attribution):
                for part in text.split(separator: "\n") {
                    add(String(part), .quote, index, indent: "  │ ", justified: justify)
                }
                if let attribution { add("— " + attribution, .quote, index, indent: "    ") }
            case .list(let ordered, let items):
                for (n, item) in items.enumerated() {
                    let bullet = ordered ? "\(n + 1). " : "• "
                    add(item, .listItem, index, indent: String(repeating: " ", count: DisplayWidth.of(bullet)),
                        firstIndent: bullet)
                }
            case .image(let image):
                lines.append(contentsOf: Self.frame(image, presentation(image), language: language, width: width, block: index))
            case .links(let links):
                add(language == .fr ? "Liens" : "Links", .heading, index)
                for link in links {
                    let label = "[\(link.number)] "
                    add(link.url, .link, index, indent: String(repeating: " ", count: label.count), firstIndent: label)
                }
            }
            blank(index)
        }
        if let url = article.url {
            add((language == .fr ? "Source : " : "Source: ") + url, .link, article.blocks.count)
        }
        while let last = lines.last, last.text.isEmpty { lines.removeLast() }
        self.lines = lines
    }

    /// "Publié dans Albayane le 28 juillet 2024"; with a time, "le jeudi
    /// 24 octobre 2024 à 13 h 05" in the reader's zone, and the source's own
    /// time when its offset differs ("14 h 05 à la source, UTC+2"). English:
    /// "Published in Albayane on 28 July 2024".
    public static func byline(_ article: Article, language: LayoutLanguage = .fr, timeZone: TimeZone? = nil) -> String {
        let fr = language == .fr
        var text = (fr ? "Publié dans " : "Published in ") + article.source
        if let date = article.published {
            if date.hasTime {
                text += fr ? " le " + FrenchDates.long(date, in: timeZone)
                           : " on " + EnglishDates.day(date, in: timeZone) + " at " + EnglishDates.time(date, in: timeZone)
                let own = date.utcOffset
                if let own, let zone = timeZone, zone.secondsFromGMT(for: date.instant) != own {
                    let sourceTime = fr ? FrenchDates.time(date) : EnglishDates.time(date)
                    text += fr ? " (\(sourceTime) à la source, \(FrenchDates.offsetName(own)))"
                               : " (\(sourceTime) at the source, \(FrenchDates.offsetName(own)))"
                }
            } else {
                text += fr ? " le " + FrenchDates.day(date) : " on " + EnglishDates.day(date)
            }
        }
        if let author = article.author { text += (fr ? ", par " : ", by ") + author }
        return text
    }

    /// An image as a framed placeholder with its caption and credit.
    static func frame(_ image: ImageRef, _ presentation: ImagePresentation, language: LayoutLanguage,
                      width: Int, block: Int) -> [Line] {
        let inner = max(4, width - 4)
        let fr = language == .fr
        let label = presentation.id.map { fr ? "Image n° \($0)" : "Image #\($0)" } ?? "Image"
        var content: [String]
        switch presentation.state {
        case .visible:
            content = [label + " : " + (image.alt ?? image.url)]
            if let caption = image.caption { content.append(caption) }
            if let credit = image.credit { content.append("© " + credit) }
        case .hiddenForYou:
            content = [label + (fr ? " masquée : vous l'avez signalée" : " hidden: you reported it")]
        case .blocked:
            content = [label + (fr ? " bloquée après signalements" : " blocked after reports")]
        }
        var lines = [Line(text: "┌" + String(repeating: "─", count: inner + 2) + "┐", style: .image, block: block)]
        for text in content {
            for piece in LineBreaker.wrap(text, width: inner) {
                lines.append(Line(text: "│ " + DisplayWidth.pad(piece, to: inner) + " │", style: .image, block: block))
            }
        }
        lines.append(Line(text: "└" + String(repeating: "─", count: inner + 2) + "┘", style: .image, block: block))
        return lines
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }
}
