import Foundation

/// Gathers the text of one block being built (a paragraph, a heading, a list
/// item…), collapsing HTML whitespace the way a browser does: any run of
/// spaces, tabs and line breaks is one space, none at the start. No-break
/// spaces are text, not whitespace, and are kept.
struct HTMLTextSink {
    enum Kind: Equatable {
        /// Running text outside any other block: becomes paragraphs.
        case flow
        case heading(level: Int)
        case quote
        /// A quote's <cite> or <footer>.
        case attribution
        /// Text of a list outside its items.
        case listLoose
        case listItem
        /// Text of a table outside its cells, dropped.
        case tableLoose
        case cell
        case caption
        /// A caption's <small>, <cite> or .credit.
        case credit
    }

    let kind: Kind
    /// Tells sinks apart, so a link can check that its text is still here.
    let serial: Int
    private(set) var scalars = String.UnicodeScalarView()
    /// The text's length in UTF-8 bytes: counting a scalar view walks it,
    /// while a UTF-8 offset is reached in one step.
    private(set) var count = 0
    /// How many times the text was taken; a link started before the last
    /// take has lost its text.
    private(set) var takes = 0
    private var pendingSpace = false

    init(kind: Kind, serial: Int) {
        self.kind = kind
        self.serial = serial
    }

    var isEmpty: Bool { count == 0 }
    var endsWithLineBreak: Bool { scalars.last == "\n" }

    mutating func appendCollapsing(_ text: String) {
        for scalar in text.unicodeScalars {
            if Self.isCollapsibleSpace(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace, count > 0, !endsWithLineBreak { append(" ") }
            pendingSpace = false
            append(scalar)
        }
    }

    /// Text of <pre>: spacing and line breaks are the author's.
    mutating func appendPreformatted(_ text: String) {
        if pendingSpace, count > 0, !endsWithLineBreak { append(" ") }
        pendingSpace = false
        for scalar in text.unicodeScalars where scalar != "\r" { append(scalar) }
    }

    /// A line break (<br>), never at the start and never two in a row.
    mutating func appendLineBreak() {
        pendingSpace = false
        if count > 0, !endsWithLineBreak { append("\n") }
    }

    /// A word boundary between blocks flattened into one line.
    mutating func appendSpace() {
        pendingSpace = true
    }

    /// Text placed right after what precedes it ("[3]" after a link's text);
    /// a space that was due after the link stays due.
    mutating func appendAttached(_ text: String) {
        for scalar in text.unicodeScalars { append(scalar) }
    }

    /// The text from a `count` taken earlier to the end.
    func text(from offset: Int) -> String {
        guard offset < count else { return "" }
        let text = String(scalars)
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return String(text[start...])
    }

    /// The gathered text, trimmed, and an empty sink for what follows.
    mutating func take() -> String {
        let text = String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
        scalars = String.UnicodeScalarView()
        count = 0
        pendingSpace = false
        takes += 1
        return text
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        scalars.append(scalar)
        count += scalar.utf8.count
    }

    /// HTML's ASCII whitespace (U+0020, tab, LF, FF, CR).
    private static func isCollapsibleSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\u{0C}", "\r": return true
        default: return false
        }
    }
}
