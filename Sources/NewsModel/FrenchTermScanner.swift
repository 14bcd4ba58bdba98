/// The loop behind `FrenchAnalyzer`: walks a text's UTF-8 once, folding
/// each scalar into the current word; each finished word is split at its
/// elisions and handed to `emit`: as it is for words, stemmed for search
/// terms, which also leave out the common words (`FrenchStopWords`).
///
/// It runs over every imported article's text (fifteen million words for
/// a hundred thousand articles), so the word lives in raw memory held by
/// local variables: arrays and struct fields cost a uniqueness check and
/// a bounds check at every byte, which made this loop three times slower.
/// Elisions and stems are worked out in place: both only ever shorten a
/// piece of the word, or rewrite its last bytes.
enum FrenchTermScanner {
    /// The most bytes one scalar can fold to (a lowercase mapping of three
    /// scalars), so a word needs room for that much more before each one.
    static let roomPerScalar = 16

    /// How many bytes can always be read from the start of a term handed to
    /// `emit` (see `allocateWord`), whatever its length.
    static let readablePast = 16

    static func scan(_ text: String, asTerms: Bool, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { scan($0, asTerms: asTerms, emit: emit) }
    }

    /// Text as UTF-8 bytes. Bytes that are not UTF-8 are never read past the
    /// end: a byte that cannot start a character separates words.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, asTerms: Bool, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        FrenchAnalyzer.foldedStart.withUnsafeBufferPointer { start in
            FrenchAnalyzer.foldedLength.withUnsafeBufferPointer { length in
                FrenchAnalyzer.foldedBytes.withUnsafeBufferPointer { folded in
                    FrenchAnalyzer.foldedLatin1.withUnsafeBufferPointer { latin1 in
                        FrenchStopWords.table.withUnsafeBufferPointer { stops in
                            scan(bytes, asTerms: asTerms, start: start, length: length, folded: folded,
                                 latin1: latin1, stops: stops, emit: emit)
                        }
                    }
                }
            }
        }
    }

    /// Room for a word, on the stack: a scan starts for every stretch the
    /// analyzer's cache does not know (twenty per article), and memory
    /// from the heap for each cost as much as the words it then read.
    private static let firstCapacity = 256

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, asTerms: Bool,
                             start: UnsafeBufferPointer<UInt16>, length: UnsafeBufferPointer<Int8>,
                             folded: UnsafeBufferPointer<UInt8>, latin1: UnsafeBufferPointer<UInt8>,
                             stops: UnsafeBufferPointer<UInt64>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: firstCapacity + readablePast) { room in
            _ = room.initialize(repeating: 0)
            scan(bytes, asTerms: asTerms, start: start, length: length, folded: folded, latin1: latin1,
                 stops: stops, firstWord: room.baseAddress!, emit: emit)
        }
    }

    /// `firstWord`: room for `firstCapacity` bytes and `readablePast` more,
    /// zeros; a longer word moves to memory of its own.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, asTerms: Bool,
                             start: UnsafeBufferPointer<UInt16>, length: UnsafeBufferPointer<Int8>,
                             folded: UnsafeBufferPointer<UInt8>, latin1: UnsafeBufferPointer<UInt8>,
                             stops: UnsafeBufferPointer<UInt64>, firstWord: UnsafeMutablePointer<UInt8>,
                             emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var capacity = firstCapacity
        var word = firstWord
        defer { if word != firstWord { word.deallocate() } }
        var count = 0
        var elided = false   // the word holds an apostrophe
        // Words end inline rather than in a nested function: one capturing
        // `count` kept it in memory, not in a register, at every byte.

        let tableEnd = UInt32(FrenchAnalyzer.tableEnd)
        var i = 0
        let n = bytes.count
        while i < n {
            // Most of a French text: ASCII letters, digits and spaces, which
            // fold to themselves (or their lowercase), or end the word.
            if count + roomPerScalar <= capacity {
                // The lowercase letters and digits that start the next eight
                // bytes are copied at once (all eight, counted up to the
                // first other byte: the word has room for them).
                if i + 8 <= n {
                    let eight = EightBytes.load(bytes, at: i)
                    let kept = EightBytes.within(eight, 0x61, 0x7A) | EightBytes.within(eight, 0x30, 0x39)
                    let taken = EightBytes.plainBytes(before: ~kept & EightBytes.highs)
                    if taken > 0 {
                        UnsafeMutableRawPointer(word + count).storeBytes(of: eight.littleEndian, as: UInt64.self)
                        count += taken
                        i += taken
                        continue
                    }
                }
                let b = bytes[i]
                if b &- 0x61 < 26 || b &- 0x30 < 10 {
                    word[count] = b
                    count += 1
                    i += 1
                    continue
                }
                if b &- 0x41 < 26 {
                    word[count] = b | 0x20
                    count += 1
                    i += 1
                    continue
                }
                if b == 0x20 {
                    if count > 0 { finish(word, count, elided, asTerms, stops, emit) }
                    count = 0
                    elided = false
                    i += 1
                    continue
                }
                // French accents (é, è, à, ç, ô…): C3 and a byte that folds
                // to one letter, without decoding the scalar.
                if b == 0xC3, i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 {
                    let letter = latin1[Int(bytes[i + 1] & 0x3F)]
                    if letter != 0 {
                        word[count] = letter
                        count += 1
                        i += 2
                        continue
                    }
                }
            }
            let b = bytes[i]
            let value: UInt32
            if b < 0x80 {
                value = UInt32(b)
                i += 1
            } else if bytesTaken(byLead: b) == 1 || i + bytesTaken(byLead: b) > n {
                value = 0x20                 // not a lead byte, or cut short: a separator, never read past
                i += 1
            } else if b < 0xE0 {             // the lead byte gives the length (continuations are masked)
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
            if count + roomPerScalar > capacity {
                let larger = allocateWord(capacity * 2)
                larger.update(from: word, count: count)
                if word != firstWord { word.deallocate() }
                word = larger
                capacity *= 2
            }
            if value < tableEnd {
                let folds = Int(length[Int(value)])
                if folds < 0 {
                    if count > 0 { finish(word, count, elided, asTerms, stops, emit) }
                    count = 0
                    elided = false
                } else if folds > 0 {
                    let first = Int(start[Int(value)])
                    for k in 0..<folds { word[count + k] = folded[first + k] }
                    count += folds
                    if value == 0x27 || value == 0x2019 { elided = true }
                }
            } else {
                let added = foldRare(value, into: word + count)
                if added < 0 {
                    if count > 0 { finish(word, count, elided, asTerms, stops, emit) }
                    count = 0
                    elided = false
                } else {
                    count += added
                    if added == 1 && word[count - 1] == 0x27 { elided = true }
                }
            }
        }
        if count > 0 { finish(word, count, elided, asTerms, stops, emit) }
    }

    /// How many bytes the scanner takes as one character from a byte past
    /// ASCII: a lead byte's length (C2-DF two, E0-EF three, F0-F4 four)
    /// whatever follows it, one for any other (a separator). Also how
    /// `FrenchTermCache` tells a space no character can swallow.
    @inline(__always)
    static func bytesTaken(byLead b: UInt8) -> Int {
        b < 0xC2 || b > 0xF4 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    /// Room for a word of `capacity` bytes, and `readablePast` more that
    /// are always readable past any of them (zeros): the stop words and the
    /// stemmer read a word's bytes eight at a time, and the joined terms
    /// copy each term sixteen bytes at a time.
    private static func allocateWord(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let word = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + readablePast)
        word.initialize(repeating: 0, count: capacity + readablePast)
        return word
    }

    /// A finished word, `elided` when it holds an apostrophe.
    private static func finish(_ word: UnsafeMutablePointer<UInt8>, _ count: Int, _ elided: Bool, _ asTerms: Bool,
                               _ stops: UnsafeBufferPointer<UInt64>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        if elided {
            emitPieces(word, count: count, asTerms: asTerms, stops: stops, emit: emit)
        } else {
            emitPiece(word, count: count, asTerms: asTerms, stops: stops, emit: emit)
        }
    }

    /// Scalars past the table: accents written apart, the Latin letters of
    /// later blocks (fullwidth, ligatures, extensions), other scripts'
    /// letters. Writes the folded bytes at `out` and says how many, or -1
    /// for a word separator.
    static func foldRare(_ value: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return 0                                              // accents left over from NFD
        default:
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return -1 }
            let bytes = latinBlocks.contains(where: { $0.contains(value) })
                ? FrenchAnalyzer.folded(scalar) : Array(scalar.properties.lowercaseMapping.utf8)
            for (k, byte) in bytes.enumerated() { out[k] = byte }
            return bytes.count
        }
    }

    /// Blocks past the table that hold accented or styled Latin letters.
    private static let latinBlocks: [Range<UInt32>] = [
        0x2C60..<0x2C80, 0xA720..<0xA800, 0xAB30..<0xAB70, 0xFB00..<0xFB07, 0xFF00..<0xFFF0,
    ]

    /// A word with apostrophes: "l'etat" → "etat", "aujourd'hui" →
    /// "aujourdhui" (not an elision), "qu'il" → "il", "a'b" → "a", "b".
    private static func emitPieces(_ word: UnsafeMutablePointer<UInt8>, count: Int, asTerms: Bool,
                                   stops: UnsafeBufferPointer<UInt64>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        /// The next piece between apostrophes from `from`, empty ones skipped.
        func piece(after from: Int) -> Range<Int>? {
            var start = from
            while start < count && word[start] == 0x27 { start += 1 }
            guard start < count else { return nil }
            var end = start
            while end < count && word[end] != 0x27 { end += 1 }
            return start..<end
        }
        guard let first = piece(after: 0) else { return }
        guard let second = piece(after: first.upperBound) else {
            emitPiece(word + first.lowerBound, count: first.count, asTerms: asTerms, stops: stops, emit: emit)
            return
        }
        let third = piece(after: second.upperBound)
        var next: Range<Int>?
        if equals(word + first.lowerBound, first.count, "aujourd"), second.count >= 3,
           word[second.lowerBound] == 0x68, word[second.lowerBound + 1] == 0x75, word[second.lowerBound + 2] == 0x69 {
            // "aujourd" and "hui…" make one word: close the gap between them.
            (word + first.upperBound).update(from: word + second.lowerBound, count: second.count)
            emitPiece(word + first.lowerBound, count: first.count + second.count, asTerms: asTerms, stops: stops,
                      emit: emit)
            next = third
        } else if third == nil, isElision(word + first.lowerBound, first.count) {
            emitPiece(word + second.lowerBound, count: second.count, asTerms: asTerms, stops: stops, emit: emit)
            return
        } else {
            next = first
        }
        // The other pieces, elisions left out. A stem only rewrites bytes of
        // its own piece, so the next piece is still found where it was.
        while let current = next {
            next = piece(after: current.upperBound)
            if !isElision(word + current.lowerBound, current.count) {
                emitPiece(word + current.lowerBound, count: current.count, asTerms: asTerms, stops: stops, emit: emit)
            }
        }
    }

    private static func emitPiece(_ piece: UnsafeMutablePointer<UInt8>, count: Int, asTerms: Bool,
                                  stops: UnsafeBufferPointer<UInt64>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard asTerms else {
            emit(UnsafeBufferPointer(start: piece, count: count))
            return
        }
        if FrenchStopWords.contains(piece, count: count, in: stops) { return }
        emit(UnsafeBufferPointer(start: piece, count: FrenchAnalyzer.stem(piece, count: count)))
    }

    /// Elided words that stand before an apostrophe: l d j m n s t c, qu,
    /// jusqu, lorsqu, puisqu, quoiqu, presqu, quelqu.
    static func isElision(_ piece: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        switch count {
        case 1:
            switch piece[0] {
            case 0x6C, 0x64, 0x6A, 0x6D, 0x6E, 0x73, 0x74, 0x63: return true
            default: return false
            }
        case 2: return equals(piece, count, "qu")
        case 5: return equals(piece, count, "jusqu")
        case 6:
            return equals(piece, count, "lorsqu") || equals(piece, count, "puisqu") || equals(piece, count, "quoiqu")
                || equals(piece, count, "presqu") || equals(piece, count, "quelqu")
        default: return false
        }
    }

    static func equals(_ bytes: UnsafePointer<UInt8>, _ count: Int, _ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == count else { return false }
        let expected = literal.utf8Start
        for k in 0..<count where bytes[k] != expected[k] { return false }
        return true
    }
}
