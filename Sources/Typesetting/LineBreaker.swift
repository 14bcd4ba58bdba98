/// Breaks a paragraph into lines no wider than a width, the French way:
/// never at a no-break space, never leaving "; : ! ? » ) …" or a closing
/// quote at the start of a line, nor "«" or an opening quote at its end.
/// A source that typed ordinary spaces there gets them treated as no-break.
/// A word that does not fit is hyphenated where the French patterns allow
/// (or at a soft hyphen, or after a hyphen it already has) before any cut.
public enum LineBreaker {
    /// Punctuation that must stay with the word before it.
    static let closing: Set<Character> = [";", ":", "!", "?", "»", ")", "]", "…", "”", "’", "›", "%"]
    /// Punctuation that must stay with the word after it.
    static let opening: Set<Character> = ["«", "(", "[", "“", "‹"]
    static let softHyphen: Character = "\u{00AD}"

    /// One line, and how it joins the next one in the text.
    public struct Line: Sendable, Equatable {
        public enum Join: Sendable, Equatable {
            /// A space was there (or it is the last line).
            case space
            /// The word went on: a hyphen was added at the end of this line.
            case addedHyphen
            /// The word went on after a hyphen or a cut; nothing was added.
            case none
        }
        public var text: String
        public var join: Join
    }

    public static func wrap(_ text: String, width: Int, hyphenator: Hyphenator? = .french,
                            justifying: Bool = false) -> [String] {
        wrapLines(text, width: width, hyphenator: hyphenator, justifying: justifying).map(\.text)
    }

    /// Ragged lines hyphenate a word only when leaving it whole would leave
    /// a fifth of the line empty; justified lines hyphenate whenever it
    /// saves stretching, since every empty column becomes wider spaces.
    public static func wrapLines(_ text: String, width: Int, hyphenator: Hyphenator? = .french,
                                 justifying: Bool = false) -> [Line] {
        let width = max(1, width)
        var state = Filler(width: width, hyphenator: hyphenator,
                           tolerableSlack: justifying ? 1 : max(3, width / 5))
        for unit in units(of: text) { state.place(unit) }
        return state.finish()
    }

    /// The text the lines stand for: spaces where the text had them, the
    /// added hyphens taken out. For tests and for copying text back.
    public static func join(_ lines: [Line]) -> String {
        var text = ""
        for line in lines {
            switch line.join {
            case .space: text += line.text + " "
            case .addedHyphen: text += String(line.text.dropLast())
            case .none: text += line.text
            }
        }
        return lines.isEmpty ? "" : String(text.dropLast(lines.last!.join == .space ? 1 : 0))
    }

    /// Splits at ordinary spaces where a break is allowed. Words joined by a
    /// non-breaking space, or a space next to French punctuation, stay one
    /// unit (the space kept as it was typed).
    static func units(of text: String) -> [String] {
        // A tab between words is a space here: its width depends on a tab
        // stop that a wrapped paragraph does not have.
        let pieces = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var units: [String] = []
        for piece in pieces {
            if let last = units.last, mustJoin(last, piece) {
                units[units.count - 1] = last + " " + piece
            } else {
                units.append(piece)
            }
        }
        return units
    }


    private static func mustJoin(_ before: String, _ after: String) -> Bool {
        if let first = after.first, closing.contains(first) { return true }
        if let last = before.last, opening.contains(last) { return true }
        // An em dash opening an incise stays with its word.
        if before == "—" || before == "–" { return true }
        return false
    }

    /// Where a unit may be broken inside: after a soft hyphen's position or
    /// a pattern point (adding a hyphen), or after a hyphen it has (adding
    /// nothing). Offsets are in characters of the unit without soft hyphens.
    static func breakOptions(_ unit: [Character], softBreaks: Set<Int>, hyphenator: Hyphenator?) -> [Int: Line.Join] {
        var options: [Int: Line.Join] = [:]
        // A link, an address or a file name is not a word: a hyphen put in
        // it would change it. It is only cut when it cannot fit at all.
        if unit.contains(where: { "/@_=\\".contains($0) }) || String(unit).contains("://")
            || unit.indices.dropLast().contains(where: { unit[$0] == "." && unit[$0 + 1].isLetter }) {
            return options
        }
        for offset in softBreaks where offset > 0 && offset < unit.count { options[offset] = .addedHyphen }
        for (index, character) in unit.enumerated() where (character == "-" || character == "\u{2010}")
            && index > 0 && index + 1 < unit.count && unit[index - 1].isLetter {
            options[index + 1] = Line.Join.none
        }
        guard let hyphenator, softBreaks.isEmpty else { return options }
        var start = 0
        while start < unit.count {
            guard unit[start].isLetter else { start += 1; continue }
            var end = start
            while end < unit.count, unit[end].isLetter || ((unit[end] == "'" || unit[end] == "’")
                                                           && end + 1 < unit.count && unit[end + 1].isLetter) {
                end += 1
            }
            for point in hyphenator.breakPoints(String(unit[start..<end])) where options[start + point] == nil {
                options[start + point] = .addedHyphen
            }
            start = end
        }
        return options
    }

