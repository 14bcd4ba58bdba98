import Foundation
import NewsModel
import SQLiteSettings

/// The search terms of the articles written since the index last wrote a
/// segment: each occurrence kept as one number (term, document, column,
/// position) in the order the articles came, then grouped by term in one
/// pass when the segment is written.
///
/// FTS5 appended every occurrence to its term's own list at once, and with
/// tens of thousands of terms those lists lay all over tens of megabytes:
/// nearly every rare word waited for memory, a quarter of a large import.
/// Here an occurrence goes where the last one went, and the only table
/// looked up is the terms', a few hundred kilobytes.
final class PendingPostings {
    /// Occurrences kept before a segment is written: 12 MB of them, plus as
    /// much again to group them (at 2 million, a large import's peak was
    /// 15 MB higher for no time saved). A document adds at most a million (two
    /// columns of `lastPosition`), so terms stay far below the 2^24 their
    /// numbers have room for.
    static let occurrenceLimit = 1_500_000
    static let documentLimit = 1 << documentBits - 1

    // An occurrence: term (24 bits), document (20), column (1), position (19).
    private static let documentBits = 20
    private static let positionBits = 19
    private static let termShift = UInt64(documentBits + positionBits + 1)
    static let lastPosition = 1 << positionBits - 1

    /// The documents' numbers, in the order they came.
    private(set) var documents: [Int64] = []
    // (Touched by one thread at a time, through this class only: the
    // run-time exclusivity checks of each access are left out.)
    @exclusivity(unchecked) private var occurrences = GrowingBuffer<UInt64>(capacity: 1 << 16)

    // The terms met, numbered from 0 in the order met: their bytes end to
    // end in `termBytes`, the n-th starting at `termStarts[n]`, and its
    // first eight bytes as a number that sorts as they do.
    @exclusivity(unchecked) private var termBytes = GrowingBuffer<UInt8>(capacity: 1 << 16)
    @exclusivity(unchecked) private var termStarts = GrowingBuffer<Int>(capacity: 1 << 12)
    @exclusivity(unchecked) private var termPrefixes = GrowingBuffer<UInt64>(capacity: 1 << 12)
    /// Open addressing, four numbers a slot (32 bytes, two to a line of
    /// the processor's cache): the term's first eight bytes, its next eight
    /// (zeros past its end), then its hash (32 bits), length (8) and number
    /// plus one (24), 0 for an empty slot, and a fourth left unused. A term
    /// of sixteen bytes or fewer (nearly every stem) is then recognised in
    /// the slot, one wait for memory rather than three: with two numbers a
    /// slot, the terms of nine to sixteen bytes of a feed of 100,000 made-up
    /// words (its vocabulary drawn evenly) were compared with `memcmp` in
    /// `termBytes`, a seventh of the time spent here.
    private static let slotWidth = 4
    @exclusivity(unchecked) private var slots = GrowingBuffer<UInt64>(capacity: slotWidth << 14)
    @exclusivity(unchecked) private var slotMask = (1 << 14) - 1

    /// Where `forEachTermInOrder` groups the occurrences.
    @exclusivity(unchecked) private var grouped = GrowingBuffer<UInt64>(capacity: 1 << 16)

    /// The number of the term each token stands for in this segment (see
    /// `FrenchAnalyzer.joinedTermsAndTokens`): `generation << 32 | number +
    /// 1`, an entry of an earlier generation standing for nothing. Most
    /// words of news are remembered by the analyzer, and their terms come
    /// with a token: found here, a term is one look in a table of which an
    /// import touches a few hundred kilobytes (2 MB reserved, one range per
    /// cache), instead of being hashed and compared in `slots`, which a
    /// large vocabulary spreads over megabytes.
    private let tokenNumbers: UnsafeMutablePointer<UInt64>
    /// Goes up at each `reset`, which forgets every token at once.
    private var generation: UInt64 = 1

    init() {
        slots.reset(count: Self.slotWidth * (slotMask + 1), to: 0)
        // Zeroed pages from the system, touched only where tokens fall.
        tokenNumbers = calloc(FrenchAnalyzer.termTokenLimit, MemoryLayout<UInt64>.stride)!
            .bindMemory(to: UInt64.self, capacity: FrenchAnalyzer.termTokenLimit)
    }

