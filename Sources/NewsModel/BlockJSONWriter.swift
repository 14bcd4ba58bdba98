/// Writes blocks as the same JSON that `JSONEncoder` (sorted keys, slashes
/// left alone) makes from `Block`'s `Codable` conformance, byte for byte,
/// at a fraction of the cost: an import writes one body per article, and
/// the generic encoder was a tenth of a 100,000-item import. `BlockCoding`
/// still reads it back; a test holds the two to the same output.
public enum BlockJSONWriter {
    public static func json(_ blocks: [Block]) -> String {
        String(decoding: utf8(blocks), as: UTF8.self)
    }

    /// The same JSON as UTF-8 bytes, for the store to bind as they are.
    /// HTML left for later ends the list as an entry of its own,
    /// `{"base":…,"html":…,"type":"html"}`, which only the store reads.
    public static func utf8(_ blocks: [Block], deferred: DeferredHTML? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + blocks.count * 128 + (deferred?.html.utf8.count ?? 0) * 9 / 8)
        out.append(UInt8(ascii: "["))
        for (index, block) in blocks.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            write(block, to: &out)
        }
        if let deferred {
            if !blocks.isEmpty { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            key("base", &out); writeOptional(deferred.baseURL, to: &out)
            comma(&out); key("html", &out); writeString(deferred.html, to: &out)
            comma(&out); key("type", &out); writeString(deferredType, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// The `type` of the entry holding HTML left for later.
    public static let deferredType = "html"

    /// A list of strings (the categories column).
    public static func json(_ strings: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            writeString(string, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    // Keys in sorted order, as `.sortedKeys` writes them.
    private static func write(_ block: Block, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        switch block {
        case .paragraph(let text):
            key("text", &out); writeString(text, to: &out)
        case .heading(let level, let text):
            key("level", &out); raw(String(level), &out)
            comma(&out); key("text", &out); writeString(text, to: &out)
        case .quote(let text, let attribution):
            if let attribution { key("attribution", &out); writeString(attribution, to: &out); comma(&out) }
            key("text", &out); writeString(text, to: &out)
        case .list(let ordered, let items):
            key("items", &out)
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { comma(&out) }
                writeString(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
            comma(&out); key("ordered", &out); raw(ordered ? "true" : "false", &out)
            comma(&out); key("text", &out); writeString(items.joined(separator: "\n"), to: &out)
        case .image(let image):
            key("alt", &out); writeOptional(image.alt, to: &out)
            comma(&out); key("caption", &out); writeOptional(image.caption, to: &out)
            comma(&out); key("credit", &out); writeOptional(image.credit, to: &out)
            comma(&out); key("type", &out); writeString(block.type, to: &out)
            comma(&out); key("url", &out); writeString(image.url, to: &out)
            out.append(UInt8(ascii: "}"))
            return
        case .links(let links):
            key("links", &out)
            out.append(UInt8(ascii: "["))
            for (index, link) in links.enumerated() {
                if index > 0 { comma(&out) }
                out.append(UInt8(ascii: "{"))
                key("number", &out); raw(String(link.number), &out)
                comma(&out); key("text", &out); writeString(link.text, to: &out)
                comma(&out); key("url", &out); writeString(link.url, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        comma(&out); key("type", &out); writeString(block.type, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func key(_ name: StaticString, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    private static func comma(_ out: inout [UInt8]) { out.append(UInt8(ascii: ",")) }

    private static func raw(_ text: String, _ out: inout [UInt8]) { out.append(contentsOf: text.utf8) }

    private static func writeOptional(_ string: String?, to out: inout [UInt8]) {
        if let string { writeString(string, to: &out) } else { raw("null", &out) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Quotes, backslashes and C0 controls are escaped; everything else,
    /// slashes and non-ASCII included, is written as it is.
    static func writeString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time while none is below U+0020, a quote or
                // a backslash: item HTML kept for later is long, and escaped.
                index = EightBytes.skipUnmarked(in: bytes, from: index, to: bytes.count) { word in
                    EightBytes.below(word, 0x20) | EightBytes.equal(word, UInt8(ascii: "\""))
                        | EightBytes.equal(word, UInt8(ascii: "\\"))
                }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                // Most text needs no escape: copy the run before this byte whole.
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<(index - 1)]))
                runStart = index
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
