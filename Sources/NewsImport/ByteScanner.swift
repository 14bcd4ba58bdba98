/// Reads ASCII fields from the front of a string's UTF-8 bytes.
struct ByteScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    var isAtEnd: Bool { position == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    /// Exactly `count` decimal digits, or nothing consumed.
    mutating func digits(exactly count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<(position + count)] {
            guard Self.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        position += count
        return value
    }

    /// The digits after a decimal point, as a fraction of a second.
    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 1.0
        let start = position
        while position < bytes.count, Self.isDigit(bytes[position]) {
            if scale > 1e-9 {  // beyond nanoseconds, digits change nothing
                scale /= 10
                value += Double(bytes[position] - 0x30) * scale
            }
            position += 1
        }
        return position > start ? value : nil
    }

    /// +1 or -1 for a leading sign (the Unicode minus too), else nil.
    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        let minus: [UInt8] = [0xE2, 0x88, 0x92]  // U+2212, which some generators write
        if position + 3 <= bytes.count, Array(bytes[position..<(position + 3)]) == minus {
            position += 3
            return -1
        }
        return nil
    }
}
