import Foundation

/// Cleans text that comes from outside (feeds, pages, files) before it enters
/// the model or reaches a terminal.
///
/// A terminal interprets C0 and C1 control characters and escape sequences:
/// a hostile title could retitle the window (OSC 0/2), write the clipboard
/// (OSC 52) or clear the screen. Bidi overrides can make a line read
/// differently from what it contains. All of these are removed; the text is
/// returned in NFC so that "é" typed and "é" stored compare equal.
public enum TextSanitizer {
    /// Cleans a multi-line text: keeps line feeds and tabs, removes the rest.
    public static func clean(_ text: String) -> String {
        if isAlreadyClean(text, keepLayout: true) { return text }
        return fullClean(text)
    }

    /// `clean` without its fast path (the tests compare the two).
    static func fullClean(_ text: String) -> String {
        filter(text, keepLayout: true).precomposedStringWithCanonicalMapping
    }

    /// Cleans a one-line field (title, source, author): line breaks and tabs
    /// become spaces, runs of ordinary spaces fold into one, ends are trimmed.
    /// No-break spaces are kept: French typography depends on them.
    public static func cleanLine(_ text: String) -> String {
        if isAlreadyClean(text, keepLayout: false) { return isTidyLine(text) ? text : tidiedLine(text) }
        return fullCleanLine(text)
    }

    /// `cleanLine` without its fast path.
    static func fullCleanLine(_ text: String) -> String {
        let filtered = filter(text, keepLayout: false)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in filtered.unicodeScalars {
            if scalar == " " {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        // Trailing no-break spaces are layout debris, not typography.
        var result = String(out)
        while let last = result.unicodeScalars.last, isNoBreakSpace(last) {
            result.unicodeScalars.removeLast()
        }
        return result.precomposedStringWithCanonicalMapping
    }

    /// For drawing one row: removes what `cleanLine` removes but keeps the
    /// spacing as it is (layout decides it); line breaks become spaces.
    public static func forDisplay(_ text: String) -> String {
        filter(text, keepLayout: false)
    }

    /// True when the scalar would be removed by `clean`.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isBidiControl(scalar)
    }

    /// True when `clean` would return the text exactly as it is, scalar for
    /// scalar: at once for most text (the fast path), else by cleaning it.
    public static func needsNoCleaning(_ text: String) -> Bool {
        isAlreadyClean(text, keepLayout: true) || fullClean(text).unicodeScalars.elementsEqual(text.unicodeScalars)
    }

    /// The fast path, which almost all text takes: true when `clean` (or,
    /// with `keepLayout` false, the filtering of `cleanLine`) would return
    /// the text unchanged. Looks at the UTF-8 bytes once: no control
    /// character, escape or bidi control, and only scalars that are in NFC
    /// whatever surrounds them (below U+0300, where combining marks start,
    /// the typographic spaces, and the punctuation and currency blocks);
    /// anything else takes the full path.
    static func isAlreadyClean(_ text: String, keepLayout: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                // Plain ASCII characters eight at a time (no byte with its
                // high bit, none below U+0020, no DEL), straight to the next
                // byte to look at: an accent, every twenty bytes or so in French.
                i = EightBytes.skipUnmarked(in: bytes, from: i, to: n) { word in
                    EightBytes.high(word) | EightBytes.below(word, 0x20) | EightBytes.equal(word, 0x7F)
                }
                guard i < n else { break }
                let b = bytes[i]
                if b < 0x80 {
                    if b < 0x20 {
                        guard keepLayout, b == 0x0A || b == 0x09 else { return false }
                    } else if b == 0x7F {
                        return false
                    }
                    i += 1
                    continue
                }
                let scalar: UInt32
                if b < 0xE0 {                                   // two bytes: U+0080…U+07FF
                    guard i + 1 < n else { return false }
                    scalar = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b < 0xF0 {                            // three bytes
                    guard i + 2 < n else { return false }
                    scalar = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    return false                                // emoji and beyond: the full path
                }
                switch scalar {
                case 0xA0..<0x300: continue                     // Latin letters; C1 controls are below
                // Punctuation and currency, but not U+2028/29 (line and
                // paragraph separators) nor 202A-E (bidi); the spaces of
                // French typography (thin U+2009, narrow no-break U+202F),
                // but not U+2000/01, which NFC turns into U+2002/03.
                case 0x2002...0x200A, 0x2010...0x2027, 0x202F, 0x2030...0x205E, 0x20A0...0x20C0: continue
                default: return false
                }
            }
            return true
        }
    }

