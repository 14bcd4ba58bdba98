/// Blocks are stored and printed as JSON objects tagged by `type`, so that
/// the store's body column and `kiosque show --json` speak the same shape.
extension Block: Codable {
    private enum Key: String, CodingKey {
        case type, text, level, attribution, ordered, items, url, alt, caption, credit, links
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .paragraph(let text):
            try c.encode(text, forKey: .text)
        case .heading(let level, let text):
            try c.encode(level, forKey: .level)
            try c.encode(text, forKey: .text)
        case .quote(let text, let attribution):
            try c.encode(text, forKey: .text)
            try c.encodeIfPresent(attribution, forKey: .attribution)
        case .list(let ordered, let items):
            try c.encode(ordered, forKey: .ordered)
            try c.encode(items, forKey: .items)
            try c.encode(items.joined(separator: "\n"), forKey: .text)
        case .image(let image):
            // Always present, null when unknown, so readers of the JSON can
            // rely on the keys.
            try c.encode(image.url, forKey: .url)
            try c.encode(image.alt, forKey: .alt)
            try c.encode(image.caption, forKey: .caption)
            try c.encode(image.credit, forKey: .credit)
        case .links(let links):
            try c.encode(links, forKey: .links)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .type) {
        case "paragraph":
            self = .paragraph(try c.decode(String.self, forKey: .text))
        case "heading":
            self = .heading(level: try c.decode(Int.self, forKey: .level),
                            text: try c.decode(String.self, forKey: .text))
        case "quote":
            self = .quote(text: try c.decode(String.self, forKey: .text),
                          attribution: try c.decodeIfPresent(String.self, forKey: .attribution))
        case "list":
            self = .list(ordered: try c.decode(Bool.self, forKey: .ordered),
                         items: try c.decode([String].self, forKey: .items))
        case "image":
            self = .image(ImageRef(url: try c.decode(String.self, forKey: .url),
                                   alt: try c.decodeIfPresent(String.self, forKey: .alt),
                                   caption: try c.decodeIfPresent(String.self, forKey: .caption),
                                   credit: try c.decodeIfPresent(String.self, forKey: .credit)))
        case "links":
            self = .links(try c.decode([LinkRef].self, forKey: .links))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c,
                                                   debugDescription: "unknown block type \(other)")
        }
    }
}
