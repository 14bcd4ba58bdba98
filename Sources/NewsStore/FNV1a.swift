/// 64-bit FNV-1a: a small, stable, dependency-free fingerprint. It only has
/// to tell "changed" from "unchanged", not resist an adversary.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    mutating func add(_ string: String) {
        for byte in string.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100000001b3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
