import Foundation
import NewsModel

/// Gathers the text of one block being built (a paragraph, a heading, a list
/// item…), collapsing HTML whitespace the way a browser does: any run of
/// spaces, tabs and line breaks is one space, none at the start. No-break
/// spaces are text, not whitespace, and are kept.
package struct HTMLTextSink {
    package enum Kind: Equatable {
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

    package let kind: Kind
    /// Tells sinks apart, so a link can check that its text is still here.
    package let serial: Int
    /// The text as UTF-8: every space the sink collapses is ASCII, so it
    /// works on bytes, and a multi-byte scalar passes through whole.
    private(set) var bytes: [UInt8] = []
    /// The text's length in UTF-8 bytes.
    package var count: Int { bytes.count }
    /// How many times the text was taken; a link started before the last
    /// take has lost its text.
    private(set) var takes = 0
    private var pendingSpace = false

    package init(kind: Kind, serial: Int) {
        self.kind = kind
        self.serial = serial
    }

    package var isEmpty: Bool { count == 0 }
    package var endsWithLineBreak: Bool { bytes.last == 0x0A }

    /// Appends text, its runs of HTML whitespace collapsed.
    package mutating func appendCollapsing(_ text: String) {
        var text = text
        text.withUTF8 { appendCollapsing($0) }
    }

    /// `utf8` must be valid UTF-8 (whole scalars). Copies runs, not bytes:
    /// a run goes on across single spaces between words, which collapse to
    /// themselves (a byte at a time, this was the import's costliest loop).
    package mutating func appendCollapsing(_ utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        var i = 0
        while i < n {
            if Self.isCollapsibleSpace(utf8[i]) {
                pendingSpace = true
                i += 1
                continue
            }
            var end = i + 1
            while end < n {
                if !Self.isCollapsibleSpace(utf8[end]) {
                    end += 1
                } else if utf8[end] == 0x20, end + 1 < n, !Self.isCollapsibleSpace(utf8[end + 1]) {
                    end += 2
                } else {
                    break
                }
            }
            if pendingSpace, count > 0, !endsWithLineBreak { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<end]))
            i = end
        }
    }

    /// Text of <pre>: spacing and line breaks are the author's.
    package mutating func appendPreformatted(_ text: String) {
        if pendingSpace, count > 0, !endsWithLineBreak { bytes.append(0x20) }
        pendingSpace = false
        for byte in text.utf8 where byte != 0x0D { bytes.append(byte) }
    }

    /// A line break (<br>), never at the start and never two in a row.
    package mutating func appendLineBreak() {
        pendingSpace = false
        if count > 0, !endsWithLineBreak { bytes.append(0x0A) }
    }

    /// A word boundary between blocks flattened into one line.
    package mutating func appendSpace() {
        pendingSpace = true
    }

    /// Text placed right after what precedes it ("[3]" after a link's text);
    /// a space that was due after the link stays due.
    package mutating func appendAttached(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// The text from a `count` taken earlier to the end.
    package func text(from offset: Int) -> String {
        guard offset < count else { return "" }
        return String(decoding: bytes[offset...], as: UTF8.self)
    }

    /// The gathered text, trimmed, and an empty sink for what follows.
    package mutating func take() -> String {
        let text = TextSanitizer.trimmingWhitespace(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        takes += 1
        return text
    }

    /// HTML's ASCII whitespace (U+0020, tab, LF, FF, CR).
    private static func isCollapsibleSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D: return true
        default: return false
        }
    }
}
