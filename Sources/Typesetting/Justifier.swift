/// Stretches a line to the full width by widening its ordinary spaces,
/// spreading the extra columns from the left. No-break spaces (U+00A0,
/// U+202F) keep their width: they tie a word to its punctuation.
public enum Justifier {
    public static func justify(_ line: String, to width: Int) -> String {
        let missing = width - DisplayWidth.of(line)
        let gaps = line.filter { $0 == " " }.count
        guard missing > 0, gaps > 0 else { return line }
        // Leading spaces (an indent) are not gaps between words.
        let body = line.drop(while: { $0 == " " })
        let indent = String(line.prefix(line.count - body.count))
        let words = body.split(separator: " ", omittingEmptySubsequences: false)
        let spaces = words.count - 1
        guard spaces > 0 else { return line }
        let extra = missing / spaces
        let wider = missing % spaces
        var result = indent
        for (index, word) in words.enumerated() {
            result += word
            if index < spaces {
                result += String(repeating: " ", count: 1 + extra + (index < wider ? 1 : 0))
            }
        }
        return result
    }
}
