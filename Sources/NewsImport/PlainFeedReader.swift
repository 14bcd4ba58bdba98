import Foundation
import NewsModel

/// Reads the plain XML nearly every feed is written in, without libxml2,
/// and gives the same events `FeedReader` gives for it.
///
/// libxml2 was a fifth of a large import: it looks at every character of
/// the items' HTML one at a time. This reader looks for the few bytes that
/// matter (`<`, `&`, line ends, `]]>`, controls) and leaves UTF-8 to be
/// checked once, when each text becomes a string.
///
/// It only accepts what it can read exactly as libxml2 would: UTF-8, no
/// document type, the five predefined entities and character references,
/// declared namespace prefixes, names in ASCII, and libxml2's own limits
/// (depth, text size). Anything else, including every malformed document,
/// makes it throw `Declined`: the document is then read again by
/// `FeedReader`, which reports errors in its own words. A test holds both
/// readers to the same events on the fixtures, generated feeds and
/// thousands of mutated ones.
final class PlainFeedReader: FeedEventSource {
    /// The document is not one this reader takes: read it with `FeedReader`.
    struct Declined: Error {}

    private enum Stop: Error {
        /// The window ends inside the construct being read.
        case needMore
        case declined
    }

    private var source: ByteWindow
    private var index = 0
    private var line = 1
    /// The text gathered since the last markup, as UTF-8.
    private var text: [UInt8] = []
    private var open: [(element: FeedElement, name: [UInt8], bindings: Int)] = []
    /// Namespace prefixes in scope, innermost last ("" for the default).
    private var bindings: [(prefix: [UInt8], uri: String?)] = []
    private var pendingEnd: FeedElement?
    private var rootSeen = false
    private var finished = false
    /// Something was read: an XML declaration may no longer come.
    private var started = false

    /// libxml2's limits without XML_PARSE_HUGE, and `FeedReader`'s depth.
    private static let maximumText = 10_000_000
    private static let maximumName = 1_000

    /// Reads a document in memory; the buffer must outlive the reader.
    convenience init(buffer: UnsafeBufferPointer<UInt8>) throws(Declined) {
        try self.init(source: ByteWindow(buffer: buffer))
    }

    /// Reads an open file from its start, a few megabytes at a time.
    convenience init(fileDescriptor: Int32) throws(Declined) {
        try self.init(source: ByteWindow(fileDescriptor: fileDescriptor))
    }

    private init(source: ByteWindow) throws(Declined) {
        self.source = source
        do {
            try source.fill(keepingFrom: 0, needing: 512)
        } catch {
            throw Declined()
        }
        let head = UnsafeBufferPointer(rebasing: source.bytes[0..<min(source.end, 512)])
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.first == 0 {
            throw Declined()   // UTF-16 or UTF-32
        }
        if let label = DeclaredEncoding.declaredLabel(head[index...]), label != "utf-8", label != "utf8" {
            throw Declined()
        }
    }

    func next() throws -> FeedEvent? {
        if let element = pendingEnd {
            pendingEnd = nil
            return .end(element)
        }
        while !finished {
            let start = index, startLine = line, startText = text.count
            do {
                let event = try token()
                started = true
                if let event { return event }
            } catch Stop.needMore {
                index = start
                line = startLine
                text.removeSubrange(startText...)
                do {
                    let kept = try source.fill(keepingFrom: start, needing: 0)
                    index = kept
                } catch {
                    throw Declined()
                }
            } catch {
                throw Declined()
            }
        }
        return nil
    }

    // MARK: - Tokens

