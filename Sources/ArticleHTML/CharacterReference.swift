/// The number of a character reference ("233" in "&#233;", "E9" in
/// "&#xE9;"), for kiosque's own readers: `PlainFeedReader` (XML) and
/// `HTMLFragmentScanner` (item HTML), which differ only in the prefixes
/// and lengths they accept.
package enum CharacterReference {
    /// Nil when there is no digit, more than `maximumDigits` (at most 8, so
    /// the number fits), or a byte that is not a digit in `radix` (10 or 16).
    package static func number(_ digits: some Collection<UInt8>, radix: UInt32, maximumDigits: Int) -> UInt32? {
        precondition(maximumDigits <= 8 && (radix == 10 || radix == 16))
        guard !digits.isEmpty, digits.count <= maximumDigits else { return nil }
        var number: UInt32 = 0
        for digit in digits {
            let value: UInt32
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(digit - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: value = UInt32(digit - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: value = UInt32(digit - 0x41 + 10)
            default: return nil
            }
            number = number * radix + value
        }
        return number
    }
}