    /// `cleanLine`'s spacing rules on a text with nothing else to clean,
    /// done on its bytes: runs of spaces fold into one, none at the start
    /// or the end, then trailing no-break spaces go.
    private static func tidiedLine(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(byte)
        }
        while true {   // U+00A0 is C2 A0; U+202F and U+2007 are E2 80 AF and E2 80 87
            if out.count >= 2, out[out.count - 2] == 0xC2, out[out.count - 1] == 0xA0 {
                out.removeLast(2)
            } else if out.count >= 3, out[out.count - 3] == 0xE2, out[out.count - 2] == 0x80,
                      out[out.count - 1] == 0xAF || out[out.count - 1] == 0x87 {
                out.removeLast(3)
            } else {
                break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What `cleanLine` does to spaces leaves nothing to do: no space at
    /// either end, no two in a row, no trailing no-break space.
    ///
    /// Looks at the bytes where they lie: iterating the string's UTF-8
    /// view took ten instructions a byte, over every title and author.
    private static func isTidyLine(_ text: String) -> Bool {
        var text = text
        let spacedWell = text.withUTF8 { bytes in
            var previousSpace = true   // a leading space is not tidy
            for byte in bytes {
                let space = byte == 0x20
                if space && previousSpace { return false }
                previousSpace = space
            }
            return !previousSpace || bytes.isEmpty
        }
        guard spacedWell else { return false }
        if let last = text.unicodeScalars.last, isNoBreakSpace(last) { return false }
        return true
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without the trip
    /// through NSString: only the ends are looked at.
    public static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if !isWhitespaceOrNewline(first) && !isWhitespaceOrNewline(last) { return text }
        guard let start = scalars.firstIndex(where: { !isWhitespaceOrNewline($0) }),
              let end = scalars.lastIndex(where: { !isWhitespaceOrNewline($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// Foundation's `whitespacesAndNewlines`: the separators (Zs, Zl, Zp),
    /// tab, the line breaks U+000A…U+000D and U+0085, and U+200B (as a test
    /// checks against Foundation itself).
    static func isWhitespaceOrNewline(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func isNoBreakSpace(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x00A0 || s.value == 0x202F || s.value == 0x2007
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F)
    }

    /// Bidi embeddings, overrides and isolates, plus the BOM and the
    /// interlinear annotation controls, none of which should reach a screen.
    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }

    private enum EscapeState { case text, escape, csi, string, stringEscape }

    /// Walks the scalars once, dropping escape sequences whole (ESC [ … final,
    /// ESC ] … BEL/ST, ESC P … ST, and their 8-bit C1 forms) and lone controls.
    ///
    /// An 8-bit string introducer (U+009D, U+0090…) is also what a stray
    /// Windows-1252 byte becomes: when no terminator follows on the same
    /// line, it was no sequence, and only the control itself is dropped.
    private static func filter(_ text: String, keepLayout: Bool) -> String {
        var out = String.UnicodeScalarView()
        var state = EscapeState.text
        var pending: String.UnicodeScalarView?   // a C1 string's text, until its terminator

        func appendText(_ s: Unicode.Scalar) {
            let v = s.value
            if v == 0x0A || v == 0x09 {
                out.append(keepLayout ? s : " ")
            } else if v == 0x0D {
                if !keepLayout { out.append(" ") }
            } else if v == 0x85 || v == 0x2028 || v == 0x2029 {
                out.append(keepLayout ? "\n" : " ")  // NEL and the Unicode separators break lines
            } else if !isUnsafe(s) {
                out.append(s)
            }
        }
        func abandonPending() {
            if let held = pending { for s in held { appendText(s) } }
            pending = nil
            state = .text
        }

        for s in text.unicodeScalars {
            let v = s.value
            switch state {
            case .text:
                if v == 0x1B { state = .escape; continue }
                if v == 0x9B { state = .csi; continue }
                if v == 0x9D || v == 0x90 || v == 0x9E || v == 0x9F || v == 0x98 {
                    state = .string
                    pending = String.UnicodeScalarView()
                    continue
                }
                appendText(s)
            case .escape:
                switch v {
                case 0x5B: state = .csi                       // ESC [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string // OSC, DCS, SOS, PM, APC
                case 0x20...0x2F: state = .escape             // intermediate bytes
                default: state = .text                         // two-byte sequence ends here
                }
            case .csi:
                // Parameters and intermediates run until a final byte @…~.
                if v >= 0x40 && v <= 0x7E { state = .text }
                else if v < 0x20 || v > 0x7E { state = .text; appendText(s) }
            case .string:
                if v == 0x07 || v == 0x9C { state = .text; pending = nil }
                else if v == 0x1B { state = .stringEscape }
                else if pending != nil {
                    if v == 0x0A || v == 0x0D || pending!.count >= 512 {
                        abandonPending()
                        appendText(s)
                    } else {
                        pending!.append(s)
                    }
                }
            case .stringEscape:
                if v == 0x5C { state = .text; pending = nil } else { state = .string }
            }
        }
        if pending != nil { abandonPending() }
        return String(out)
    }
}