    /// Empty again, for the next segment. The memory is kept: a large
    /// import's segments each filled it anew, and each time the system
    /// handed out zeroed pages again (a twentieth of the index's time).
    func reset() {
        documents.removeAll(keepingCapacity: true)
        occurrences.removeAll()
        termBytes.removeAll()
        termStarts.removeAll()
        termPrefixes.removeAll()
        slots.reset(count: Self.slotWidth * (slotMask + 1), to: 0)
        generation += 1
    }

    deinit {
        occurrences.free()
        grouped.free()
        termBytes.free()
        termStarts.free()
        termPrefixes.free()
        slots.free()
        terms.free()
        free(tokenNumbers)
    }

    var isEmpty: Bool { documents.isEmpty }
    /// Terms kept before a segment is written: feeds of made-up words or
    /// numbers never seen twice would otherwise grow the table past a
    /// hundred megabytes before the occurrences fill. A term costs about
    /// 175 bytes here until its segment is written; short of the quarter
    /// million that would double the table (at 450,000 terms, a feed of
    /// made-up words peaked at 148 MB rather than 116, for 13.4 s rather
    /// than 15.3).
    static let termLimit = 1 << 18 - 1 << 14
    var isFull: Bool {
        occurrences.count >= Self.occurrenceLimit || documents.count >= Self.documentLimit || termCount >= Self.termLimit
    }
    private var termCount: Int { termStarts.count }

    /// Adds a document's terms, each as the analyzer joined them with
    /// spaces, with their tokens when it gave some; gives how many terms
    /// each column has.
    func add(document: Int64, title: UnsafeBufferPointer<UInt8>, titleTokens: UnsafeBufferPointer<UInt32>,
             body: UnsafeBufferPointer<UInt8>, bodyTokens: UnsafeBufferPointer<UInt32>) -> (title: Int, body: Int) {
        let local = UInt64(documents.count) << UInt64(Self.positionBits + 1)
        documents.append(document)
        return (add(title, tokens: titleTokens, prefix: local),
                add(body, tokens: bodyTokens, prefix: local | 1 << UInt64(Self.positionBits)))
    }

