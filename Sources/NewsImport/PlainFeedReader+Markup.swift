import ArticleHTML
import Foundation
import NewsModel

/// Tags, names, attribute values and references, read as XML 1.0 says and
/// as libxml2 reads them (see `PlainFeedReader`).
extension PlainFeedReader {
    func startTag() throws(Stop) -> FeedElement {
        var i = index + 1
        // Where it lies: the window does not move while a tag is read (a
        // tag cut by the window's edge is read again whole).
        let name = UnsafeBufferPointer(rebasing: source.bytes[try readNameRange(&i)])
        var attributes: [(name: [UInt8], value: String)] = []
        var selfClosing = false
        while true {
            let spaced = try skipSpaces(&i)
            guard let byte = try peek(i) else { throw .declined }
            if byte == UInt8(ascii: ">") {
                i += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard try peek(i + 1) == UInt8(ascii: ">") else { throw .declined }
                i += 2
                selfClosing = true
                break
            }
            guard spaced, Self.isNameStart(byte) else { throw .declined }
            let attributeName = try readName(&i)
            _ = try skipSpaces(&i)
            guard try peek(i) == UInt8(ascii: "=") else { throw .declined }
            i += 1
            _ = try skipSpaces(&i)
            // Duplicates are checked pair by pair: a tag with thousands of
            // attributes is libxml2's to read.
            guard attributes.count < Self.maximumAttributes,
                  !attributes.contains(where: { $0.name == attributeName }) else { throw .declined }
            let (value, hadReference) = try attributeValue(&i)
            // libxml2 keeps references in a namespace's name as written
            // ("&#38;"): such declarations are its to read.
            if hadReference && (attributeName == Self.xmlnsName || attributeName.starts(with: Self.xmlnsPrefix)) {
                throw .declined
            }
            attributes.append((attributeName, value))
        }
        // Everything is read: from here on, nothing can ask for more bytes.
        index = i
        guard open.count < FeedReader.maximumDepth, !(rootSeen && open.isEmpty) else { throw .declined }

        var added = 0
        for attribute in attributes {
            if attribute.name == Self.xmlnsName {
                bindings.append((prefix: [], uri: attribute.value.isEmpty ? nil : attribute.value))
                added += 1
            } else if attribute.name.starts(with: Self.xmlnsPrefix) {
                let prefix = Array(attribute.name.dropFirst(Self.xmlnsPrefix.count))
                guard !attribute.value.isEmpty, prefix != Self.xmlPrefix, prefix != Self.xmlnsName else {
                    throw .declined
                }
                bindings.append((prefix: prefix, uri: attribute.value))
                added += 1
            }
        }
        guard bindings.count <= Self.maximumBindings else { throw .declined }
        let (namespace, localName) = try resolve(name[...], isAttribute: false)
        var resolved: [FeedElement.Attribute] = []
        for attribute in attributes where attribute.name != Self.xmlnsName
            && !attribute.name.starts(with: Self.xmlnsPrefix) {
            let (attributeNamespace, attributeLocal) = try resolve(attribute.name[...], isAttribute: true)
            guard !resolved.contains(where: { $0.namespace == attributeNamespace && $0.localName == attributeLocal })
            else { throw .declined }
            resolved.append(.init(namespace: attributeNamespace, localName: attributeLocal, value: attribute.value))
        }
        // libxml2 keeps a node's line in 16 bits: later lines all read 65535.
        let element = FeedElement(namespace: namespace, localName: localName, depth: open.count,
                                  line: min(line, 65535), attributes: resolved, prefixResolved: true)
        rootSeen = true
        if selfClosing {
            bindings.removeLast(added)
            pendingEnd = element
        } else {
            open.append((element, WrittenName(name), added))
        }
        return element
    }

    func endTag() throws(Stop) -> FeedElement {
        var i = index + 2
        let name = try readNameRange(&i)   // compared where it lies: no array per end tag
        _ = try skipSpaces(&i)
        guard try peek(i) == UInt8(ascii: ">") else { throw .declined }
        guard let last = open.last, last.name.matches(UnsafeBufferPointer(rebasing: source.bytes[name])) else {
            throw .declined
        }
        index = i + 1
        open.removeLast()
        bindings.removeLast(last.bindings)
        return last.element
    }

    /// The namespace and local name of a qualified name.
    private func resolve<Name: Collection<UInt8>>(_ name: Name, isAttribute: Bool) throws(Stop) -> (String?, String)
    where Name.Index == Int {
        guard let colon = name.firstIndex(of: UInt8(ascii: ":")) else {
            let local = String(decoding: name, as: UTF8.self)
            if isAttribute { return (nil, local) }
            return (bindings.last { $0.prefix.isEmpty }?.uri ?? nil, local)
        }
        // A second colon is checked on the bytes: a string's search for a
        // character looks at whole graphemes (a tenth of a second per feed
        // of 100,000 items).
        guard colon + 1 < name.endIndex, !name[(colon + 1)...].contains(UInt8(ascii: ":")) else { throw .declined }
        let prefix = name[..<colon]   // compared where it lies: no array per prefixed name
        let local = String(decoding: name[(colon + 1)...], as: UTF8.self)
        if prefix.elementsEqual(Self.xmlPrefix) { return (FeedNamespace.xml, local) }
        guard let binding = bindings.last(where: { $0.prefix.elementsEqual(prefix) }), let uri = binding.uri else {
            throw .declined   // an undeclared prefix: libxml2 has its own way with it
        }
        return (uri, local)
    }

