/// The encoding to read a feed with when its declaration cannot be trusted.
///
/// French feeds that declare ISO-8859-1 (or Latin-1, or US-ASCII) very often
/// hold Windows-1252 bytes: ’ “ ” … œ € live in 0x80–0x9F, which Latin-1
/// reads as invisible control characters. Windows-1252 agrees with Latin-1
/// on every other byte, so reading such a document as Windows-1252 is never
/// worse, as web browsers do.
enum DeclaredEncoding {
    static let readAsWindows1252: Set<String> = ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1",
                                                 "l1", "us-ascii", "ascii", "iso-ir-100", "cp819", "ibm819"]

    /// "windows-1252" when the XML declaration names one of those labels,
    /// else nil (the document's own declaration, or UTF-8, applies).
    static func override(forDocumentStartingWith head: UnsafeBufferPointer<UInt8>.SubSequence) -> String? {
        declaredLabel(head).map(readAsWindows1252.contains) == true ? "windows-1252" : nil
    }

    /// The encoding named by the XML declaration at the start of a
    /// document, lowercased ("iso-8859-1"), or nil when there is none.
    static func declaredLabel<Bytes: Collection<UInt8>>(_ head: Bytes) -> String? {
        let text = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
        guard text.hasPrefix("<?xml") || text.hasPrefix("\u{feff}<?xml"),
              let close = text.range(of: "?>"),
              let key = text.range(of: "encoding", range: text.startIndex..<close.lowerBound) else { return nil }
        let rest = text[key.upperBound..<close.lowerBound].drop(while: { $0 == " " || $0 == "=" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix(while: { $0 != quote }))
    }

    /// Whether a charset label (from a header, a <meta> tag or an XML
    /// declaration) is best read as Windows-1252: the Latin-1 family, and
    /// Latin-9, which differs only in a few rare letters.
    static func meansWindows1252(_ label: String) -> Bool {
        readAsWindows1252.contains(label) || ["windows-1252", "cp1252", "iso-8859-15", "latin-9", "latin9"].contains(label)
    }
}

extension DeclaredEncoding {
    /// Whether a document names its encoding: an XML declaration with
    /// `encoding=`, or a byte order mark.
    public static func declaresEncoding(_ head: [UInt8]) -> Bool {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return true
        }
        return declaredLabel(head) != nil
    }

    /// A feed that declares no encoding is UTF-8 by the XML rules; one whose
    /// bytes are not UTF-8 at all was written in a French code page
    /// (Windows-1252) by a server that never said so. Such bytes are turned
    /// into UTF-8 rather than refused.
    static func undeclaredWindows1252AsUTF8(_ bytes: [UInt8]) -> [UInt8] {
        if declaresEncoding(bytes) { return bytes }   // the document says what it is
        let census = UTF8Census(bytes)
        guard census.invalid > 0, census.multiByte == 0 else { return bytes }
        return Array(TextDecoding.decodeWindows1252(bytes).utf8)
    }
}