    /// How many terms `add` counts in a text of terms joined by spaces: its
    /// runs of bytes other than a space, eight bytes at a time. The writer
    /// records each article's counts at once, while its postings are made
    /// on another thread (see `SearchIndexer`, `SearchTerms`).
    static func termCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = text.baseAddress else { return 0 }
        let length = text.count
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, high: UInt64 = 0x8080_8080_8080_8080
        var count = 0
        // The high bit of each byte that is not a space; `before` holds the
        // last byte's of the previous eight, as the high bit of the lowest.
        var before: UInt64 = 0
        var offset = 0
        while offset &+ 8 <= length {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            let zeroIfSpace = word ^ 0x2020_2020_2020_2020
            // Exact for every byte: adding 0x7F to seven bits never carries
            // into the next byte.
            let notSpace = ((zeroIfSpace & low7) &+ low7 | zeroIfSpace) & high
            count &+= (notSpace & ~(notSpace << 8 | before)).nonzeroBitCount
            before = notSpace >> 56
            offset &+= 8
        }
        // The last few bytes one by one.
        var afterTerm = before != 0
        while offset < length {
            let inTerm = base[offset] != 0x20
            if inTerm && !afterTerm { count &+= 1 }
            afterTerm = inTerm
            offset &+= 1
        }
        return count
    }

    /// Specialised for texts with tokens and texts without (those the
    /// analyzer scanned whole, every word of a large vocabulary), which
    /// then pay nothing for them: looked for in every text, tokens that
    /// were not there made this function's instructions 6 % more on such a
    /// feed.
    private func add(_ bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<UInt32>, prefix: UInt64) -> Int {
        tokens.isEmpty ? add(bytes, tokens: NoTokens(), prefix: prefix) : add(bytes, tokens: GivenTokens(tokens), prefix: prefix)
    }

    private func add<Tokens: TermTokens>(_ bytes: UnsafeBufferPointer<UInt8>, tokens: Tokens, prefix: UInt64) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let length = bytes.count
        // Each occurrence is written at once when its term's token is known,
        // its place kept for later otherwise, with the term's hash. Then the
        // terms left are looked up, each asking for the slot of the term
        // `prefetchDistance` further on, which is arriving by the time it is
        // looked up. (Asked for all at once, a long text's requests outran
        // what the processor keeps in flight, and most were dropped: with
        // 100,000 words drawn evenly, the table is megabytes and nearly every
        // look-up waits for memory.)
        terms.removeAll()
        var start = 0
        var count = 0
        let generation = generation
        while start < length {
            let end = Self.nextSpace(base, from: start, length: length)
            if end > start {
                // Terms past the last position are counted, not indexed: an
                // article that long (half a million words in one column) is
                // no article, and stops there.
                if count <= Self.lastPosition {
                    // The entry of the token `prefetchDistance` further on
                    // is asked for now: the entries of rare words are far
                    // from the processor's caches by the time they come back.
                    let ahead = tokens.token(count &+ Self.prefetchDistance)
                    if ahead != 0 { kiosque_prefetch(tokenNumbers + Int(ahead)) }
                    let token = tokens.token(count)
                    let known = token != 0 ? tokenNumbers[Int(token)] : 0
                    if known >> 32 == generation {
                        occurrences.append(((known & 0xFFFF_FFFF) - 1) << Self.termShift | prefix | UInt64(count))
                    } else {
                        let (head, second, hash) = TermHead.headAndHash(base, start, end - start, length)
                        // With tokens, the occurrence is written now and its
                        // term's number added below; without, nothing comes
                        // before it, and it is written below.
                        terms.append(PlacedTerm(start: start, count: end - start, head: head, second: second,
                                                hash: hash, occurrence: Tokens.given ? occurrences.count : count,
                                                token: token))
                        if Tokens.given { occurrences.append(prefix | UInt64(count)) }
                    }
                }
                count += 1
            }
            start = end + 1
        }
        let placed = terms.count
        for ahead in 0..<min(Self.prefetchDistance, placed) { prefetchSlot(of: terms[ahead]) }
        for index in 0..<placed {
            if index + Self.prefetchDistance < placed { prefetchSlot(of: terms[index + Self.prefetchDistance]) }
            let term = terms[index]
            let id = number(of: UnsafeBufferPointer(start: base + term.start, count: term.count),
                            head: term.head, second: term.second, hash32: term.hash)
            if Tokens.given {
                if term.token != 0 { tokenNumbers[Int(term.token)] = generation << 32 | UInt64(id + 1) }
                occurrences[term.occurrence] |= UInt64(id) << Self.termShift
            } else {
                occurrences.append(UInt64(id) << Self.termShift | prefix | UInt64(term.occurrence))
            }
        }
        return count
    }

    /// The token of each term of a text, by its place, 0 for none.
    private protocol TermTokens {
        /// False when no term has one.
        static var given: Bool { get }
        func token(_ index: Int) -> UInt32
    }

    private struct NoTokens: TermTokens {
        static var given: Bool { false }

        @inline(__always)
        func token(_ index: Int) -> UInt32 { 0 }
    }

    /// Tokens as the analyzer gave them; one missing or out of range is none.
    private struct GivenTokens: TermTokens {
        static var given: Bool { true }
        let tokens: UnsafeBufferPointer<UInt32>

        init(_ tokens: UnsafeBufferPointer<UInt32>) { self.tokens = tokens }

        @inline(__always)
        func token(_ index: Int) -> UInt32 {
            index < tokens.count && tokens[index] < FrenchAnalyzer.termTokenLimit ? tokens[index] : 0
        }
    }

    /// How many terms ahead a term's slot is asked for.
    private static let prefetchDistance = 12

    @inline(__always)
    private func prefetchSlot(of term: PlacedTerm) {
        kiosque_prefetch(slots.base + Self.slotWidth * (Int(term.hash) & slotMask))
    }

    /// A term of the document at hand whose token was not known, on its way
    /// to the table: its place in the text and its hash, where its
    /// occurrence waits for its number (its position, when the text has no
    /// tokens and its occurrence is yet to be written), and its token.
    private struct PlacedTerm {
        var start: Int
        var count: Int
        var head: UInt64
        var second: UInt64
        var hash: UInt64
        var occurrence: Int
        var token: UInt32
    }

    @exclusivity(unchecked) private var terms = GrowingBuffer<PlacedTerm>(capacity: 1 << 10)

    /// Where the next space is from `start` (or `length`): eight bytes at a
    /// time, a byte at a time near the end.
    @inline(__always)
    private static func nextSpace(_ base: UnsafePointer<UInt8>, from start: Int, length: Int) -> Int {
        var end = start
        while end + 8 <= length {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self))
            let spaces = word ^ 0x2020_2020_2020_2020
            // The lowest byte that was a space is the lowest zero byte here.
            let found = (spaces &- 0x0101_0101_0101_0101) & ~spaces & 0x8080_8080_8080_8080
            if found != 0 { return end + found.trailingZeroBitCount >> 3 }
            end += 8
        }
        while end < length && base[end] != 0x20 { end += 1 }
        return end
    }

    /// The term's number, given it when new.
    @inline(__always)
    private func number(of term: UnsafeBufferPointer<UInt8>, head: UInt64, second: UInt64, hash32: UInt64) -> UInt32 {
        let length = UInt64(min(term.count, 255))
        let width = Self.slotWidth
        var slot = Int(hash32) & slotMask
        while true {
            let meta = slots[width * slot + 2]
            if meta == 0 { break }
            if meta >> 24 == hash32 << 8 | length && slots[width * slot] == head && slots[width * slot + 1] == second {
                let id = UInt32(truncatingIfNeeded: meta & 0xFF_FFFF) - 1
                if term.count <= 16 || sameBytes(Int(id), term) { return id }
            }
            slot = (slot + 1) & slotMask
        }
        let id = UInt32(termCount)
        termStarts.append(termBytes.count)
        termBytes.append(contentsOf: term)
        termPrefixes.append(head.byteSwapped)
        slots[width * slot] = head
        slots[width * slot + 1] = second
        slots[width * slot + 2] = hash32 << 32 | length << 24 | UInt64(id + 1)
        // Grown at three quarters full rather than half: a segment of a
        // vocabulary of 220,000 words drawn evenly then keeps 8 MB of slots
        // instead of 16, in the same time (interleaved, on 100,000 words:
        // 2.45 against 2.38 s, within the noise).
        if termCount * 4 > slotMask * 3 { grow() }
        return id
    }

    @inline(__always)
    private func termRange(_ id: Int) -> Range<Int> {
        termStarts[id]..<(id + 1 < termCount ? termStarts[id + 1] : termBytes.count)
    }

    private func sameBytes(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = termRange(id)
        return range.count == term.count && memcmp(termBytes.base + range.lowerBound, term.baseAddress!, term.count) == 0
    }

    private func grow() {
        let old = slots
        let oldCount = slotMask + 1
        slotMask = oldCount * 2 - 1
        let width = Self.slotWidth
        slots = GrowingBuffer<UInt64>(capacity: width * (slotMask + 1))
        slots.reset(count: width * (slotMask + 1), to: 0)
        for index in 0..<oldCount where old[width * index + 2] != 0 {
            var slot = Int(old[width * index + 2] >> 32) & slotMask
            while slots[width * slot + 2] != 0 { slot = (slot + 1) & slotMask }
            for part in 0..<width { slots[width * slot + part] = old[width * index + part] }
        }
        old.free()
    }

    /// Each term with its posting list (see `PostingList`), in the order of
    /// their bytes, which is the order a segment keeps them in.
    func forEachTermInOrder(_ body: (UnsafeBufferPointer<UInt8>, _ documents: Int, _ postings: UnsafeBufferPointer<UInt8>) throws -> Void)
    rethrows {
        // Occurrences grouped by term, the groups in the order of their
        // terms' bytes, each keeping the order its occurrences came in,
        // which is by document, column and position. The groups are then
        // read one after the other: laid out by the terms' numbers and read
        // in the terms' order, each was a wait for memory (with 100,000
        // words drawn evenly, two fifths of the encoding's time). Through
        // pointers: the arrays' uniqueness was checked for each of 1.5
        // million occurrences.
        let order = termsInOrder()
        let rank = UnsafeMutablePointer<Int32>.allocate(capacity: termCount)
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: termCount + 1)
        let next = UnsafeMutablePointer<Int>.allocate(capacity: termCount + 1)
        defer {
            rank.deallocate()
            starts.deallocate()
            next.deallocate()
        }
        for (place, id) in order.enumerated() { rank[id] = Int32(place) }
        starts.initialize(repeating: 0, count: termCount + 1)
        for occurrence in occurrences.buffer { starts[Int(rank[Int(occurrence >> Self.termShift)]) + 1] += 1 }
        for place in 0..<termCount { starts[place + 1] += starts[place] }
        next.initialize(from: starts, count: termCount + 1)
        grouped.resize(toUnwritten: occurrences.count)
        for occurrence in occurrences.buffer {
            let place = Int(rank[Int(occurrence >> Self.termShift)])
            grouped[next[place]] = occurrence
            next[place] += 1
        }
        let bytes = termBytes.base
        // Where each term's list is written: raw memory, grown as needed
        // (an array's uniqueness was checked for each of a segment's
        // quarter of a million terms).
        var scratchCapacity = 1 << 12
        var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
        defer { scratch.deallocate() }
        try documents.withUnsafeBufferPointer { documents in
            let grouped = grouped.buffer
            for (place, id) in order.enumerated() {
                let group = UnsafeBufferPointer(rebasing: grouped[starts[place]..<starts[place + 1]])
                // A document's first occurrence takes at most nineteen
                // bytes (its gap, up to ten; two counts and a position, below
                // 2^20, three each), any other three: with the chunk's length,
                // thirty bytes an occurrence are always room enough.
                let room = group.count * 30 + 16
                if scratchCapacity < room {
                    scratch.deallocate()
                    scratchCapacity = room * 2
                    scratch = .allocate(capacity: scratchCapacity)
                }
                let range = termRange(id)
                let (count, postings) = Self.encode(group, documents: documents, into: scratch)
                try body(UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count), count, postings)
            }
        }
    }

    /// The terms' numbers in the order of their bytes: sorted by their first
    /// eight bytes a byte at a time (a radix sort: a segment of made-up
    /// words holds a quarter of a million terms, and comparing them took a
    /// tenth of the import), then the few sharing those eight by all their
    /// bytes. The eight counts are made in one pass, and the passes run
    /// through pointers: with arrays, each key cost 530 instructions
    /// (uniqueness and bounds checked at every move), 3.5 % of the import
    /// of a feed of 220,000 words drawn evenly.
    private func termsInOrder() -> [Int] {
        let count = termCount
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * max(count, 1))
        let ids = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * max(count, 1))
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 8 * 256)
        defer {
            keys.deallocate()
            ids.deallocate()
            counts.deallocate()
        }
        counts.initialize(repeating: 0, count: 8 * 256)
        let prefixes = termPrefixes.base
        for index in 0..<count {
            let key = prefixes[index]
            keys[index] = key
            ids[index] = Int32(index)
            for digit in 0..<8 { counts[digit << 8 | Int((key >> UInt64(8 * digit)) & 0xFF)] += 1 }
        }
        // From `keys`/`ids` to the other half and back, a byte at a time
        // from the lowest; a byte all keys share is passed over.
        var (fromKeys, fromIDs) = (keys, ids)
        var (toKeys, toIDs) = (keys + count, ids + count)
        for digit in 0..<8 {
            let starts = counts + digit << 8
            if (0..<256).contains(where: { starts[$0] == count }) { continue }
            var next = 0
            for bucket in 0..<256 {
                let inBucket = starts[bucket]
                starts[bucket] = next
                next += inBucket
            }
            let shift = UInt64(8 * digit)
            for index in 0..<count {
                let key = fromKeys[index]
                let bucket = Int((key >> shift) & 0xFF)
                let place = starts[bucket]
                starts[bucket] = place + 1
                toKeys[place] = key
                toIDs[place] = fromIDs[index]
            }
            swap(&fromKeys, &toKeys)
            swap(&fromIDs, &toIDs)
        }
        let sortedKeys = fromKeys
        var order = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count { buffer[index] = Int(fromIDs[index]) }
            initialized = count
        }
        let bytes = termBytes.base
        var start = 0
        while start < count {
            var end = start + 1
            while end < count && sortedKeys[end] == sortedKeys[start] { end += 1 }
            if end - start > 1 {
                order[start..<end].sort { a, b in
                    let aRange = termRange(a), bRange = termRange(b)
                    let shared = min(aRange.count, bRange.count)
                    let order = memcmp(bytes + aRange.lowerBound, bytes + bRange.lowerBound, shared)
                    return order != 0 ? order < 0 : aRange.count < bRange.count
                }
            }
            start = end
        }
        return order
    }

    /// A term's occurrences (in order of document, column and position) as
    /// one chunk of a posting list (see `PostingList` for the format),
    /// written at `output`, which has room for 30 bytes an occurrence and 16
    /// more; gives how many documents it holds and its bytes.
    private static func encode(_ occurrences: UnsafeBufferPointer<UInt64>, documents: UnsafeBufferPointer<Int64>,
                               into output: UnsafeMutablePointer<UInt8>)
    -> (documents: Int, bytes: UnsafeBufferPointer<UInt8>) {
        // The payload is written ten bytes in, its length then put just
        // before it.
        let payload = output + 10
        var out = payload
        @inline(__always) func put(_ value: UInt64) {
            Varint.write(value) { byte in
                out.pointee = byte
                out += 1
            }
        }
        let documentShift = UInt64(positionBits + 1), columnShift = UInt64(positionBits)
        let positionMask = UInt64(lastPosition)
        let total = occurrences.count, occurrences = occurrences.baseAddress!
        // Wrapping arithmetic and conversions: every count here is bounded
        // by the occurrences, and a document's number grows along a term's
        // list (checked, they were a fifth of this loop's instructions).
        var count = 0
        var previous: Int64 = 0
        var index = 0
        while index < total {
            let first = occurrences[index]
            let local = first >> documentShift   // the term's bits above are the same throughout
            // Titles come first in a document (column bit 0), then the body.
            var titles = Int(truncatingIfNeeded: (first >> columnShift & 1) ^ 1)
            var last = index &+ 1
            while last < total {
                let next = occurrences[last]
                if next >> documentShift != local { break }
                titles &+= Int(truncatingIfNeeded: (next >> columnShift & 1) ^ 1)
                last &+= 1
            }
            let document = documents[Int(truncatingIfNeeded: local & UInt64(documentLimit))]
            put(UInt64(bitPattern: document &- previous))
            put(UInt64(truncatingIfNeeded: titles))
            put(UInt64(truncatingIfNeeded: last &- index &- titles))
            let bodyStart = index &+ titles
            var position: UInt64 = .max   // one before 0
            var n = index
            while n < last {
                if n == bodyStart { position = .max }
                let next = occurrences[n] & positionMask
                put(next &- position &- 1)
                position = next
                n &+= 1
            }
            previous = document
            count &+= 1
            index = last
        }
        let end = out - payload
        let lengthBytes = Varint.length(UInt64(end))
        let start = payload - lengthBytes
        var cursor = start
        Varint.write(UInt64(end)) { byte in
            cursor.pointee = byte
            cursor += 1
        }
        return (count, UnsafeBufferPointer(start: start, count: lengthBytes + end))
    }
}

