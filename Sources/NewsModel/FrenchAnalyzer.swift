import Foundation

/// Turns French text into search terms: lowercase, accents dropped, elided
/// articles and pronouns removed ("l'État" → "etat", "jusqu’à" → "a"), and
/// each word cut to a light stem so that singular and plural, masculine and
/// feminine meet ("élections" and "élection" → "election"). The commonest
/// words ("la", "des", "qui"…, see `FrenchStopWords`) give no term.
///
/// The stemmer is deliberately light: it removes inflections, not
/// derivations, so "électeur" and "élection" stay apart. It runs on every
/// imported article, so it works on bytes, not on Foundation strings.
public enum FrenchAnalyzer {
    /// Goes up by one whenever a change gives any text other terms: the
    /// store then rebuilds its search index, whose terms must be those a
    /// query is cut into.
    public static let version = 3

    /// Search terms of a text, in order.
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        FrenchTermScanner.scan(text, asTerms: true) { terms.append(String(decoding: $0, as: UTF8.self)) }
        return terms
    }

    /// The terms of a text joined by spaces, as the search index stores
    /// them, in UTF-8 for the store to bind as they are: the same as
    /// `terms(text).joined(separator: " ")`, without a string per word.
    public static func joinedTermsUTF8(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { joinedTermsUTF8(utf8: $0) }
    }

    /// `joinedTermsUTF8` of text given as UTF-8 bytes, which need not make a
    /// string first (a byte that cannot start a character separates words).
    public static func joinedTermsUTF8(utf8 text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Terms take at most one and a half times the bytes of the text they
        // come from (İ → i̇): this room is always enough, and the slower way
        // is only a safeguard.
        joinedTermsUTF8(utf8: text, room: text.count * 2 + 16)
    }

    /// The terms of a text joined as `joinedTermsUTF8` joins them, and a
    /// token for each term, in order: the same number wherever the same
    /// remembered word gives that term (see `FrenchTermCache`), so that the
    /// search index finds the term by it instead of by its bytes; 0 for a
    /// term without one. Never the same token for two different terms; the
    /// same term may have several. `tokens` is empty for a text the cache
    /// passed over, none of whose terms has one.
    public static func joinedTermsAndTokens(utf8 text: UnsafeBufferPointer<UInt8>) -> (terms: [UInt8], tokens: [UInt32]) {
        joinedTermsAndTokens(utf8: text, room: text.count * 2 + 16)
    }

    /// Tokens are below this: a table indexed by them has this many entries.
    public static let termTokenLimit = FrenchTermCache.tokenLimit

    /// `joinedTermsUTF8` with `room` bytes for the terms (see `joined`):
    /// joined by the taker that writes no token, as nothing asks for them.
    static func joinedTermsUTF8(utf8 text: UnsafeBufferPointer<UInt8>, room: Int) -> [UInt8] {
        FrenchTermCache.withCache { joined(text, room: room, cache: $0, keeping: DroppingTokens.self).terms }
    }

    static func joinedTermsAndTokens(utf8 text: UnsafeBufferPointer<UInt8>, room: Int) -> (terms: [UInt8], tokens: [UInt32]) {
        FrenchTermCache.withCache { joinedTermsAndTokens(utf8: text, room: room, cache: $0) }
    }

    /// `joinedTermsAndTokens` with the words `cache` remembers.
    static func joinedTermsAndTokens(utf8 text: UnsafeBufferPointer<UInt8>, room: Int, cache: FrenchTermCache)
    -> (terms: [UInt8], tokens: [UInt32]) {
        // A text the cache passes over has no token: joined by a taker that
        // writes none (looking, at each term, whether to write them cost
        // that scan a tenth more instructions).
        cache.isBypassed ? joined(text, room: room, cache: cache, keeping: DroppingTokens.self)
                         : joined(text, room: room, cache: cache, keeping: KeepingTokens.self)
    }

    /// Written into the array's own memory, through a pointer: appending
    /// checked the array's uniqueness and room for each of the fifteen
    /// million terms of a large import. Terms that would not fit in `room`
    /// are joined again in memory that grows. Words seen before are found
    /// in the cache rather than worked out again.
    private static func joined<Keeping: TokenKeeping>(_ text: UnsafeBufferPointer<UInt8>, room: Int,
                                                      cache: FrenchTermCache, keeping: Keeping.Type)
    -> (terms: [UInt8], tokens: [UInt32]) {
        var fits = true
        var tokens: [UInt32] = []
        let joined = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
            // A term takes a byte and a space at least (the last no space).
            let tokenRoom = Keeping.keeps ? room / 2 + 1 : 0
            var terms = JoinedTerms<Keeping>(out: buffer.baseAddress!, room: room,
                                             tokens: cache.tokenScratch(atLeast: tokenRoom), tokenRoom: tokenRoom)
            cache.scan(text, into: &terms)
            fits = terms.fits
            count = terms.fits ? terms.count : 0
            // Copied out at their size: the scratch has room for a term in
            // every other byte, five times what news needs.
            if fits && Keeping.keeps {
                tokens = Array(UnsafeBufferPointer(start: terms.tokens, count: terms.tokenCount))
            }
        }
        return fits ? (joined, tokens) : (joinedTermsGrowing(utf8: text), [])
    }

    /// Whether a `JoinedTerms` writes the terms' tokens.
    private protocol TokenKeeping {
        static var keeps: Bool { get }
    }

    private enum KeepingTokens: TokenKeeping {
        static var keeps: Bool { true }
    }

    private enum DroppingTokens: TokenKeeping {
        static var keeps: Bool { false }
    }

    /// Terms joined by spaces in `room` bytes at `out`, their tokens in
    /// `tokenRoom` at `tokens` when `Keeping` keeps them; `fits` turns
    /// false for good once a term would not fit. The tokens fit whenever
    /// the terms do (a piece is never empty, so each term takes a byte and
    /// a space at least, the last no space, and `tokenRoom` is half of
    /// `room` and one more); they are checked all the same, as memory
    /// written through a pointer.
    private struct JoinedTerms<Keeping: TokenKeeping>: TermPieces {
        let out: UnsafeMutablePointer<UInt8>
        let room: Int
        var count = 0
        let tokens: UnsafeMutablePointer<UInt32>
        let tokenRoom: Int
        var tokenCount = 0
        var fits = true

        init(out: UnsafeMutablePointer<UInt8>, room: Int, tokens: UnsafeMutablePointer<UInt32>, tokenRoom: Int) {
            self.out = out
            self.room = room
            self.tokens = tokens
            self.tokenRoom = tokenRoom
        }

        @inline(__always)
        mutating func take(_ piece: UnsafeBufferPointer<UInt8>, terms: Int, token: UInt32) {
            guard fits, count &+ piece.count &+ 1 <= room, !Keeping.keeps || tokenCount &+ terms <= tokenRoom else {
                fits = false
                return
            }
            if count > 0 {
                out[count] = 0x20
                count &+= 1
            }
            let to = UnsafeMutableRawPointer(out + count)
            let from = UnsafeRawPointer(piece.baseAddress!)
            let chunk = FrenchTermScanner.readablePast
            if piece.count <= chunk && count &+ chunk <= room {
                // Most terms, sixteen bytes at once (past them, bytes
                // the next term overwrites): a call to memmove for
                // each of eighteen million terms cost more.
                to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8,
                              as: UInt64.self)
            } else {
                to.copyMemory(from: from, byteCount: piece.count)
            }
            // Counts are bounded by the rooms checked above: no overflow
            // check, and the one token stored without asking (0 before the
            // zeros of a piece of several terms).
            count &+= piece.count
            guard Keeping.keeps else { return }
            tokens[tokenCount] = token
            if terms > 1 { (tokens + (tokenCount &+ 1)).initialize(repeating: 0, count: terms &- 1) }
            tokenCount &+= terms
        }
    }

    /// `joinedTermsUTF8` in memory that grows as needed.
    private static func joinedTermsGrowing(utf8 text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var capacity = text.count * 2 + 16
        var joined = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { joined.deallocate() }
        var count = 0
        FrenchTermScanner.scan(text, asTerms: true) { term in
            let needed = count + term.count + 1
            if needed > capacity {
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: needed * 2)
                larger.update(from: joined, count: count)
                joined.deallocate()
                joined = larger
                capacity = needed * 2
            }
            if count > 0 {
                joined[count] = 0x20
                count += 1
            }
            (joined + count).update(from: term.baseAddress!, count: term.count)
            count += term.count
        }
        return Array(UnsafeBufferPointer(start: joined, count: count))
    }

    /// Where the table of foldings ends: Latin, Greek, Cyrillic and the
    /// other alphabets up to Greek Extended, with Vietnamese's letters
    /// (Latin Extended Additional) among them, and General Punctuation,
    /// which French typography writes in every article (’ … – and the
    /// narrow spaces before ; : ! ?): past the table, each character's
    /// Unicode properties are looked up.
    static let tableEnd = 0x2070

    /// How each scalar below `tableEnd` folds: nil separates words, "" is
    /// dropped (accents written apart, as NFD writes them), anything else is
    /// the lowercase spelling without accents ("Hà Nội" → "ha noi", "Αθήνα"
    /// → "αθηνα"). The search index only splits words at ASCII spaces and
    /// punctuation, so every folding it needs is done here.
    ///
    /// Read from `foldingTableText`, which `computedFolding` wrote out (see
    /// scripts/generate-folding-table): working it out with Foundation took
    /// 6 ms at the start of every search command, and at the list filter's
    /// first key, for a third of a millisecond read this way.
    static let tableFolding: [[UInt8]?] = {
        let table = FrenchFoldingTable.decoded(foldingTableText)
        precondition(table.count == tableEnd, "the folding table has one entry per scalar below tableEnd")
        return table
    }()

    /// How the scalar `value` (below `tableEnd`) folds, worked out from its
    /// Unicode properties and Foundation's folding.
    static func computedFolding(_ value: Int) -> [UInt8]? {
        let scalar = Unicode.Scalar(UInt32(value))!
        if value == 0x27 || value == 0x2019 { return Array("'".utf8) }   // ’ is an apostrophe too
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return []
        default: break
        }
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
        switch value {
        case 0x153, 0x152: return Array("oe".utf8)
        case 0xE6, 0xC6: return Array("ae".utf8)
        case 0xDF: return Array("ss".utf8)
        default: return folded(scalar)
        }
    }

    /// A letter or digit in lowercase without its accents; its lowercase
    /// mapping when folding would give more than a word has room for.
    static func folded(_ scalar: Unicode.Scalar) -> [UInt8] {
        let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                                            locale: nil)
        let bytes = Array(folded.utf8)
        return bytes.count <= FrenchTermScanner.roomPerScalar ? bytes : Array(scalar.properties.lowercaseMapping.utf8)
    }

    /// Lowercased, accent-free words with elisions removed, in order: every
    /// word, common ones included, none stemmed.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        FrenchTermScanner.scan(text, asTerms: false) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// `tableFolding` flattened for the scanner: for each scalar below
    /// `tableEnd`, where its folded bytes start in `foldedBytes` and how many
    /// there are, -1 for a word separator.
    static let foldedStart: [UInt16] = {
        var start: [UInt16] = []
        var offset = 0
        for folded in tableFolding {
            start.append(UInt16(offset))
            offset += folded?.count ?? 0
        }
        return start
    }()
    static let foldedLength: [Int8] = tableFolding.map { $0.map { Int8($0.count) } ?? -1 }
    static let foldedBytes: [UInt8] = tableFolding.flatMap { $0 ?? [] }
    /// The letters written C3 80 to C3 BF (U+00C0 to U+00FF: à, é, ç, ô…)
    /// that fold to one byte, by their second byte's low six bits: that
    /// byte, or 0 for the others (æ, ß, ×, ÷), which take the usual way.
    /// Drawn from `tableFolding`, so both ways give the same bytes.
    static let foldedLatin1: [UInt8] = (0..<64).map { low in
        let folded = tableFolding[0xC0 + low]
        return folded?.count == 1 ? folded![0] : 0
    }

    /// Light French stemming on a folded word (ASCII letters; anything else
    /// is left as it is).
    public static func stem(_ word: String) -> String {
        let count = word.utf8.count
        var bytes = Array(word.utf8) + [UInt8](repeating: 0, count: 8)   // room to read past, as in the scanner's word
        let kept = bytes.withUnsafeMutableBufferPointer { stem($0.baseAddress!, count: count) }
        return String(decoding: bytes[..<kept], as: UTF8.self)
    }

    /// Stems the word in place and returns its new length: a stem is never
    /// longer than its word, and only its last bytes change. Eight bytes
    /// past the word must be readable (the scanner's word has that room).
    static func stem(_ w: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var n = count
        guard n > 3, isLowercaseASCII(w, count: n) else { return n }
        // Suffixes are matched on the last bytes themselves (fifteen million
        // words go through here at a large import).
        let (a, e, f, i, l, s, u, v, x): (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0x61, 0x65, 0x66, 0x69, 0x6C, 0x73, 0x75, 0x76, 0x78)
        if w[n - 1] == x {
            if w[n - 3] == a && w[n - 2] == u {
                if w[n - 4] == e { n -= 1 }                                   // bureaux → bureau
                else if n > 4 { n -= 1; w[n - 2] = a; w[n - 1] = l }          // journaux → journal
                else { n -= 1 }
            } else {
                n -= 1                                                        // prix → pri
            }
        } else if w[n - 1] == s {
            n -= 1                                                            // élections → élection
        }
        if n > 3, w[n - 1] == e { n -= 1 }                                    // élue → élu, école → écol
        if n > 4, w[n - 2] == i, w[n - 1] == f { w[n - 1] = v }               // actif → activ (active)
        if n > 4, w[n - 2] == w[n - 1], w[n - 1] == l || w[n - 1] == 0x6E || w[n - 1] == 0x74 {
            n -= 1                                                            // parisienn → parisien
        }
        if n > 4, w[n - 1] == e { n -= 1 }                                    // journée: "journee" → "journ", as "journé"
        return n
    }

    /// Whether the word is made of a to z only, eight letters at a time.
    /// Inlined into the stemmer, which asks it of nearly every word: as a
    /// call, 0.6 % more of an import's instructions.
    @inline(__always)
    private static func isLowercaseASCII(_ w: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        let letters = UnsafeBufferPointer(start: UnsafePointer(w), count: count + 8)
        var k = 0
        while k < count {
            let eight = EightBytes.load(letters, at: k)
            let rest = count - k
            // The bytes past the word are left out of the test.
            let inWord = EightBytes.keeping(first: rest, of: 0x8080_8080_8080_8080)
            if EightBytes.within(eight, 0x61, 0x7A) & inWord != inWord { return false }
            k += 8
        }
        return true
    }
}
