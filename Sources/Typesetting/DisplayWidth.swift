/// How many terminal columns text takes, counted per grapheme cluster so that
/// "é" written as e + U+0301 is one column and a wide character is two.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        // French text is nearly all one-scalar letters from ASCII and Latin
        // blocks, one column each: told from the scalar's value alone, where
        // Unicode's tables were looked up twice for every character drawn
        // (a twentieth of the reader's start).
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first, isPlainNarrow(only.value) { return 1 }
        return looked(up: scalars)
    }

    /// Printable ASCII, and the Latin-1, Latin Extended, IPA and spacing
    /// modifier letters (U+00A0…U+02FF) but the soft hyphen, which is
    /// invisible.
    @inline(__always)
    static func isPlainNarrow(_ value: UInt32) -> Bool {
        (0x20...0x7E).contains(value) || ((0xA0...0x2FF).contains(value) && value != 0xAD)
    }

    /// The width by Unicode's properties.
    static func looked(up scalars: Character.UnicodeScalarView) -> Int {
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }   // emoji presentation selector
        if scalars.count > 1, scalars.contains(where: { $0.value == 0x200D }) { return 2 } // ZWJ sequence
        if isZeroWidth(first) { return scalars.allSatisfy(isZeroWidth) ? 0 : 1 }
        if first.properties.isEmojiPresentation { return 2 }
        if isWide(first.value) { return 2 }
        return 1
    }

    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII alone: a column a byte.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return scalar.value == 0x200B
        }
    }

    /// East Asian Wide and Fullwidth blocks.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `width` columns, with "…"
    /// appended when something was cut. Never splits a grapheme cluster.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = width - of(ellipsis)
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return room >= 0 ? result + ellipsis : ""
    }

    /// Pads with spaces on the right to exactly `width` columns (after
    /// truncating when longer).
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }
}