    private func readName(_ i: inout Int) throws(Stop) -> [UInt8] {
        Array(source.bytes[try readNameRange(&i)])
    }

    /// Where the name at `i` lies in the window, `i` moved past it.
    private func readNameRange(_ i: inout Int) throws(Stop) -> Range<Int> {
        let start = i
        guard let first = try peek(i), Self.isNameStart(first) else { throw .declined }
        i += 1
        while let byte = try peek(i), Self.isNameByte(byte) {
            i += 1
            guard i - start <= Self.maximumName else { throw .declined }
        }
        guard source.bytes[i - 1] != UInt8(ascii: ":") else { throw .declined }
        return start..<i
    }

    /// Whether spaces were skipped.
    func skipSpaces(_ i: inout Int) throws(Stop) -> Bool {
        let start = i
        while let byte = try peek(i), Self.isSpace(byte) {
            try checkMarkupByte(byte, at: i)
            i += 1
        }
        return i > start
    }

    /// A quoted value, references replaced and each line end, tab or
    /// line feed read as a space (XML's normalisation of attributes), and
    /// whether it held a reference.
    private func attributeValue(_ i: inout Int) throws(Stop) -> (value: String, hadReference: Bool) {
        guard let quote = try peek(i), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw .declined
        }
        i += 1
        var value = GrowingBuffer<UInt8>(capacity: 64)
        defer { value.free() }
        var hadReference = false
        while true {
            guard let byte = try peek(i) else { throw .declined }
            if byte == quote {
                i += 1
                break
            }
            switch byte {
            case UInt8(ascii: "<"):
                throw .declined
            case UInt8(ascii: "&"):
                hadReference = true
                let saved = index
                index = i
                try reference(into: &value)
                i = index
                index = saved
                continue
            case 0x0D:
                throw .declined
            case 0x0A:
                line += 1
                value.append(0x20)
            case 0x09:
                value.append(0x20)
            default:
                try checkMarkupByte(byte, at: i)
                value.append(byte)
            }
            i += 1
            guard value.count <= Self.maximumText else { throw .declined }
        }
        guard let string = Self.string(validating: value) else { throw .declined }
        return (string, hadReference)
    }

    /// `&lt;` and the other predefined entities, `&#233;`, `&#xE9;`.
    func reference(into out: inout GrowingBuffer<UInt8>) throws(Stop) {
        if index + 8 <= source.end,
           let (byte, length) = Self.predefinedReference(EightBytes.load(source.bytes, at: index)) {
            out.append(byte)
            index += length
            return
        }
        var i = index + 1
        let start = i
        while true {
            guard let byte = try peek(i) else { throw .declined }
            if byte == UInt8(ascii: ";") { break }
            i += 1
            guard i - start <= 10 else { throw .declined }
        }
        let body = UnsafeBufferPointer(rebasing: source.bytes[start..<i])
        let value: UInt32
        if body.first == UInt8(ascii: "#") {
            guard let number = Self.characterNumber(body.dropFirst()) else { throw .declined }
            value = number
        } else if let named = Self.predefined.first(where: { $0.name.elementsEqual(body) }) {
            value = named.value
        } else {
            throw .declined   // an entity of a document type, or a mistake
        }
        // XML's characters: no controls but tab and line ends, no surrogates,
        // no U+FFFE or U+FFFF.
        guard value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value),
              let scalar = Unicode.Scalar(value) else { throw .declined }
        UTF8.encode(scalar) { out.append($0) }
        index = i + 1
    }

    /// The character of one of the five predefined references starting
    /// `word` (eight bytes from the `&`), and the reference's length.
    /// Escaped HTML is written with them, several per sentence
    /// (`&lt;p&gt;`): compared whole, not byte by byte and name by name,
    /// with the references written out as numbers (a table of them was a
    /// global, looked up with a check that it was made at every reference).
    @inline(__always)
    static func predefinedReference(_ word: UInt64) -> (UInt8, Int)? {
        switch word & 0xFFFF_FFFF {
        case 0x3B74_6C26: return (UInt8(ascii: "<"), 4)   // "&lt;", its first byte lowest
        case 0x3B74_6726: return (UInt8(ascii: ">"), 4)   // "&gt;"
        default: break
        }
        if word & 0xFF_FFFF_FFFF == 0x3B_706D_6126 { return (UInt8(ascii: "&"), 5) }   // "&amp;"
        switch word & 0xFFFF_FFFF_FFFF {
        case 0x3B74_6F75_7126: return (UInt8(ascii: "\""), 6)   // "&quot;"
        case 0x3B73_6F70_6126: return (UInt8(ascii: "'"), 6)   // "&apos;"
        default: return nil
        }
    }

    private static let predefined: [(name: [UInt8], value: UInt32)] = [
        (Array("amp".utf8), 0x26), (Array("lt".utf8), 0x3C), (Array("gt".utf8), 0x3E),
        (Array("quot".utf8), 0x22), (Array("apos".utf8), 0x27),
    ]

    /// "233" or "xE9": XML writes the x in lowercase only.
    private static func characterNumber(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
        if digits.first == UInt8(ascii: "x") {
            return CharacterReference.number(digits.dropFirst(), radix: 16, maximumDigits: 8)
        }
        return CharacterReference.number(digits, radix: 10, maximumDigits: 8)
    }
}
