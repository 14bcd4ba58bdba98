/// A fast 64-bit fingerprint of bytes, eight at a time. It tells "the same
/// bytes as last time" from "changed" for files, feed bodies and items; it
/// is not meant to resist someone crafting collisions (an adversary who
/// controls a feed can change its items anyway).
public struct ContentHasher: Sendable {
    private var state: UInt64 = 0x243F6A8885A308D3
    private var length: UInt64 = 0

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        length &+= UInt64(count)
        guard let base = bytes.baseAddress else { return }
        // The state stays in a register: mixed into `self` word by word, it
        // went to memory and back between two words, and every file, raw
        // item and article is hashed (3 % of an import's instructions).
        var state = state
        var index = 0
        while index &+ 8 <= count {
            state = Self.mixed(state, base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index &+= 8
        }
        if index < count {
            // The last bytes, the first of them lowest.
            var tail: UInt64 = 0
            withUnsafeMutableBytes(of: &tail) { word in
                word.copyMemory(from: UnsafeRawBufferPointer(start: base + index, count: count &- index))
            }
            state = Self.mixed(state, UInt64(littleEndian: tail) ^ 0x80)
        }
        self.state = state
    }

    public mutating func add(_ string: String) {
        // Read in place when the string's bytes lie together (nearly always):
        // a copy to call `withUTF8` on cost a retain and a release for each
        // of twenty strings an article.
        if string.utf8.withContiguousStorageIfAvailable({ add(UnsafeRawBufferPointer($0)) }) == nil {
            var copy = string
            copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        }
        mix(0xFF)   // "ab" + "c" differs from "a" + "bc"
    }

    public mutating func add(_ value: UInt64) { mix(value) }

    public var value: UInt64 {
        var h = state ^ length
        h ^= h >> 33
        h = h &* 0xFF51AFD7ED558CCD
        h ^= h >> 33
        h = h &* 0xC4CEB9FE1A85EC53
        h ^= h >> 33
        return h
    }

    private mutating func mix(_ word: UInt64) {
        state = Self.mixed(state, word)
    }

    @inline(__always)
    private static func mixed(_ state: UInt64, _ word: UInt64) -> UInt64 {
        (((state << 5) | (state >> 59)) ^ word) &* 0x9E3779B97F4A7C15
    }
}

/// What identifies a document's bytes: its size and their hash.
public struct DocumentFingerprint: Sendable, Equatable {
    public var size: Int
    public var hash: UInt64

    public init(size: Int, hash: UInt64) {
        self.size = size
        self.hash = hash
    }
}
