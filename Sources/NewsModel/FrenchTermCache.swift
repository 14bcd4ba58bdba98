import Foundation
import Synchronization

/// The search terms of the short stretches of text between two spaces,
/// worked out once and remembered: "sécurité," gives "securit" every time
/// it appears. News is written with a few thousand words used over and
/// over, so most of a large import's eighteen million words are found
/// here by one hash of their bytes, instead of being folded, looked up
/// among the common words and stemmed again (a third of the analyzer's
/// time on generated French feeds).
///
/// What is remembered is what `FrenchTermScanner` makes of the stretch's
/// own bytes, so the terms are exactly the same as without it: a stretch
/// between two spaces is a unit for the scanner, which ends a word at a
/// space, as long as no multi-byte character could swallow the space
/// (`isStandaloneSpace`). Longer stretches, the last few bytes of a text
/// and whatever comes once the memory is full are scanned as before.
///
/// One thread at a time uses a cache (`withCache` lends them out): the
/// analyzer runs on the import's two threads at once.
final class FrenchTermCache: @unchecked Sendable {
    /// A remembered stretch: its bytes (at most sixteen, packed in two
    /// words, zeros past its length); its terms, joined by spaces, in
    /// `payload` when they take eight bytes or fewer (the first lowest),
    /// else where they start among `termBytes`; how many bytes and terms
    /// they are, and the token of the one term when they are one. All in
    /// the slot's 32 bytes, which the look-up reads anyway: terms kept
    /// apart in `termBytes` were a second wait for memory at each word
    /// found, a sixth of the look-up's time. Most stems fit in eight bytes.
    private struct Slot {
        var first: UInt64
        var second: UInt64
        var payload: UInt64
        var length: UInt8
        var terms: UInt8
        var termsCount: UInt16
        var token: UInt32
    }

    /// The terms a slot holds in its payload, written out for the taker,
    /// which may read sixteen bytes from them.
    private let inlineTerms: UnsafeMutablePointer<UInt8>

    static let longestStretch = 16
    private static let slotBits = 14
    private static let slotMask = (1 << slotBits) - 1
    /// Three quarters of the slots at most, so that a miss soon meets an
    /// empty one.
    private static let rememberedAtMost = (1 << slotBits) * 3 / 4
    private static let termBytesCapacity = 1 << 19

    private let slots: UnsafeMutablePointer<Slot>
    /// A byte of each slot's hash (never 0, which marks an empty slot): a
    /// stretch not remembered is told apart by these 16 KiB, which stay in
    /// the processor's first cache, instead of by its slots (512 KiB), a
    /// wait for memory at nearly every look once rare words fill them.
    private let tags: UnsafeMutablePointer<UInt8>
    private let termBytes: UnsafeMutablePointer<UInt8>
    private var termBytesCount = 0
    private var remembered = 0

    /// This cache's number among those made to give tokens, from 1 (0 for
    /// none): with a slot, it makes the token of the slot's term
    /// (`token(slot:)`). Never given twice, so that a token never stands
    /// for two terms, even once its cache is gone.
    private let serial: Int
    private static let madeGivingTokens = Atomic<Int>(0)

    /// Tokens are given by the first `tokenSerials - 1` caches made to give
    /// them (an import lends out two, one for each of its threads), so that
    /// a table indexed by token stays small: below `tokenLimit`.
    private static let tokenSerials = 16
    static let tokenLimit = tokenSerials << slotBits

    /// Once the cache is full, whether it still finds nearly every stretch.
    /// A look-up that finds nothing costs more than scanning the stretch
    /// (in a full cache, it passes over eight slots on average before an
    /// empty one), and when the words are many and evenly used (a
    /// vocabulary of 100,000 words drawn evenly: an eighth of the stretches
    /// found) the slots are far in memory even when found: the cache then
    /// cost a tenth of an import more than scanning every word. Even with
    /// seven stretches in eight found (30,000 words drawn as in Zipf's law),
    /// imports ran 3 % faster scanning every word; when the words are few,
    /// the cache never fills and an import runs 13 % faster with it. Below
    /// nine in ten found, texts are scanned whole for a while
    /// (`bypassBytes`), then the cache is tried again.
    private var lookups = 0
    private var found = 0
    private var bypassBytes = 0
    /// Look-ups judged at a time, and how many bytes of text are scanned
    /// whole after a poor judgement (some 2,000 articles).
    static let judgedLookups = 8_192
    static let bypassedBytes = 4 << 20
    /// Whether texts are scanned whole for now.
    var isBypassed: Bool { bypassBytes > 0 }