    /// Reads one construct; returns an event when it makes one.
    private func token() throws(Stop) -> FeedEvent? {
        guard let byte = try peek(index) else {
            // The end: one root element, closed, and nothing after it.
            guard rootSeen, open.isEmpty, text.isEmpty else { throw .declined }
            finished = true
            return nil
        }
        if byte == UInt8(ascii: "<") {
            guard let next = try peek(index + 1) else { throw .declined }
            if next == UInt8(ascii: "!") {
                if try matches("<![CDATA[", at: index) {
                    guard !open.isEmpty else { throw .declined }
                    try cdata()
                } else if try matches("<!--", at: index) {
                    try comment()
                } else {
                    throw .declined   // a document type, or worse
                }
                return nil
            }
            if next == UInt8(ascii: "?") {
                try processingInstruction()
                return nil
            }
            if !text.isEmpty {
                // Markup ends the text: it goes out first.
                guard let string = String(validating: text, as: UTF8.self) else { throw .declined }
                text.removeAll(keepingCapacity: true)
                return .text(string)
            }
            if next == UInt8(ascii: "/") { return .end(try endTag()) }
            guard Self.isNameStart(next) else { throw .declined }
            return .start(try startTag())
        }
        if open.isEmpty {
            // Outside the root element only spaces may stand.
            guard Self.isSpace(byte) else { throw .declined }
            try checkMarkupByte(byte, at: index)
            if byte == 0x0D {   // CR LF, taken together
                line += 1
                index += 2
            } else {
                index += 1
            }
            return nil
        }
        if byte == UInt8(ascii: "&") {
            try reference(into: &text)
        } else {
            try characters()
        }
        guard text.count <= Self.maximumText else { throw .declined }
        return nil
    }

    /// Character data up to the next `<` or `&`, or as far as the window
    /// goes: it is read in pieces, never read again.
    private func characters() throws(Stop) {
        let bytes = source.bytes
        let end = source.end
        var i = index
        let run = i
        scan: while i < end {
            let byte = bytes[i]
            if Self.textClass[Int(byte)] == 0 {
                i += 1
                continue
            }
            switch byte {
            case 0x0A:
                line += 1
                i += 1
            case UInt8(ascii: "<"), UInt8(ascii: "&"):
                break scan
            case 0x0D:
                throw .declined   // line ends are libxml2's to read (it keeps CRs in CDATA only)
            case UInt8(ascii: "]"):
                guard i + 2 < end || source.atEnd else { break scan }
                if i + 2 < end, bytes[i + 1] == UInt8(ascii: "]"), bytes[i + 2] == UInt8(ascii: ">") {
                    throw .declined   // "]]>" may not stand in text
                }
                i += 1
            case 0xEF:
                guard i + 2 < end || source.atEnd else { break scan }
                if i + 2 < end, Self.isNonCharacter(bytes[i + 1], bytes[i + 2]) { throw .declined }
                i += 1
            default:
                throw .declined   // a control character
            }
        }
        if i == index && i < end { throw .needMore }   // stopped at once, before a line end or "]"
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
        index = i
    }

