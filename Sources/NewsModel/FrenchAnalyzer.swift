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
        var scanner = FrenchTermScanner(stemmed: true, joined: false)
        scanner.scan(text)
        return scanner.terms
    }

    /// The terms of a text joined by spaces, as the search index stores
    /// them: the same as `terms(text).joined(separator: " ")`, without a
    /// string per word.
    public static func joinedTerms(_ text: String) -> String {
        var scanner = FrenchTermScanner(stemmed: true, joined: true)
        scanner.scan(text)
        return String(decoding: scanner.joined, as: UTF8.self)
    }

    /// How each scalar below U+0250 folds: nil separates words, "" is
    /// dropped, anything else is the lowercase, accent-free spelling.
    static let latinFolding: [[UInt8]?] = (0..<0x250).map { value in
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
        var scanner = FrenchTermScanner(stemmed: false, joined: false)
        scanner.scan(text)
        return scanner.terms
    }

    /// `latinFolding` flattened for the scanner: for each scalar below
    /// U+0250, where its folded bytes start in `foldedBytes` and how many
    /// there are, -1 for a word separator.
    static let foldedStart: [UInt16] = {
        var start: [UInt16] = []
        var offset = 0
        for folded in latinFolding {
            start.append(UInt16(offset))
            offset += folded?.count ?? 0
        }
        return start
    }()
    static let foldedLength: [Int8] = latinFolding.map { $0.map { Int8($0.count) } ?? -1 }
    static let foldedBytes: [UInt8] = latinFolding.flatMap { $0 ?? [] }

    static let elisionBytes: Set<[UInt8]> = Set(elisions.map { Array($0.utf8) })

    static func isElision(_ piece: ArraySlice<UInt8>) -> Bool {
        piece.count <= 7 && elisionBytes.contains(Array(piece))
    }

    /// "l'etat" → ["etat"], "aujourd'hui" → ["aujourdhui"] (not an elision).
    static func forEachPiece(ofElided word: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
        guard word.contains(0x27) else {
            body(word[...])
            return
        }
        let pieces = word.split(separator: 0x27, omittingEmptySubsequences: true)
        guard pieces.count > 1 else {
            pieces.forEach(body)
            return
        }
        if pieces[0].elementsEqual("aujourd".utf8), pieces[1].starts(with: "hui".utf8) {
            body(ArraySlice(Array("aujourd".utf8) + pieces[1]))
            for piece in pieces.dropFirst(2) where !isElision(piece) { body(piece) }
            return
        }
        if pieces.count == 2, isElision(pieces[0]) {
            body(pieces[1])
            return
        }
        for piece in pieces where !isElision(piece) { body(piece) }
    }

    /// Light French stemming on a folded word (ASCII letters; anything else
    /// is left as it is).
    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        stem(&w)
        return String(decoding: w, as: UTF8.self)
    }

    static func stem(_ w: inout [UInt8]) {
        guard w.count > 3, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard w.count >= count else { return false }
            return suffix.withUTF8Buffer { s in
                var k = 0
                while k < count {
                    if w[w.count - count + k] != s[k] { return false }
                    k += 1
                }
                return true
            }
        }
        if ends("eaux") { w.removeLast() }                                  // bureaux → bureau
        else if ends("aux"), w.count > 4 { w.removeLast(2); w[w.count - 1] = 0x61; w.append(0x6C) }   // journaux → journal
        else if ends("s") || ends("x") { w.removeLast() }                   // élections → élection
        if w.count > 3, ends("e") { w.removeLast() }                        // élue → élu, école → écol
        if w.count > 4, ends("if") { w.removeLast(); w.append(0x76) }       // actif → activ (active)
        if w.count > 4, let last = w.last, w[w.count - 2] == last,
           last == 0x6C || last == 0x6E || last == 0x74 { w.removeLast() }  // parisienn → parisien
        if w.count > 4, ends("e") { w.removeLast() }                        // journée: "journee" → "journ", as "journé"
    }
}