    /// `givingTokens`: whether the terms it remembers come with tokens, as
    /// those of the caches `withCache` lends out do.
    init(givingTokens: Bool = false) {
        serial = givingTokens ? Self.madeGivingTokens.add(1, ordering: .relaxed).newValue : 0
        inlineTerms = calloc(16, 1)!.bindMemory(to: UInt8.self, capacity: 16)
        // Zeroed pages from the system, touched only as slots fill: a
        // process that analyzes a few texts pays for a few pages.
        slots = calloc(1 << Self.slotBits, MemoryLayout<Slot>.stride)!.bindMemory(
            to: Slot.self, capacity: 1 << Self.slotBits)
        tags = calloc(1 << Self.slotBits, 1)!.bindMemory(to: UInt8.self, capacity: 1 << Self.slotBits)
        // Terms are copied sixteen bytes at a time: as many more are readable
        // past the last (`FrenchTermScanner.readablePast`).
        let termRoom = Self.termBytesCapacity + FrenchTermScanner.readablePast
        termBytes = malloc(termRoom)!.bindMemory(to: UInt8.self, capacity: termRoom)
    }

    deinit {
        free(slots)
        free(tags)
        free(termBytes)
        free(tokenScratch)
        free(inlineTerms)
    }

    /// Where the analyzer writes a text's tokens before copying them out,
    /// kept from one text to the next.
    private var tokenScratch: UnsafeMutablePointer<UInt32>?
    private var tokenScratchCapacity = 0

    /// Room for `count` tokens, valid until the next call.
    func tokenScratch(atLeast count: Int) -> UnsafeMutablePointer<UInt32> {
        if let tokenScratch, tokenScratchCapacity >= count { return tokenScratch }
        free(tokenScratch)
        tokenScratchCapacity = max(count, 1 << 12)
        let made = malloc(tokenScratchCapacity * MemoryLayout<UInt32>.stride)!.bindMemory(
            to: UInt32.self, capacity: tokenScratchCapacity)
        tokenScratch = made
        return made
    }

    private static let idle = Mutex<[FrenchTermCache]>([])

    /// Runs `body` with a cache no other thread uses meanwhile; the cache
    /// keeps what it learnt for the next caller.
    static func withCache<T>(_ body: (FrenchTermCache) -> T) -> T {
        let cache = idle.withLock { $0.popLast() } ?? FrenchTermCache(givingTokens: true)
        defer { idle.withLock { if $0.count < 4 { $0.append(cache) } } }
        return body(cache)
    }

