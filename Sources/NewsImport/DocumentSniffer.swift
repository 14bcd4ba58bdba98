/// Recognises a document's kind from its first bytes, never from its name.
enum DocumentSniffer {
    enum Guess: Equatable { case feed, opml, html, xmlOther, text }

    static func guess(_ bytes: [UInt8]) -> Guess {
        var head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        if head.hasPrefix("\u{FEFF}") { head.removeFirst() }
        let trimmed = head.drop(while: { $0.isWhitespace })
        guard trimmed.hasPrefix("<") else { return .text }
        // The root element decides; comments, the XML declaration and a
        // doctype may come first.
        if let root = firstElementName(in: trimmed) {
            switch root {
            case "rss", "rdf:rdf", "feed", "channel": return .feed
            case "opml": return .opml
            case "html", "head", "body": return .html
            default: break
            }
        }
        if trimmed.hasPrefix("<!doctype html") { return .html }
        if trimmed.hasPrefix("<?xml") { return .xmlOther }
        return .html
    }

    /// The name of the first element that is not a declaration, comment or
    /// processing instruction.
    private static func firstElementName(in text: Substring) -> String? {
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                guard let close = after.firstIndex(of: ">") else { return nil }
                rest = after[after.index(after: close)...]
                continue
            }
            let name = after.prefix(while: { !$0.isWhitespace && $0 != ">" && $0 != "/" })
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }
}
