/// The loop behind `FrenchAnalyzer`: walks a text's UTF-8 once, folding
/// each scalar into the current word; each finished word is split at its
/// elisions, stemmed when asked, and added to the output. A struct with
/// its buffers as fields (not closures over local variables) so the
/// compiler can check exclusive access once, not at every byte.
struct FrenchTermScanner {
    let stemmed: Bool
    /// Terms joined by spaces (`joinedTerms`), else one string each.
    let joinsTerms: Bool
    private(set) var joined: [UInt8] = []
    private(set) var terms: [String] = []
    private var current: [UInt8] = []
    private var scratch: [UInt8] = []

    init(stemmed: Bool, joined: Bool) {
        self.stemmed = stemmed
        self.joinsTerms = joined
        current.reserveCapacity(64)
        scratch.reserveCapacity(64)
    }

    mutating func scan(_ text: String) {
        if joinsTerms { joined.reserveCapacity(text.utf8.count) }
        var text = text
        text.withUTF8 { bytes in
            FrenchAnalyzer.foldedStart.withUnsafeBufferPointer { start in
                FrenchAnalyzer.foldedLength.withUnsafeBufferPointer { length in
                    FrenchAnalyzer.foldedBytes.withUnsafeBufferPointer { folded in
                        scan(bytes, start: start, length: length, folded: folded)
                    }
                }
            }
        }
        flush()
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, start: UnsafeBufferPointer<UInt16>,
                               length: UnsafeBufferPointer<Int8>, folded: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let value: UInt32
            if b < 0x80 {
                value = UInt32(b)
                i += 1
            } else if b < 0xE0 {             // Strings hold valid UTF-8: the lead byte gives the length.
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
            if value < 0x250 {
                let count = Int(length[Int(value)])
                if count < 0 {
                    flush()
                } else if count == 1 {
                    current.append(folded[Int(start[Int(value)])])
                } else if count > 1 {
                    let first = Int(start[Int(value)])
                    for k in first..<(first + count) { current.append(folded[k]) }
                }
            } else {
                foldRare(value)
            }
        }
    }

    /// Scalars past Latin Extended-B: apostrophes, leftover accents, other
    /// scripts' letters.
    private mutating func foldRare(_ value: UInt32) {
        if value == 0x2019 || value == 0x2BC {
            current.append(0x27)                                  // ’ and ʼ are apostrophes
            return
        }
        guard let scalar = Unicode.Scalar(value) else { return }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return                                                // accents left over from NFD
        default:
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                flush()
            }
        }
    }

    private mutating func flush() {
        guard !current.isEmpty else { return }
        if current.contains(0x27) {
            var pieces: [ArraySlice<UInt8>] = []
            FrenchAnalyzer.forEachPiece(ofElided: current) { pieces.append($0) }
            for piece in pieces { emit(piece) }
        } else {
            emit(current[...])
        }
        current.removeAll(keepingCapacity: true)
    }

    private mutating func emit(_ piece: ArraySlice<UInt8>) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: piece)
        if stemmed { FrenchAnalyzer.stem(&scratch) }
        if joinsTerms {
            if !joined.isEmpty { joined.append(0x20) }
            joined.append(contentsOf: scratch)
        } else {
            terms.append(String(decoding: scratch, as: UTF8.self))
        }
    }
}
