/// One unit of an article's body, in reading order.
///
/// Text in blocks is already sanitised and in NFC. Links are kept as numbered
/// references: the text carries "[n]" after the link text and the article ends
/// with a `.links` block listing them, the way a printed page would.
public enum Block: Sendable, Equatable, Hashable {
    case paragraph(String)
    case heading(level: Int, text: String)
    case quote(text: String, attribution: String?)
    case list(ordered: Bool, items: [String])
    case image(ImageRef)
    case links([LinkRef])

    /// The block's kind as named in JSON output and in the store.
    public var type: String {
        switch self {
        case .paragraph: return "paragraph"
        case .heading: return "heading"
        case .quote: return "quote"
        case .list: return "list"
        case .image: return "image"
        case .links: return "links"
        }
    }

    /// The block's readable text, as searched and counted.
    public var plainText: String {
        switch self {
        case .paragraph(let text), .heading(_, let text): return text
        case .quote(let text, let attribution):
            return attribution.map { "\(text) — \($0)" } ?? text
        case .list(_, let items): return items.joined(separator: "\n")
        case .image(let image): return [image.caption, image.credit].compactMap { $0 }.joined(separator: " ")
        case .links(let links): return links.map { "[\($0.number)] \($0.url)" }.joined(separator: "\n")
        }
    }
}

/// An image as it appears in an article. An image is known by its absolute
/// URL: the same photo in two articles is one image (and is flagged once).
public struct ImageRef: Sendable, Equatable, Hashable, Codable {
    public var url: String
    public var alt: String?
    public var caption: String?
    public var credit: String?

    public init(url: String, alt: String? = nil, caption: String? = nil, credit: String? = nil) {
        self.url = url
        self.alt = alt.flatMap(Self.nonEmpty)
        self.caption = caption.flatMap(Self.nonEmpty)
        self.credit = credit.flatMap(Self.nonEmpty)
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}

/// A numbered link reference at the end of an article.
public struct LinkRef: Sendable, Equatable, Hashable, Codable {
    public var number: Int
    public var url: String
    public var text: String

    public init(number: Int, url: String, text: String) {
        self.number = number
        self.url = url
        self.text = text
    }
}
