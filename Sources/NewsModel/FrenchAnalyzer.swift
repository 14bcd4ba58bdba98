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
        var result: [String] = []
        forEachTerm(text, stemmed: true) { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    /// The terms of a text joined by spaces, as the search index stores
    /// them: the same as `terms(text).joined(separator: " ")`, without a
    /// string per word.
    public static func joinedTerms(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        forEachTerm(text, stemmed: true) { term in
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: term)
        }
        return String(decoding: out, as: UTF8.self)
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
        forEachTerm(text, stemmed: false) { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    /// Walks the text's UTF-8 once, folding each scalar into the current
    /// word; each finished word is split at its elisions, stemmed when asked,
    /// and handed to `body` as bytes (valid only during the call).
    private static func forEachTerm(_ text: String, stemmed: Bool, _ body: (ArraySlice<UInt8>) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(64)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        func flush() {
            guard !current.isEmpty else { return }
            forEachPiece(ofElided: current) { piece in
                if stemmed {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: piece)
                    stem(&scratch)
                    body(scratch[...])
                } else {
                    body(piece)
                }
            }
            current.removeAll(keepingCapacity: true)
        }
        func fold(_ value: UInt32) {
            if value < 0x250 {
                if let folded = latinFolding[Int(value)] { current.append(contentsOf: folded) } else { flush() }
            } else if value == 0x2019 || value == 0x2BC {
                current.append(0x27)                                  // ’ and ʼ are apostrophes
            } else if let scalar = Unicode.Scalar(value) {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    return                                            // accents left over from NFD
                default:
                    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                        current.append(contentsOf: Array(scalar.properties.lowercaseMapping.utf8))
                    } else {
                        flush()
                    }
                }
            }
        }
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if let folded = asciiFolding[Int(b)] {
                        if folded != 0 { current.append(folded) }
                    } else {
                        flush()
                    }
                    i += 1
                    continue
                }
                // Strings hold valid UTF-8: the lead byte gives the length.
                let value: UInt32
                if b < 0xE0 {
                    value = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b < 0xF0 {
                    value = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    value = UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                fold(value)
            }
        }
        flush()
    }

    /// ASCII's row of `latinFolding`, as single bytes: nil separates words,
    /// 0 is dropped (no ASCII scalar is), else the folded byte.
    private static let asciiFolding: [UInt8?] = (0..<0x80).map { value in
        guard let folded = latinFolding[value] else { return nil }
        return folded.count == 1 ? folded[0] : 0
    }

    private static let elisionBytes: Set<[UInt8]> = Set(elisions.map { Array($0.utf8) })

    private static func isElision(_ piece: ArraySlice<UInt8>) -> Bool {
        piece.count <= 7 && elisionBytes.contains(Array(piece))
    }

    /// "l'etat" → ["etat"], "aujourd'hui" → ["aujourdhui"] (not an elision).
    private static func forEachPiece(ofElided word: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
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

    private static func stem(_ w: inout [UInt8]) {
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
