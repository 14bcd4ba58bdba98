/// Breaks a paragraph into lines no wider than a width, the French way:
/// never at a no-break space, never leaving "; : ! ? » ) …" or a closing
/// quote at the start of a line, nor "«" or an opening quote at its end.
/// A source that typed ordinary spaces there gets them treated as no-break.
public enum LineBreaker {
    /// Punctuation that must stay with the word before it.
    static let closing: Set<Character> = [";", ":", "!", "?", "»", ")", "]", "…", "”", "’", "›", "%"]
    /// Punctuation that must stay with the word after it.
    static let opening: Set<Character> = ["«", "(", "[", "“", "‹"]

    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in words(of: text) {
            let wordWidth = DisplayWidth.of(word)
            if lineWidth == 0 {
                appendBreakingLongWord(word, wordWidth, width: width, lines: &lines, line: &line, lineWidth: &lineWidth)
            } else if lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
            } else {
                lines.append(line)
                line = ""
                lineWidth = 0
                appendBreakingLongWord(word, wordWidth, width: width, lines: &lines, line: &line, lineWidth: &lineWidth)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// A word wider than the line is cut by grapheme cluster, as the last
    /// resort; hyphenation comes before this in the French typesetter.
    private static func appendBreakingLongWord(_ word: String, _ wordWidth: Int, width: Int,
                                               lines: inout [String], line: inout String, lineWidth: inout Int) {
        if wordWidth <= width {
            line = word
            lineWidth = wordWidth
            return
        }
        for character in word {
            let w = DisplayWidth.of(character)
            if lineWidth + w > width && lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            line.append(character)
            lineWidth += w
        }
    }

    /// Splits at ordinary spaces where a break is allowed. Words joined by a
    /// non-breaking space, or a space next to French punctuation, stay one
    /// unit (the space kept as it was typed).
    static func words(of text: String) -> [String] {
        let pieces = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var words: [String] = []
        for piece in pieces {
            if let last = words.last, mustJoin(last, piece) {
                words[words.count - 1] = last + " " + piece
            } else {
                words.append(piece)
            }
        }
        return words
    }

    private static func mustJoin(_ before: String, _ after: String) -> Bool {
        if let first = after.first, closing.contains(first) { return true }
        if let last = before.last, opening.contains(last) { return true }
        // An em dash opening an incise stays with its word.
        if before == "—" || before == "–" { return true }
        return false
    }
}
