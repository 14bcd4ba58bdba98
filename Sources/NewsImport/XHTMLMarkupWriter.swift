import NewsModel

/// Writes an Atom `type="xhtml"` content back out as HTML text for
/// `HTMLBlocks`. Prefixes are dropped (`<xhtml:p>` becomes `<p>`) and link
/// attributes are made absolute against the xml:base in effect at their
/// own element, which the HTML parser would not know about.
struct XHTMLMarkupWriter {
    private(set) var markup = ""

    /// HTML elements that have no end tag: writing `</br>` would make the
    /// HTML parser see a second line break.
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr",
    ]
    private static let linkAttributes: Set<String> = ["href", "src", "poster", "cite"]

    mutating func open(_ element: FeedElement, base: String?) {
        markup += "<" + element.localName
        for attribute in element.attributes where attribute.namespace == nil {
            var value = attribute.value
            if Self.linkAttributes.contains(attribute.localName),
               let absolute = CanonicalURL.resolve(value, against: base) {
                value = absolute
            }
            markup += " \(attribute.localName)=\"\(Self.escape(value, quotes: true))\""
        }
        markup += ">"
    }

    mutating func close(_ element: FeedElement) {
        if !Self.voidElements.contains(element.localName) {
            markup += "</\(element.localName)>"
        }
    }

    mutating func text(_ text: String) {
        markup += Self.escape(text, quotes: false)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
