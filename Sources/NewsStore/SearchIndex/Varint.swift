import NewsModel

/// Unsigned integers in seven-bit groups, low group first, the top bit of
/// each byte saying another follows: most numbers in the search index
/// (gaps between documents and positions, counts) then take one byte.
enum Varint {
    /// The number's bytes, handed to `put` one by one.
    @inline(__always)
    static func write(_ value: UInt64, _ put: (UInt8) -> Void) {
        var value = value
        while value >= 0x80 {
            put(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        put(UInt8(value))
    }

    /// How many bytes `write` gives the number.
    static func length(_ value: UInt64) -> Int {
        (64 - value.leadingZeroBitCount + 6) / 7 + (value == 0 ? 1 : 0)
    }

    @inline(__always)
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        write(value) { bytes.append($0) }
    }

    @inline(__always)
    static func append(_ value: UInt64, to bytes: inout GrowingBuffer<UInt8>) {
        write(value) { bytes.append($0) }
    }

    /// The number at `offset`, which moves past it; nil when the bytes end
    /// before it does, or it runs past eight bytes (a damaged index: the
    /// index writes nothing that large). At most 56 bits, so it makes an
    /// `Int` safely.
    @inline(__always)
    static func read(_ bytes: UnsafeRawBufferPointer, at offset: inout Int) -> Int? {
        var value = 0
        var shift = 0
        while offset < bytes.count, shift < 56 {
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
