/// Eight bytes of UTF-8 looked at as one 64-bit word, so that the loops
/// over a body's bytes can pass over a run of plain text eight bytes at a
/// time and look at bytes one by one only near what they are looking for.
///
/// Each test gives the high bit of the bytes it finds. The first byte it
/// marks is always one it looks for; a borrow may mark others after it.
public enum EightBytes {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `i`, which must be at most `count - 8`: the
    /// first in the lowest bits.
    @inlinable @inline(__always)
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// How many bytes stand before the first one a test marked in `found`
    /// (not zero): a loop can pass over them at once.
    @inlinable @inline(__always)
    public static func plainBytes(before found: UInt64) -> Int {
        found.trailingZeroBitCount >> 3
    }

    /// Where the first byte from `start` that `marking` marks lies (given
    /// eight bytes, it returns their marks from the tests above), passing
    /// over unmarked ones eight at a time. When none is marked, the last
    /// few bytes short of eight are left: the caller's loop, which looks at
    /// bytes one by one, reads them.
    @inlinable @inline(__always)
    public static func skipUnmarked(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                    _ marking: (UInt64) -> UInt64) -> Int {
        var i = start
        while i + 8 <= end {
            let found = marking(load(bytes, at: i))
            if found != 0 { return i + plainBytes(before: found) }
            i += 8
        }
        return i
    }

    /// Bytes equal to `byte`.
    @inlinable @inline(__always)
    public static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// Bytes below `limit`, which is at most 0x80 (bytes with their high
    /// bit set are never below it).
    @inlinable @inline(__always)
    public static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// ASCII bytes from `lowest` to `highest` (both below 0x80). Exact for
    /// every byte: the high bits are cleared first, so no sum carries.
    @inlinable @inline(__always)
    public static func within(_ word: UInt64, _ lowest: UInt8, _ highest: UInt8) -> UInt64 {
        let low = word & ~highs
        let fromLowest = low &+ ones &* UInt64(0x80 - lowest)
        let pastHighest = low &+ ones &* UInt64(0x7F - highest)
        return fromLowest & ~pastHighest & ~word & highs
    }

    /// The first `count` bytes of `word`, the others cleared (none for a
    /// count below 1, all from 8): a word loaded from a name or a key of
    /// `count` bytes, without the bytes past it.
    @inlinable @inline(__always)
    public static func keeping(first count: Int, of word: UInt64) -> UInt64 {
        count >= 8 ? word : count <= 0 ? 0 : word & ((1 << (8 * UInt64(count))) - 1)
    }

    /// Up to eight of `bytes` from `offset`, packed as `load` would read
    /// them (the first in the lowest bits), zeros past the last: for bytes
    /// that cannot be loaded eight at a time, or that are changed on the
    /// way (lowercased tag names).
    @inlinable
    public static func packed<Bytes: Collection<UInt8>>(_ bytes: Bytes, from offset: Int = 0) -> UInt64 {
        var word: UInt64 = 0
        for (k, byte) in bytes.dropFirst(offset).prefix(8).enumerated() { word |= UInt64(byte) << (8 * UInt64(k)) }
        return word
    }

    /// `packed` for bytes in memory: loaded at once when eight are there.
    /// Tag and element names are packed at every tag of every article; the
    /// collection's way (dropping, taking, counting) cost ten times more.
    @inlinable @inline(__always)
    public static func packed(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int = 0) -> UInt64 {
        let count = bytes.count - offset
        if count >= 8 { return load(bytes, at: offset) }
        var word: UInt64 = 0
        var k = 0
        while k < count {
            word |= UInt64(bytes[offset + k]) << (8 * UInt64(k))
            k += 1
        }
        return word
    }

    /// Bytes with their high bit set: parts of characters past ASCII.
    @inlinable @inline(__always)
    public static func high(_ word: UInt64) -> UInt64 {
        word & highs
    }
}
