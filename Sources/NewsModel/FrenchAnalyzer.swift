import Foundation

/// Turns French text into search terms: lowercase, accents dropped, elided
/// articles and pronouns removed ("l'État" → "etat", "jusqu’à" → "a"), and
/// each word cut to a light stem so that singular and plural, masculine and
/// feminine meet ("élections" and "élection" → "election").
///
/// The stemmer is deliberately light: it removes inflections, not
/// derivations, so "électeur" and "élection" stay apart.
public enum FrenchAnalyzer {
    /// Elided words that stand before an apostrophe.
    static let elisions: Set<String> = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
                                        "puisqu", "quoiqu", "presqu", "quelqu"]

    /// Search terms of a text, in order.
    public static func terms(_ text: String) -> [String] {
        words(text).map { stem($0) }
    }

    /// Lowercased, accent-free words with elisions removed, in order.
    public static func words(_ text: String) -> [String] {
        // Folding once for the whole text is many times faster than per word.
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "'")
            .replacingOccurrences(of: "œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae")
        var result: [String] = []
        for raw in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }) {
            for part in split(elided: String(raw)) where !part.isEmpty {
                result.append(part)
            }
        }
        return result
    }

    /// "l'etat" → ["etat"], "aujourd'hui" → ["aujourd'hui"] (not an elision).
    private static func split(elided word: String) -> [String] {
        let pieces = word.split(separator: "'", omittingEmptySubsequences: true).map(String.init)
        guard pieces.count > 1 else { return pieces }
        if pieces.count == 2, elisions.contains(pieces[0]) { return [pieces[1]] }
        if word == "aujourd'hui" || word.hasPrefix("aujourd'hui") { return ["aujourdhui"] }
        return pieces.filter { !elisions.contains($0) }
    }

    /// Light French stemming on a folded word.
    public static func stem(_ word: String) -> String {
        var w = word
        guard w.count > 3, w.allSatisfy({ $0.isLetter }) else { return w }
        if w.hasSuffix("eaux") { w.removeLast() }                         // bureaux → bureau
        else if w.hasSuffix("aux"), w.count > 4 { w = String(w.dropLast(3)) + "al" }  // journaux → journal
        else if w.hasSuffix("s") || w.hasSuffix("x") { w.removeLast() }   // élections → élection
        if w.count > 3, w.hasSuffix("e") { w.removeLast() }               // élue → élu, école → écol
        if w.count > 4, w.hasSuffix("if") { w = String(w.dropLast()) + "v" }   // actif → activ (active)
        if w.count > 4, let last = w.last, last != "s",
           w.dropLast().last == last, "lnt".contains(last) { w.removeLast() }   // parisienn → parisien
        if w.count > 4, w.hasSuffix("e") { w.removeLast() }               // journée: "journee" → "journ", as "journé"
        return w
    }
}
