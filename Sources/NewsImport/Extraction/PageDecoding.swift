import Foundation

/// Turns the bytes of a web page into text. The charset comes from the
/// HTTP header (already applied by the fetcher, which hands over UTF-8), the
/// byte order mark, or the page's own <meta> tag; a French page that
/// declares nothing is read as UTF-8 when it is valid UTF-8 and as
/// Windows-1252 otherwise, which is what such pages are in practice.
enum PageDecoding {
    static func decode(_ bytes: [UInt8]) throws(ImportError) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return TextDecoding.decodeUTF8(bytes.dropFirst(3)) }
        let census = UTF8Census(bytes)
        switch declaredCharset(bytes) {
        case .windows1252?:
            // Valid UTF-8 with accented letters is never Windows-1252 text:
            // the page was converted on the way (or mislabelled).
            if census.invalid == 0 && census.multiByte > 0 { return String(decoding: bytes, as: UTF8.self) }
            return TextDecoding.decodeWindows1252(bytes)
        case .utf8?:
            if census.invalid == 0 || census.multiByte > census.invalid { return TextDecoding.decodeUTF8(bytes[...]) }
            return TextDecoding.decodeWindows1252(bytes)   // declared UTF-8, written in a code page
        case nil:
            return try TextDecoding.decode(bytes)
        }
    }

    enum Charset { case utf8, windows1252 }

    /// The charset of `<meta charset=…>` or `<meta http-equiv="Content-Type"
    /// content="…; charset=…">`, looked for in the first 4 KB as browsers do.
    static func declaredCharset(_ bytes: [UInt8]) -> Charset? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        var searchFrom = head.startIndex
        while let meta = head.range(of: "<meta", range: searchFrom..<head.endIndex) {
            let end = head.range(of: ">", range: meta.upperBound..<head.endIndex)?.lowerBound ?? head.endIndex
            let tag = head[meta.upperBound..<end]
            if let declaration = tag.range(of: "charset=") {
                let value = tag[declaration.upperBound...]
                    .drop { $0 == "\"" || $0 == "'" || $0 == " " }
                    .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                return charset(named: String(value))
            }
            searchFrom = end
        }
        return nil
    }

    private static func charset(named name: String) -> Charset? {
        if name == "utf-8" || name == "utf8" { return .utf8 }
        return DeclaredEncoding.meansWindows1252(name) ? .windows1252 : nil
    }
}
