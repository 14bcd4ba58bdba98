import Foundation

/// Turns the bytes of a text file into a String, whatever the encoding a
/// French page was saved in: UTF-8 (with or without BOM), UTF-16 with a BOM,
/// else Windows-1252, which is also right for Latin-1 text (the two agree on
/// every printable byte).
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8]) throws(ImportError) -> String {
        if bytes.isEmpty { throw ImportError("fichier vide") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decodeUTF8(bytes.dropFirst(3))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(bytes: bytes.dropFirst(2), encoding: encoding) else {
                throw ImportError("texte UTF-16 illisible")
            }
            return text
        }
        if looksBinary(bytes) { throw ImportError("fichier binaire, pas du texte") }
        let census = UTF8Census(bytes)
        if census.invalid == 0 { return String(decoding: bytes, as: UTF8.self) }
        // A file with real multi-byte sequences and a few broken ones is
        // damaged UTF-8; one with no valid sequence at all is a legacy code page.
        if census.multiByte > census.invalid { return decodeUTF8(bytes[...]) }
        return decodeWindows1252(bytes)
    }

    /// UTF-8 with every invalid sequence replaced by U+FFFD.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Bytes 0x80–0x9F differ between Windows-1252 and Latin-1: Windows-1252
    /// puts typographic characters there (’ “ ” … œ €). The five unassigned
    /// bytes stay C1 controls, which the sanitizer removes.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    public static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// Many NUL bytes, or many control bytes other than layout, mean a binary
    /// file. A stray NUL in a text is only debris, which the sanitizer removes.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(64 * 1024)
        var nul = 0, controls = 0
        for byte in sample {
            if byte == 0 { nul += 1 }
            else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
                controls += 1
            }
        }
        return nul * 100 > sample.count || controls * 20 > sample.count
    }
}

/// Counts valid multi-byte sequences and invalid bytes in a UTF-8 candidate.
struct UTF8Census {
    var multiByte = 0
    var invalid = 0

    init(_ bytes: [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length == 0 || i + length > n || !bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                invalid += 1
                i += 1
            } else {
                multiByte += 1
                i += length
            }
        }
    }
}
