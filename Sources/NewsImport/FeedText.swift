import Foundation
import NewsModel

/// How an Atom text construct is written (RFC 4287 §3.1).
enum FeedTextKind {
    case text, html, xhtml

    /// From Atom's `type` attribute; the MIME forms are accepted too.
    init?(atomType: String?) {
        switch atomType?.lowercased() ?? "text" {
        case "text", "text/plain": self = .text
        case "html", "text/html": self = .html
        case "xhtml", "application/xhtml+xml": self = .xhtml
        default: return nil
        }
    }
}

/// The text fields of feeds, cleaned for the model.
enum FeedText {
    /// One line, sanitised, NFC.
    static func line(_ raw: String) -> String { TextSanitizer.cleanLine(raw) }

    /// A cleaned line, or nil when nothing is left.
    static func nonEmptyLine(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let cleaned = line(raw)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// A one-line text written as `kind`.
    static func line(_ raw: String, kind: FeedTextKind) -> String {
        kind == .text ? line(raw) : HTMLBlocks.plainText(fromHTML: raw)
    }

    /// Text that should be plain but often is not: RSS titles and Media RSS
    /// captions are plain text by their specifications, yet many feeds put
    /// markup or escaped entities in them ("&amp;eacute;"); those are read
    /// as HTML.
    static func looseLine(_ raw: String) -> String {
        mayHoldMarkup(raw) ? HTMLBlocks.plainText(fromHTML: raw) : line(raw)
    }

    /// Whether the text has a `<` or a `&`, looked for eight bytes at a
    /// time where the bytes lie (every item's title and author pass here).
    static func mayHoldMarkup(_ raw: String) -> Bool {
        var raw = raw
        return raw.withUTF8 { bytes in
            let found = EightBytes.skipUnmarked(in: bytes, from: 0, to: bytes.count) {
                EightBytes.equal($0, UInt8(ascii: "<")) | EightBytes.equal($0, UInt8(ascii: "&"))
            }
            return bytes[found...].contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }
        }
    }

    /// The body of a text construct, whatever its kind.
    static func blocks(_ raw: String, kind: FeedTextKind, base: String?) -> [Block] {
        kind == .text ? paragraphs(fromPlainText: raw) : HTMLBlocks.blocks(fromHTML: raw, baseURL: base)
    }

    /// Plain text: a blank line separates paragraphs, other line breaks are
    /// only the feed's wrapping.
    static func paragraphs(fromPlainText text: String) -> [Block] {
        var blocks: [Block] = []
        var current: [Substring] = []
        func flush() {
            let paragraph = line(current.joined(separator: " "))
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)) }
            current = []
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if rawLine.allSatisfy(\.isWhitespace) { flush() } else { current.append(rawLine) }
        }
        flush()
        return blocks
    }

    /// RSS `<author>` is an e-mail address, often with the name in
    /// parentheses ("redaction@example.fr (Jean Dupont)"); the name is kept.
    static func rssAuthorName(_ raw: String) -> String? {
        let trimmed = TextSanitizer.trimmingWhitespace(raw)
        if let open = trimmed.firstIndex(of: "("), let close = trimmed.lastIndex(of: ")"), open < close {
            return nonEmptyLine(String(trimmed[trimmed.index(after: open)..<close]))
        }
        if let open = trimmed.firstIndex(of: "<"), trimmed.hasSuffix(">") {  // "Jean Dupont <jean@example.fr>"
            return nonEmptyLine(String(trimmed[..<open]))
        }
        return nonEmptyLine(trimmed)
    }

    /// Several authors as one line, each name once.
    static func authors(_ names: [String]) -> String? {
        if names.count <= 1 { return names.first.flatMap(nonEmptyLine) }   // the usual case, without a set
        var seen = Set<String>()
        let cleaned = names.compactMap(nonEmptyLine).filter { seen.insert($0).inserted }
        return cleaned.isEmpty ? nil : cleaned.joined(separator: ", ")
    }

    /// Categories cleaned, each once, in order.
    static func categories(_ raw: [String]) -> [String] {
        var seen = Set<String>()
        return raw.compactMap(nonEmptyLine).filter { seen.insert($0).inserted }
    }

    /// An item without a title is named after the start of its text.
    static func fallbackTitle(from blocks: [Block]) -> String {
        let maximumLength = 100
        for block in blocks {
            guard case .paragraph(let text) = block else { continue }
            let flat = line(text)
            guard flat.count > maximumLength else { return flat }
            let cut = flat.prefix(maximumLength)
            let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
            return String(atWord) + "…"
        }
        return "(sans titre)"
    }

    /// The newspaper's name: the feed's title, else its web site's host.
    static func sourceName(title: String?, link: String?, origin: Origin) -> String {
        if let title = nonEmptyLine(title) { return title }
        for candidate in [link, origin.location] {
            if let candidate, let host = URLComponents(string: candidate)?.host, !host.isEmpty {
                return line(host)
            }
        }
        return line(origin.location)
    }
}
