import Foundation

/// Turns French text into search terms: lowercase, accents dropped, elided
/// articles and pronouns removed ("l'État" → "etat", "jusqu’à" → "a"), and
/// each word cut to a light stem so that singular and plural, masculine and
/// feminine meet ("élections" and "élection" → "election").
///
/// The stemmer is deliberately light: it removes inflections, not
/// derivations, so "électeur" and "élection" stay apart. It runs on every
/// imported article, so it works on bytes, not on Foundation strings.
public enum FrenchAnalyzer {
    /// Elided words that stand before an apostrophe.
    static let elisions: Set<String> = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
                                        "puisqu", "quoiqu", "presqu", "quelqu"]

    /// Search terms of a text, in order.
    public static func terms(_ text: String) -> [String] {
        words(text).map { stem($0) }
    }

    /// How each scalar below U+0250 folds: nil separates words, "" is
    /// dropped, anything else is the lowercase, accent-free spelling.
    private static let latinFolding: [[UInt8]?] = (0..<0x250).map { value in
        let scalar = Unicode.Scalar(UInt32(value))!
        if value == 0x27 { return Array("'".utf8) }
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
        switch value {
        case 0x153, 0x152: return Array("oe".utf8)
        case 0xE6, 0xC6: return Array("ae".utf8)
        case 0xDF: return Array("ss".utf8)
        default: break
        }
        let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                                            locale: nil)
        return Array(folded.utf8)
    }

    /// Lowercased, accent-free words with elisions removed, in order.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            guard !current.isEmpty else { return }
            for part in split(elided: current) { result.append(part) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x250 {
                if let folded = latinFolding[Int(value)] { current.append(contentsOf: folded) } else { flush() }
            } else if value == 0x2019 || value == 0x2BC {
                current.append(0x27)                                  // ’ and ʼ are apostrophes
            } else {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    continue                                          // accents left over from NFD
                default:
                    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                        current.append(contentsOf: Array(scalar.properties.lowercaseMapping.utf8))
                    } else {
                        flush()
                    }
                }
            }
        }
        flush()
        return result
    }

    /// "l'etat" → ["etat"], "aujourd'hui" → ["aujourdhui"] (not an elision).
    private static func split(elided word: [UInt8]) -> [String] {
        let pieces = word.split(separator: 0x27, omittingEmptySubsequences: true)
        guard pieces.count > 1 else { return pieces.map { String(decoding: $0, as: UTF8.self) } }
        let strings = pieces.map { String(decoding: $0, as: UTF8.self) }
        if strings.count >= 2, strings[0] == "aujourd", strings[1].hasPrefix("hui") {
            return ["aujourd" + strings[1]] + strings.dropFirst(2).filter { !elisions.contains($0) }
        }
        if strings.count == 2, elisions.contains(strings[0]) { return [strings[1]] }
        return strings.filter { !elisions.contains($0) }
    }

    /// Light French stemming on a folded word (ASCII letters; anything else
    /// is left as it is).
    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 3, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            return w.count >= s.count && Array(w.suffix(s.count)) == s
        }
        if ends("eaux") { w.removeLast() }                                  // bureaux → bureau
        else if ends("aux"), w.count > 4 { w.removeLast(3); w += Array("al".utf8) }   // journaux → journal
        else if ends("s") || ends("x") { w.removeLast() }                   // élections → élection
        if w.count > 3, ends("e") { w.removeLast() }                        // élue → élu, école → écol
        if w.count > 4, ends("if") { w.removeLast(); w.append(0x76) }       // actif → activ (active)
        if w.count > 4, let last = w.last, w[w.count - 2] == last,
           last == 0x6C || last == 0x6E || last == 0x74 { w.removeLast() }  // parisienn → parisien
        if w.count > 4, ends("e") { w.removeLast() }                        // journée: "journee" → "journ", as "journé"
        return String(decoding: w, as: UTF8.self)
    }
}
