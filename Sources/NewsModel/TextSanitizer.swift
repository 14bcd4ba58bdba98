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
        filter(text, keepLayout: true).precomposedStringWithCanonicalMapping
    }

    /// Cleans a one-line field (title, source, author): line breaks and tabs
    /// become spaces, runs of ordinary spaces fold into one, ends are trimmed.
    /// No-break spaces are kept: French typography depends on them.
    public static func cleanLine(_ text: String) -> String {
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