    /// Greedy filling, one unit at a time.
    private struct Filler {
        let width: Int
        let hyphenator: Hyphenator?
        /// Empty columns a line may end with rather than hyphenate.
        let tolerableSlack: Int
        var lines: [Line] = []
        var line = ""
        var lineWidth = 0

        init(width: Int, hyphenator: Hyphenator?, tolerableSlack: Int) {
            self.width = width
            self.hyphenator = hyphenator
            self.tolerableSlack = tolerableSlack
        }

        mutating func place(_ raw: String) {
            // Soft hyphens mark break points and are never shown.
            var characters: [Character] = []
            var softBreaks = Set<Int>()
            for character in raw {
                if character == LineBreaker.softHyphen { softBreaks.insert(characters.count) }
                else { characters.append(character) }
            }
            guard !characters.isEmpty else { return }
            var unit = characters
            var options: [Int: Line.Join]? = nil
            while true {
                let unitWidth = DisplayWidth.of(String(unit))
                let room = lineWidth == 0 ? width : width - lineWidth - 1
                if unitWidth <= room {
                    append(String(unit))
                    return
                }
                if lineWidth > 0, room <= tolerableSlack, unitWidth <= width {
                    endLine(.space)        // the word fits whole on the next line; this one is full enough
                    continue
                }
                if options == nil {
                    options = LineBreaker.breakOptions(unit, softBreaks: softBreaks, hyphenator: hyphenator)
                }
                if let (offset, join) = bestBreak(unit, options: options!, room: room) {
                    let head = String(unit[..<offset]) + (join == .addedHyphen ? "-" : "")
                    append(head)
                    endLine(join)
                    unit = Array(unit[offset...])
                    // Break options shift with the rest of the unit.
                    options = Dictionary(uniqueKeysWithValues: options!.compactMap { key, value in
                        key > offset ? (key - offset, value) : nil
                    })
                    continue
                }
                if lineWidth > 0 {
                    endLine(.space)
                    continue
                }
                // Nothing allowed fits on an empty line: cut by grapheme, but
                // never so that the next line starts with a no-break space or
                // closing punctuation (move the cut back a letter instead).
                var taken = 0, used = 0
                while taken < unit.count, used + DisplayWidth.of(unit[taken]) <= width {
                    used += DisplayWidth.of(unit[taken])
                    taken += 1
                }
                while taken > 1, taken < unit.count, Self.mustNotStartLine(unit[taken]) || Self.isNoBreak(unit[taken - 1]) {
                    taken -= 1
                }
                taken = max(1, taken)
                append(String(unit[..<taken]))
                endLine(.none)
                unit = Array(unit[taken...])
                options = Dictionary(uniqueKeysWithValues: options!.compactMap { key, value in
                    key > taken ? (key - taken, value) : nil
                })
            }
        }

        static func isNoBreak(_ c: Character) -> Bool { c == "\u{A0}" || c == "\u{202F}" || c == " " }

        static func mustNotStartLine(_ c: Character) -> Bool {
            isNoBreak(c) || LineBreaker.closing.contains(c)
        }

        /// The latest break whose head (with its hyphen) fits in the room.
        private func bestBreak(_ unit: [Character], options: [Int: Line.Join], room: Int) -> (Int, Line.Join)? {
            var best: (Int, Line.Join)?
            for (offset, join) in options {
                let head = DisplayWidth.of(String(unit[..<offset])) + (join == .addedHyphen ? 1 : 0)
                if head <= room, offset > (best?.0 ?? 0) { best = (offset, join) }
            }
            return best
        }

        private mutating func append(_ text: String) {
            if lineWidth == 0 {
                line = text
                lineWidth = DisplayWidth.of(text)
            } else {
                line += " " + text
                lineWidth += 1 + DisplayWidth.of(text)
            }
        }

        private mutating func endLine(_ join: Line.Join) {
            lines.append(Line(text: line, join: join))
            line = ""
            lineWidth = 0
        }

        mutating func finish() -> [Line] {
            if !line.isEmpty || lines.isEmpty { lines.append(Line(text: line, join: .space)) }
            return lines
        }
    }
}