    /// `<![CDATA[…]]>`: its text as it is, CRs included (as libxml2). Read
    /// whole from the window (a section is a few kilobytes; the window
    /// grows for a larger one).
    private func cdata() throws(Stop) {
        let bytes = source.bytes
        let end = source.end
        let saved = text.count
        var lines = 0
        var i = index + 9
        let run = i
        while true {
            guard i < end else {
                text.removeSubrange(saved...)
                if source.atEnd { throw .declined }
                throw .needMore
            }
            let byte = bytes[i]
            if Self.textClass[Int(byte)] == 0 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") {
                i += 1
                continue
            }
            switch byte {
            case 0x0A:
                lines += 1
                i += 1
            case 0x0D:
                i += 1   // kept as it is, as libxml2 keeps it in CDATA
            case UInt8(ascii: "]"):
                guard i + 2 < end else { i = end; continue }
                if bytes[i + 1] == UInt8(ascii: "]"), bytes[i + 2] == UInt8(ascii: ">") {
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    index = i + 3
                    line += lines
                    return
                }
                i += 1
            case 0xEF:
                guard i + 2 < end else { i = end; continue }
                if Self.isNonCharacter(bytes[i + 1], bytes[i + 2]) { throw .declined }
                i += 1
            default:
                throw .declined
            }
        }
    }

    /// `<!-- … -->`, skipped; "--" may not stand inside.
    private func comment() throws(Stop) {
        var i = index + 4
        while true {
            guard let byte = try peek(i) else { throw .declined }
            if byte == UInt8(ascii: "-"), try peek(i + 1) == UInt8(ascii: "-") {
                guard try peek(i + 2) == UInt8(ascii: ">") else { throw .declined }
                index = i + 3
                return
            }
            try checkMarkupByte(byte, at: i)
            i += 1
        }
    }

    /// `<?target …?>`, skipped. The XML declaration may only open the
    /// document (its encoding was checked at the start).
    private func processingInstruction() throws(Stop) {
        let atStart = !started
        var i = index + 2
        let nameStart = i
        while let byte = try peek(i), Self.isNameByte(byte) { i += 1 }
        let target = source.bytes[nameStart..<i].map { $0 | 0x20 }
        guard !target.isEmpty else { throw .declined }
        if target.starts(with: "xml".utf8) {
            // Targets beginning with "xml" are reserved; only the declaration may use it.
            guard atStart, source.bytes[nameStart..<i].elementsEqual("xml".utf8) else { throw .declined }
            try xmlDeclaration(from: i)
            return
        }
        guard let after = try peek(i), Self.isSpace(after) || after == UInt8(ascii: "?") else { throw .declined }
        while true {
            guard let byte = try peek(i) else { throw .declined }
            if byte == UInt8(ascii: "?"), try peek(i + 1) == UInt8(ascii: ">") {
                index = i + 2
                return
            }
            try checkMarkupByte(byte, at: i)
            i += 1
        }
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, each part
    /// as XML writes it: anything else (another version, a misspelling) is
    /// libxml2's to judge.
    private func xmlDeclaration(from start: Int) throws(Stop) {
        var i = start
        var parts: [(name: [UInt8], value: [UInt8])] = []
        while true {
            let spaced = try skipSpaces(&i)
            if try peek(i) == UInt8(ascii: "?") {
                guard try peek(i + 1) == UInt8(ascii: ">") else { throw .declined }
                i += 2
                break
            }
            guard spaced else { throw .declined }
            var nameEnd = i
            while let byte = try peek(nameEnd), Self.isNameStart(byte) { nameEnd += 1 }
            let name = Array(source.bytes[i..<nameEnd])
            i = nameEnd
            _ = try skipSpaces(&i)
            guard try peek(i) == UInt8(ascii: "=") else { throw .declined }
            i += 1
            _ = try skipSpaces(&i)
            guard let quote = try peek(i), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw .declined
            }
            var valueEnd = i + 1
            while let byte = try peek(valueEnd), byte != quote {
                guard Self.isNameByte(byte), byte != UInt8(ascii: ":") else { throw .declined }
                valueEnd += 1
            }
            guard try peek(valueEnd) == quote else { throw .declined }
            parts.append((name, Array(source.bytes[(i + 1)..<valueEnd])))
            i = valueEnd + 1
        }
        let names = parts.map { String(decoding: $0.name, as: UTF8.self) }
        guard names == ["version"] || names == ["version", "encoding"] || names == ["version", "standalone"]
                || names == ["version", "encoding", "standalone"],
              parts[0].value.elementsEqual("1.0".utf8) else { throw .declined }
        for part in parts.dropFirst() {
            let value = String(decoding: part.value, as: UTF8.self)
            if part.name.elementsEqual("encoding".utf8) {
                guard ["utf-8", "utf8"].contains(value.lowercased()) else { throw .declined }
            } else if !["yes", "no"].contains(value) {
                throw .declined
            }
        }
        index = i
    }

    /// Counts lines in markup and refuses what no document may hold.
    private func checkMarkupByte(_ byte: UInt8, at i: Int) throws(Stop) {
        if byte == 0x0A {
            line += 1
        } else if byte == 0x0D {
            // CR LF (one line) only between elements: lines are counted at the LF.
            guard open.isEmpty, try peek(i + 1) == 0x0A else { throw .declined }
        } else if byte < 0x20 && byte != 0x09 {
            throw .declined
        } else if byte == 0xEF {
            guard let second = try peek(i + 1), let third = try peek(i + 2) else { throw .declined }
            if Self.isNonCharacter(second, third) { throw .declined }
        }
    }

    // MARK: - Elements

    private func startTag() throws(Stop) -> FeedElement {
        var i = index + 1
        let name = try readName(&i)
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
            guard !attributes.contains(where: { $0.name == attributeName }) else { throw .declined }
            attributes.append((attributeName, try attributeValue(&i)))
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
        let (namespace, localName) = try resolve(name, isAttribute: false)
        var resolved: [FeedElement.Attribute] = []
        for attribute in attributes where attribute.name != Self.xmlnsName
            && !attribute.name.starts(with: Self.xmlnsPrefix) {
            let (attributeNamespace, attributeLocal) = try resolve(attribute.name, isAttribute: true)
            guard !resolved.contains(where: { $0.namespace == attributeNamespace && $0.localName == attributeLocal })
            else { throw .declined }
            resolved.append(.init(namespace: attributeNamespace, localName: attributeLocal, value: attribute.value))
        }
        // libxml2 keeps a node's line in 16 bits: later lines all read 65535.
        let element = FeedElement(namespace: namespace, localName: localName, depth: open.count,
                                  line: min(line, 65535), attributes: resolved)
        rootSeen = true
        if selfClosing {
            bindings.removeLast(added)
            pendingEnd = element
        } else {
            open.append((element, name, added))
        }
        return element
    }

    private func endTag() throws(Stop) -> FeedElement {
        var i = index + 2
        let name = try readName(&i)
        _ = try skipSpaces(&i)
        guard try peek(i) == UInt8(ascii: ">") else { throw .declined }
        guard let last = open.last, last.name == name else { throw .declined }
        index = i + 1
        open.removeLast()
        bindings.removeLast(last.bindings)
        return last.element
    }

    /// The namespace and local name of a qualified name.
    private func resolve(_ name: [UInt8], isAttribute: Bool) throws(Stop) -> (String?, String) {
        guard let colon = name.firstIndex(of: UInt8(ascii: ":")) else {
            let local = String(decoding: name, as: UTF8.self)
            if isAttribute { return (nil, local) }
            return (bindings.last { $0.prefix.isEmpty }?.uri ?? nil, local)
        }
        let prefix = Array(name[..<colon])
        let local = String(decoding: name[(colon + 1)...], as: UTF8.self)
        guard !local.isEmpty, !local.contains(":") else { throw .declined }
        if prefix == Self.xmlPrefix { return (FeedNamespace.xml, local) }
        guard let binding = bindings.last(where: { $0.prefix == prefix }), let uri = binding.uri else {
            throw .declined   // an undeclared prefix: libxml2 has its own way with it
        }
        return (uri, local)
    }

    private func readName(_ i: inout Int) throws(Stop) -> [UInt8] {
        let start = i
        guard let first = try peek(i), Self.isNameStart(first) else { throw .declined }
        i += 1
        while let byte = try peek(i), Self.isNameByte(byte) {
            i += 1
            guard i - start <= Self.maximumName else { throw .declined }
        }
        let name = Array(source.bytes[start..<i])
        guard name.last != UInt8(ascii: ":") else { throw .declined }
        return name
    }

    /// Whether spaces were skipped.
    private func skipSpaces(_ i: inout Int) throws(Stop) -> Bool {
        let start = i
        while let byte = try peek(i), Self.isSpace(byte) {
            try checkMarkupByte(byte, at: i)
            i += 1
        }
        return i > start
    }

    /// A quoted value, references replaced and each line end, tab or
    /// line feed read as a space (XML's normalisation of attributes).
    private func attributeValue(_ i: inout Int) throws(Stop) -> String {
        guard let quote = try peek(i), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw .declined
        }
        i += 1
        var value: [UInt8] = []
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
        guard let string = String(validating: value, as: UTF8.self) else { throw .declined }
        return string
    }

    /// `&lt;` and the other predefined entities, `&#233;`, `&#xE9;`.
    private func reference(into out: inout [UInt8]) throws(Stop) {
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

    private static let predefined: [(name: [UInt8], value: UInt32)] = [
        (Array("amp".utf8), 0x26), (Array("lt".utf8), 0x3C), (Array("gt".utf8), 0x3E),
        (Array("quot".utf8), 0x22), (Array("apos".utf8), 0x27),
    ]

    private static func characterNumber(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
        var digits = digits
        var radix: UInt32 = 10
        if digits.first == UInt8(ascii: "x") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
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

    // MARK: - Bytes

    /// The byte at `i`; nil at the document's end; `.needMore` at the
    /// window's end.
    @inline(__always)
    private func peek(_ i: Int) throws(Stop) -> UInt8? {
        if i < source.end { return source.bytes[i] }
        if source.atEnd { return nil }
        throw .needMore
    }

    private func matches(_ literal: StaticString, at i: Int) throws(Stop) -> Bool {
        for k in 0..<literal.utf8CodeUnitCount {
            guard let byte = try peek(i + k) else { return false }
            if byte != literal.utf8Start[k] { return false }
        }
        return true
    }

    /// 0 for bytes that character data takes as they are; 1 for those the
    /// text loop must look at.
    private static let textClass: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x09: 0
        case 0..<0x20, 0x3C, 0x26, 0x5D, 0xEF: 1   // controls, line ends, < & ] and U+F000–U+FFFF's lead
        default: 0
        }
    }

    /// U+FFFE and U+FFFF, after their lead byte EF.
    private static func isNonCharacter(_ second: UInt8, _ third: UInt8) -> Bool {
        second == 0xBF && (third == 0xBE || third == 0xBF)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// ASCII names only: others are left to libxml2.
    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: ":")
    }

    private static let xmlnsName = Array("xmlns".utf8)
    private static let xmlnsPrefix = Array("xmlns:".utf8)
    private static let xmlPrefix = Array("xml".utf8)
}

