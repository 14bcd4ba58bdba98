import NewsModel

/// An open element's name as written, kept until its end tag is compared
/// with it. Names of up to 24 bytes (all of a feed's, nearly always) are
/// packed into three words: keeping each as an array was one allocation
/// per element, seven per item of a feed.
struct WrittenName {
    private let count: Int
    private let words: (UInt64, UInt64, UInt64)
    /// A longer name, as it is.
    private let long: [UInt8]?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = bytes.count
        if count <= 24 {
            words = Self.pack(bytes)
            long = nil
        } else {
            words = (0, 0, 0)
            long = Array(bytes)
        }
    }

    /// Whether `bytes` spell this name.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == count else { return false }
        guard let long else {
            let packed = Self.pack(bytes)
            return packed.0 == words.0 && packed.1 == words.1 && packed.2 == words.2
        }
        return bytes.elementsEqual(long)
    }

    /// At most 24 bytes, eight to a word, the rest zeros.
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64) {
        (EightBytes.packed(bytes), EightBytes.packed(bytes, from: 8), EightBytes.packed(bytes, from: 16))
    }
}