    /// The search terms of `text`, in order, handed to `pieces` in pieces
    /// that may hold several terms joined by spaces (never empty): joined
    /// by spaces, they make `FrenchAnalyzer.joinedTermsUTF8`. Sixteen bytes
    /// can be read from the start of each piece, whatever its length.
    /// Specialised for each kind of taker, whose `take` is then inlined
    /// where the pieces are found (a closure called for each of a large
    /// import's million pieces cost more than the joining it did).
    func scan<Pieces: TermPieces>(_ text: UnsafeBufferPointer<UInt8>, into pieces: inout Pieces) {
        let n = text.count
        guard let base = text.baseAddress else { return }
        if bypassBytes > 0 {
            bypassBytes -= n
            FrenchTermScanner.scan(text, asTerms: true) { pieces.take($0, terms: 1, token: 0) }
            return
        }
        let judging = remembered >= Self.rememberedAtMost
        /// Where the text not yet handed out starts: stretches that were not
        /// remembered are scanned together, at the next remembered one.
        var pending = 0
        var start = 0
        // Counted here, kept in the cache at the end (once full, for judging
        // it): counted in the cache, each look-up wrote to memory twice.
        var looked = 0, hit = 0
        while start < n {
            // Sixteen bytes are read from the start: near the text's end,
            // the scanner reads the rest. Most stretches end among them: the
            // space is found there, not byte by byte (`nextStandaloneSpace`).
            let readable = start + Self.longestStretch <= n
            let firstBytes = readable
                ? UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)) : 0
            let secondBytes = readable
                ? UInt64(littleEndian: UnsafeRawPointer(base + start + 8).loadUnaligned(as: UInt64.self)) : 0
            let near = readable ? Self.firstSpace(firstBytes, secondBytes) : 0
            let end = near > 0 && Self.isStandaloneSpace(text, at: start + near)
                ? start + near : Self.nextStandaloneSpace(in: text, from: start)
            let length = end - start
            if length == 0 && pending == start {   // another space, which gives no term
                pending = min(end + 1, n)
            }
            if length > 0 && length <= Self.longestStretch && readable {
                looked += 1
                if let slot = slot(for: base + start, length: length, firstBytes: firstBytes, secondBytes: secondBytes) {
                    hit += 1
                    if start > pending {
                        FrenchTermScanner.scan(UnsafeBufferPointer(rebasing: text[pending..<start]), asTerms: true) {
                            pieces.take($0, terms: 1, token: 0)
                        }
                    }
                    let count = Int(slots[slot].termsCount)
                    if count > 0 {
                        let terms: UnsafePointer<UInt8>
                        if count <= 8 {
                            UnsafeMutableRawPointer(inlineTerms).storeBytes(of: slots[slot].payload.littleEndian,
                                                                                as: UInt64.self)
                            terms = UnsafePointer(inlineTerms)
                        } else {
                            terms = UnsafePointer(termBytes + Int(truncatingIfNeeded: slots[slot].payload))
                        }
                        pieces.take(UnsafeBufferPointer(start: terms, count: count),
                                    terms: Int(slots[slot].terms), token: slots[slot].token)
                    }
                    pending = min(end + 1, n)   // the space gives no term
                }
            }
            start = end + 1
        }
        if n > pending {
            FrenchTermScanner.scan(UnsafeBufferPointer(rebasing: text[pending..<n]), asTerms: true) {
                pieces.take($0, terms: 1, token: 0)
            }
        }
        if judging {
            lookups += looked
            found += hit
            if lookups >= Self.judgedLookups {
                if found * 10 < lookups * 9 { bypassBytes = Self.bypassedBytes }
                lookups = 0
                found = 0
            }
        }
    }

    /// The slot remembering the stretch, found or filled now; nil when it
    /// is not remembered and there is no more room. `firstBytes` and
    /// `secondBytes`: the sixteen bytes from the stretch's start.
    @inline(__always)
    private func slot(for stretch: UnsafePointer<UInt8>, length: Int, firstBytes: UInt64, secondBytes: UInt64) -> Int? {
        let first = EightBytes.keeping(first: length, of: firstBytes)
        let second = EightBytes.keeping(first: length - 8, of: secondBytes)
        let hash = (first &* 0x9E37_79B9_7F4A_7C15) ^ (second &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        var slot = Int(truncatingIfNeeded: hash >> 40) & Self.slotMask
        let tag = UInt8(truncatingIfNeeded: hash >> 32) | 1
        while tags[slot] != 0 {
            if tags[slot] == tag && slots[slot].length == UInt8(length) && slots[slot].first == first
                && slots[slot].second == second {
                return slot
            }
            slot = (slot + 1) & Self.slotMask
        }
        return remember(stretch, length: length, first: first, second: second, slot: slot, tag: tag)
    }

    /// Fills `slot` with the stretch's terms; nil when there is no more room.
    /// Kept out of `slot(for:)`, which must stay small enough to be inlined
    /// where the stretches are read: a call for each word cost more.
    @inline(never)
    private func remember(_ stretch: UnsafePointer<UInt8>, length: Int, first: UInt64, second: UInt64,
                          slot: Int, tag: UInt8) -> Int? {
        // A stretch of sixteen bytes folds to at most sixteen times
        // `roomPerScalar` bytes of terms.
        guard remembered < Self.rememberedAtMost,
              termBytesCount + Self.longestStretch * FrenchTermScanner.roomPerScalar <= Self.termBytesCapacity
        else { return nil }
        let termsStart = termBytesCount
        var count = termsStart
        var terms: UInt8 = 0
        let termBytes = termBytes
        FrenchTermScanner.scan(UnsafeBufferPointer(start: stretch, count: length), asTerms: true) { term in
            if count > termsStart {
                termBytes[count] = 0x20
                count += 1
            }
            (termBytes + count).update(from: term.baseAddress!, count: term.count)
            count += term.count
            terms += 1
        }
        let termsCount = count - termsStart
        let payload: UInt64
        if termsCount <= 8 {
            // In the slot; the bytes written in `termBytes` are given back.
            payload = EightBytes.keeping(first: termsCount,
                                         of: UInt64(littleEndian: UnsafeRawPointer(termBytes + termsStart)
                                            .loadUnaligned(as: UInt64.self)))
        } else {
            payload = UInt64(termsStart)
            termBytesCount = count
        }
        remembered += 1
        slots[slot] = Slot(first: first, second: second, payload: payload, length: UInt8(length), terms: terms,
                           termsCount: UInt16(termsCount), token: terms == 1 ? token(slot: slot) : 0)
        tags[slot] = tag
        return slot
    }

    /// The token of the one term a slot remembers: the same number for
    /// every stretch found in that slot, whatever the text and the thread,
    /// since a slot, once filled, never changes; never the number of
    /// another cache's slot. 0 from a cache that gives none, or made past
    /// the first few.
    private func token(slot: Int) -> UInt32 {
        serial > 0 && serial < Self.tokenSerials ? UInt32(truncatingIfNeeded: serial << Self.slotBits | slot) : 0
    }

    /// Where the first space among sixteen bytes is (the first eight in
    /// `first`, the lowest first), or 0 when there is none.
    @inline(__always)
    private static func firstSpace(_ first: UInt64, _ second: UInt64) -> Int {
        let spaces = EightBytes.equal(first, 0x20)
        if spaces != 0 { return EightBytes.plainBytes(before: spaces) }
        let later = EightBytes.equal(second, 0x20)
        return later != 0 ? 8 + EightBytes.plainBytes(before: later) : 0
    }

    /// The first space from `start` that ends a word whatever came before
    /// it (or the text's end): a space the scanner could take as part of a
    /// longer character is passed over (`isStandaloneSpace`).
    static func nextStandaloneSpace(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = text.count
        var k = start
        while true {
            k = EightBytes.skipUnmarked(in: text, from: k, to: n) { EightBytes.equal($0, 0x20) }
            while k < n && text[k] != 0x20 { k += 1 }
            if k >= n || isStandaloneSpace(text, at: k) { return min(k, n) }
            k += 1
        }
    }

    /// Whether no byte among the three before the space at `k` is one the
    /// scanner would take with the bytes up to the space, whichever byte
    /// the scanner started a character at (`FrenchTermScanner.bytesTaken`).
    @inline(__always)
    static func isStandaloneSpace(_ text: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        (k < 1 || FrenchTermScanner.bytesTaken(byLead: text[k - 1]) <= 1)
            && (k < 2 || FrenchTermScanner.bytesTaken(byLead: text[k - 2]) <= 2)
            && (k < 3 || FrenchTermScanner.bytesTaken(byLead: text[k - 3]) <= 3)
    }
}

/// What takes the pieces of terms `FrenchTermCache.scan` finds: `terms`
/// of them joined by spaces; `token`, when not 0, the token of a piece of
/// one term remembered by the cache (see `FrenchTermCache.token(slot:)`).
protocol TermPieces {
    mutating func take(_ piece: UnsafeBufferPointer<UInt8>, terms: Int, token: UInt32)
}
