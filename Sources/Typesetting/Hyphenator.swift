import CHyphen
import Foundation

/// Where a French word may be hyphenated, from libhyphen and the patterns of
/// Debian's hyphen-fr. The dictionary is loaded once, on first use; without
/// it (not installed) no word is hyphenated and lines fall back to cutting.
public final class Hyphenator: @unchecked Sendable {
    /// The shared French hyphenator ($KIOSQUE_HYPHEN_DIC, else the system's).
    public static let french = Hyphenator(path: ProcessInfo.processInfo.environment["KIOSQUE_HYPHEN_DIC"]
                                          ?? "/usr/share/hyphen/hyph_fr.dic")

    private let dictionary: OpaquePointer?
    private let lock = NSLock()
    /// French typography keeps at least two letters before the hyphen and
    /// three after it.
    public let leftMinimum = 2
    public let rightMinimum = 3

    public init(path: String) {
        dictionary = FileManager.default.fileExists(atPath: path) ? OpaquePointer(hnj_hyphen_load(path)) : nil
    }

    deinit {
        if let dictionary { hnj_hyphen_free(UnsafeMutablePointer(dictionary)) }
    }

    public var isAvailable: Bool { dictionary != nil }

    /// Character offsets inside `word` after which a hyphen may be inserted
    /// (the word is expected in NFC, as all text in the model is).
    /// Only letters (and apostrophes between them) are hyphenated; a word
    /// holding anything else gets no point.
    public func breakPoints(_ word: String) -> [Int] {
        guard let dictionary else { return [] }
        let characters = Array(word)
        guard characters.count >= leftMinimum + rightMinimum,
              characters.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "’" }) else { return [] }
        // The patterns know the straight apostrophe and lowercase letters.
        let lowered = String(characters.map { $0 == "’" ? "'" : $0 }).lowercased()
        let loweredCharacters = Array(lowered)
        guard loweredCharacters.count == characters.count else { return [] }
        var bytes = Array(lowered.utf8)
        let size = bytes.count
        var hyphens = [CChar](repeating: 0, count: size + 5)
        bytes.append(0)
        let status: Int32 = lock.withLock {
            bytes.withUnsafeBufferPointer { word in
                word.withMemoryRebound(to: CChar.self) { word in
                    kiosque_hyphenate(UnsafeMutablePointer(dictionary), word.baseAddress, Int32(size), &hyphens)
                }
            }
        }
        guard status == 0 else { return [] }
        // With a UTF-8 dictionary, libhyphen indexes the vector by character
        // (code point); one code point per character holds for NFC letters.
        guard lowered.unicodeScalars.count == loweredCharacters.count else { return [] }
        var points: [Int] = []
        for (index, character) in loweredCharacters.enumerated() {
            let after = index + 1
            guard after >= leftMinimum, characters.count - after >= rightMinimum else { continue }
            // Never right after an apostrophe: "l'-État" is not French.
            if character == "'" { continue }
            if hyphens[index] & 1 == 1 { points.append(after) }
        }
        return points
    }
}
