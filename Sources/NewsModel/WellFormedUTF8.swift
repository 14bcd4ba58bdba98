/// UTF-8 checked once, eight bytes at a time across ASCII, and made into a
/// string without being checked again.
///
/// Every text of an imported feed becomes a string: a hundred thousand
/// items hold 170 MB of it. The standard library's check looks at each
/// byte in turn (a tenth of the parsing thread's time); here a run of
/// ASCII is passed over eight bytes at once and only the bytes of other
/// characters are looked at one by one. The rules are Unicode's for
/// well-formed UTF-8 (table 3-7): no overlong forms, no surrogates,
/// nothing past U+10FFFF, no sequence cut short. A test holds this check
/// to the standard library's on every sequence of up to three bytes and on
/// the edges of four-byte ones.
public enum WellFormedUTF8 {
    /// What the check found.
    public enum Verdict: Equatable {
        case illFormed
        /// Well-formed; `ascii` when every byte is ASCII.
        case wellFormed(ascii: Bool)
    }

    /// Whether `bytes` are well-formed UTF-8, and whether they are ASCII.
    public static func verdict(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        let n = bytes.count
        var i = 0
        var ascii = true
        while i < n {
            i = EightBytes.skipUnmarked(in: bytes, from: i, to: n, EightBytes.high)
            guard i < n else { break }
            let lead = bytes[i]
            if lead < 0x80 {                    // the few bytes short of eight, one by one
                i += 1
                continue
            }
            ascii = false
            if lead < 0xC2 { return .illFormed }     // a continuation byte alone, or an overlong form
            if lead < 0xE0 {
                guard i + 1 < n, isContinuation(bytes[i + 1]) else { return .illFormed }
                i += 2
                continue
            }
            if lead < 0xF0 {
                guard i + 2 < n else { return .illFormed }
                // E0 must not be overlong; ED must not make a surrogate.
                let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
                guard bytes[i + 1] >= low, bytes[i + 1] <= high, isContinuation(bytes[i + 2]) else { return .illFormed }
                i += 3
                continue
            }
            guard lead <= 0xF4, i + 3 < n else { return .illFormed }
            // F0 must not be overlong; F4 must stay at or below U+10FFFF.
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard bytes[i + 1] >= low, bytes[i + 1] <= high, isContinuation(bytes[i + 2]),
                  isContinuation(bytes[i + 3]) else { return .illFormed }
            i += 4
        }
        return .wellFormed(ascii: ascii)
    }

    /// The bytes as a string; nil when they are not well-formed UTF-8.
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard case .wellFormed(let ascii) = verdict(bytes) else { return nil }
        // Checked just above: the string takes the bytes as they are. It is
        // told when they are ASCII, as a checked string would know: it then
        // hashes and compares them as bytes, where others are normalized.
        return String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: ascii))
    }

    @inline(__always)
    private static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }
}
