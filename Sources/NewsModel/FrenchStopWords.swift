/// The French words too common to be worth indexing: articles, pronouns,
/// possessives, the commonest prepositions and conjunctions. They make up a
/// third to a half of a French text, so leaving them out of the search
/// index makes it that much smaller and quicker to build, and a search
/// never needed them: "la réforme des retraites" finds what "réforme
/// retraites" finds, and a quoted phrase still matches because its common
/// words are left out of the index and of the query alike.
///
/// A word that also spells one worth looking for, once accents are gone,
/// is not here: "mais" (also "maïs"), "son" (a sound), "ne" ("né"), "car"
/// (a coach), "or" (gold), "pas" (a step), "est" (the east), "été" (the
/// summer), "sous", "ton". "sur" is, although it also spells "sûr".
enum FrenchStopWords {
    /// The words, as the analyzer folds them (lowercase, no accents).
    static let all: [String] = """
        a au aux avec ce ces cet cette dans de des donc dont du elle elles en et eux il ils je la le les \
        leur leurs lui ma me mes moi mon ni nos notre nous on ou par pour qu que qui sa se ses sur ta te \
        tes toi tu un une vos votre vous y
        """.split(separator: " ").map(String.init)

    /// Whether the folded word at `word` is one of them. Called for each of
    /// the fifteen million words of a large import, so the words are kept
    /// as integers (their bytes packed, at most seven) in a small
    /// open-addressed table, which the caller holds (`table`): one
    /// multiplication and one or two loads, not even the check that a
    /// static is set up. Eight bytes must be readable at `word`, whatever
    /// its length: the scanner's word keeps sixteen readable bytes past its
    /// room (see `FrenchTermScanner.allocateWord`).
    @inline(__always)
    static func contains(_ word: UnsafePointer<UInt8>, count: Int, in slots: UnsafeBufferPointer<UInt64>) -> Bool {
        guard count <= 7 else { return false }
        // The word's bytes in one load, those past it masked off: as `pack`
        // packs them.
        let eight = UInt64(littleEndian: UnsafeRawPointer(word).loadUnaligned(as: UInt64.self))
        let key = EightBytes.keeping(first: count, of: eight)
        var slot = Self.slot(key)
        while true {
            let stored = slots[slot]
            if stored == key { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    private static let slotBits: UInt64 = 8

    private static func slot(_ key: UInt64) -> Int {
        Int((key &* 0x9E37_79B9_7F4A_7C15) >> (64 - slotBits))
    }

    /// 256 slots for about sixty words: a miss, the usual case, mostly
    /// meets an empty slot at once. No word packs to 0, which marks empty.
    static let table: [UInt64] = {
        var slots = [UInt64](repeating: 0, count: 1 << Int(slotBits))
        for word in all {
            precondition((1...7).contains(word.utf8.count), "a stop word packs into seven bytes")
            let key = EightBytes.packed(word.utf8)
            var slot = slot(key)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = key
        }
        return slots
    }()
}