/// The bytes the plain reader sees: a whole buffer, or a window on a file
/// that slides forward, keeping what the reader has not finished with.
private final class ByteWindow {
    private(set) var bytes: UnsafeBufferPointer<UInt8>
    private(set) var end: Int
    /// No byte comes after `end`.
    private(set) var atEnd: Bool
    private let descriptor: Int32?
    private var storage: UnsafeMutableBufferPointer<UInt8>?

    private static let initialCapacity = 1 << 20
    /// A single text, tag or comment larger than this is left to libxml2
    /// (which refuses texts above 10 MB anyway).
    private static let maximumCapacity = 24 << 20

    struct Failure: Error {}

    init(buffer: UnsafeBufferPointer<UInt8>) {
        bytes = buffer
        end = buffer.count
        atEnd = true
        descriptor = nil
    }

    init(fileDescriptor: Int32) {
        descriptor = fileDescriptor
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.initialCapacity)
        self.storage = storage
        bytes = UnsafeBufferPointer(storage)
        end = 0
        atEnd = false
    }

    deinit { storage?.deallocate() }

    /// Moves the bytes from `keepingFrom` to the window's start and reads
    /// more after them (at least `needing` bytes in all, when the file has
    /// them); returns where the kept bytes now start (0).
    @discardableResult
    func fill(keepingFrom start: Int, needing: Int) throws -> Int {
        guard let descriptor, var storage else {
            if start == 0 && needing <= end { return 0 }
            if atEnd { return start }
            throw Failure()
        }
        let kept = end - start
        if kept > 0 && start > 0 {
            UnsafeMutableRawPointer(storage.baseAddress!).copyMemory(from: storage.baseAddress! + start, byteCount: kept)
        }
        if kept >= storage.count / 2 {
            // One construct fills half the window: make it larger.
            guard storage.count < Self.maximumCapacity else { throw Failure() }
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count * 2)
            UnsafeMutableRawPointer(larger.baseAddress!).copyMemory(from: storage.baseAddress!, byteCount: kept)
            storage.deallocate()
            storage = larger
            self.storage = larger
        }
        end = kept
        repeat {
            let count = read(descriptor, storage.baseAddress! + end, storage.count - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure()
            }
            if count == 0 {
                atEnd = true
                break
            }
            end += count
        } while end < storage.count
        bytes = UnsafeBufferPointer(storage)
        return 0
    }
}