/// A term's first bytes and hash, as the pending postings' table keeps
/// them. Apart from the class so as to be transparent, inlined whatever
/// the size of the caller: marked to be inlined always, the compiler still
/// called it out of line from the look-ups once the indexer moved to a
/// thread of its own, 1.2 % more of an import's instructions.
enum TermHead {
    /// The term's first eight bytes and its next eight (zeros past its
    /// end), the first in the lowest, and its hash; the term is `count`
    /// bytes at `start`, in a text of `length` bytes.
    @_transparent
    static func headAndHash(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int,
                                    _ length: Int) -> (head: UInt64, second: UInt64, hash: UInt64) {
        let head = eightBytes(base, start, min(count, 8), length)
        var hash = (head ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
        var second: UInt64 = 0
        var offset = 8
        while offset < count {
            let next = eightBytes(base, start + offset, min(count - offset, 8), length)
            if offset == 8 { second = next }
            hash = (hash ^ next) &* 0x9E37_79B9_7F4A_7C15
            offset += 8
        }
        return (head, second, hash >> 32)
    }

    /// `count` (at most eight) bytes at `start` as a number, zeros above:
    /// read at once when eight bytes are there to read.
    @_transparent
    static func eightBytes(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ length: Int) -> UInt64 {
        if start + 8 <= length {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
            return count == 8 ? word : word & (1 << (8 * UInt64(count)) - 1)
        }
        var value: UInt64 = 0
        for index in 0..<count { value |= UInt64(base[start + index]) << (8 * UInt64(index)) }
        return value
    }
}
