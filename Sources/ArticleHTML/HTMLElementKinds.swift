/// How kiosque reads each HTML tag it knows; unknown tags are inline.
package enum HTMLElementKinds {
    /// Never content: code, navigation, forms, embedded players and drawings.
    package static let skipped: Set<String> = [
        "script", "style", "iframe", "form", "nav", "noscript", "svg",
        "head", "title", "template", "object", "embed", "canvas", "video", "audio", "map", "math",
        "select", "textarea", "button",
    ]

    /// Tags that end the running paragraph and start a new one.
    package static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "address", "center",
        "details", "summary", "dl", "dt", "dd", "hr", "fieldset", "legend", "hgroup", "li", "ul", "ol",
        "table", "tr", "td", "th", "caption", "thead", "tbody", "tfoot", "figure", "figcaption",
        "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
    ]

    package static func headingLevel(_ name: String) -> Int? {
        guard name.count == 2, name.first == "h", let level = Int(name.dropFirst()), (1...6).contains(level) else {
            return nil
        }
        return level
    }

    /// Photo credits are often marked by class rather than by tag.
    package static func isCreditClass(_ classes: String?) -> Bool {
        guard let classes = classes?.lowercased() else { return false }
        return classes.contains("credit") || classes.contains("copyright")
    }
}
