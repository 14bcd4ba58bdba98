import Foundation
import NewsModel

/// Reads the plain XML nearly every feed is written in, without libxml2,
/// and gives the same events `FeedReader` gives for it.
///
/// libxml2 took 0.9 s of CPU in a 100,000-item import, looking at every
/// character of the items' HTML one at a time. This reader looks for the
/// few bytes that matter (`<`, `&`, line feeds, `]]>`, controls) and leaves
/// UTF-8 to be checked once, when each text becomes a string.
///
/// It only accepts what it can read exactly as libxml2 would: UTF-8, no
/// document type, the five predefined entities and character references,
/// declared namespace prefixes, names in ASCII, carriage returns only in
/// CDATA or before a line feed between elements, and libxml2's own limits
/// (depth, text size). Anything else, including every malformed document,
/// makes it throw `Declined`: the document is then read again by
/// `FeedReader`, which reports errors in its own words. A test holds both
/// readers to the same events on the fixtures, generated feeds and
/// thousands of mutated ones.
final class PlainFeedReader: FeedEventSource {
    /// The document is not one this reader takes: read it with `FeedReader`.
    struct Declined: Error {}

    enum Stop: Error {
        /// The window ends inside the construct being read.
        case needMore
        case declined
    }

    // The reader's state is used by one thread and only through the reader's
    // own methods, none of which reaches into a property another is in the
    // middle of changing: the run-time exclusivity checks are left out of the
    // properties read at every token (a fiftieth of a large import's time).
    @exclusivity(unchecked) var source: ByteWindow
    @exclusivity(unchecked) var index = 0
    @exclusivity(unchecked) var line = 1
    /// The text gathered since the last markup, as UTF-8: in memory of its
    /// own, where appending each run of character data to an array (twice
    /// a reference, in escaped HTML) checked its uniqueness and room.
    @exclusivity(unchecked) var text = GrowingBuffer<UInt8>(capacity: 1 << 12)
    @exclusivity(unchecked) var open: [(element: FeedElement, name: WrittenName, bindings: Int)] = []
    /// Namespace prefixes in scope, innermost last ("" for the default).
    @exclusivity(unchecked) var bindings: [(prefix: [UInt8], uri: String?)] = []
    var pendingEnd: FeedElement?
    var rootSeen = false
    private var finished = false
    /// Something was read: an XML declaration may no longer come.
    private var started = false

    /// libxml2's limits without XML_PARSE_HUGE, and `FeedReader`'s depth.
    static let maximumText = 10_000_000
    static let maximumName = 1_000
    /// Bounds on what is searched one by one (attributes of a tag, namespace
    /// prefixes in scope), so that no document can make that slow.
    static let maximumAttributes = 256
    static let maximumBindings = 1_024

    /// Reads a document in memory; the buffer must outlive the reader.
    convenience init(buffer: UnsafeBufferPointer<UInt8>) throws(Declined) {
        try self.init(source: ByteWindow(buffer: buffer))
    }

    /// Reads an open file from its start, a few megabytes at a time;
    /// `fingerprint` is given every byte read.
    convenience init(fileDescriptor: Int32, fingerprint: StreamedFingerprint? = nil) throws(Declined) {
        try self.init(source: ByteWindow(fileDescriptor: fileDescriptor, fingerprint: fingerprint))
    }

    deinit { text.free() }

    private init(source: ByteWindow) throws(Declined) {
        self.source = source
        do {
            try source.fill(keepingFrom: 0)
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
                text.truncate(to: startText)
                do {
                    let kept = try source.fill(keepingFrom: start)
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
                guard let string = Self.string(validating: text) else { throw .declined }
                text.removeAll()
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

    /// Character data up to the next `<`, or `&` of any reference but the
    /// five predefined ones (decoded on the way), or as far as the window
    /// goes: it is read in pieces, never read again. Escaped HTML has a
    /// `&lt;` or `&gt;` every few words: taken here, each no longer makes a
    /// token of its own (that going back and forth was 3 % of a large
    /// import's instructions).
    private func characters() throws(Stop) {
        let bytes = source.bytes
        let end = source.end
        var i = index
        var run = i
        scan: while i < end {
            i = EightBytes.skipUnmarked(in: bytes, from: i, to: end) { Self.special($0, inText: true) }
            guard i < end else { break }
            let byte = bytes[i]
            if Self.isTakenAsItIs(byte) {
                i += 1
                continue
            }
            switch byte {
            case 0x0A:
                line += 1
                i += 1
            case UInt8(ascii: "&"):
                guard i + 8 <= end, let (character, length) = Self.predefinedReference(EightBytes.load(bytes, at: i))
                else { break scan }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                text.append(character)
                i += length
                run = i
            case UInt8(ascii: "<"):
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
                text.truncate(to: saved)
                if source.atEnd { throw .declined }
                throw .needMore
            }
            i = EightBytes.skipUnmarked(in: bytes, from: i, to: end) { Self.special($0, inText: false) }
            guard i < end else { continue }   // to the check of the window's end above
            let byte = bytes[i]
            if Self.isTakenAsItIs(byte) || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") {
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
    func checkMarkupByte(_ byte: UInt8, at i: Int) throws(Stop) {
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

    // MARK: - Bytes

    /// The byte at `i`; nil at the document's end; `.needMore` at the
    /// window's end.
    @inline(__always)
    func peek(_ i: Int) throws(Stop) -> UInt8? {
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

    /// Whether character data takes the byte as it is; the others (controls,
    /// line ends, < & ] and U+F000–U+FFFF's lead) the text loop must look at.
    /// Compared, not looked up in a table: a global table is checked to be
    /// made at every look.
    @inline(__always)
    static func isTakenAsItIs(_ byte: UInt8) -> Bool {
        byte == 0x09 || !(byte < 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")
                          || byte == UInt8(ascii: "]") || byte == 0xEF)
    }

    /// The bytes among eight of text or CDATA that need a look one by one
    /// (see `EightBytes`): control characters (tabs and line ends
    /// included), `]` and EF (which may start U+FFFE or U+FFFF), and in
    /// text `<` and `&`. Text is mostly runs of none, which the loops pass
    /// over eight bytes at a time.
    @inline(__always)
    static func special(_ word: UInt64, inText: Bool) -> UInt64 {
        let found = EightBytes.below(word, 0x20) | EightBytes.equal(word, UInt8(ascii: "]"))
            | EightBytes.equal(word, 0xEF)
        guard inText else { return found }
        return found | EightBytes.equal(word, UInt8(ascii: "<")) | EightBytes.equal(word, UInt8(ascii: "&"))
    }

    /// The bytes of a text or an attribute value as a string; nil when they
    /// are not UTF-8. Checked once, eight bytes at a time across ASCII
    /// (`WellFormedUTF8`): the standard library's check, byte by byte, was
    /// a tenth of the parse (170 MB of text in a feed of 100,000 items).
    static func string(validating bytes: GrowingBuffer<UInt8>) -> String? {
        WellFormedUTF8.string(bytes.buffer)
    }

    /// U+FFFE and U+FFFF, after their lead byte EF.
    static func isNonCharacter(_ second: UInt8, _ third: UInt8) -> Bool {
        second == 0xBF && (third == 0xBE || third == 0xBF)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// ASCII names only: others are left to libxml2.
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    /// Letters, digits, "_", "-", "." and ":": one bit each in two words
    /// (a test a byte, not five, for every byte of every name).
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        let belowSixtyFour: UInt64 = 0x07FF_6000_0000_0000   // "-" "." "0"…"9" ":"
        let fromSixtyFour: UInt64 = 0x07FF_FFFE_87FF_FFFE    // "A"…"Z" "_" "a"…"z"
        if byte < 64 { return belowSixtyFour >> UInt64(byte) & 1 != 0 }
        return byte < 128 && fromSixtyFour >> UInt64(byte - 64) & 1 != 0
    }

    static let xmlnsName = Array("xmlns".utf8)
    static let xmlnsPrefix = Array("xmlns:".utf8)
    static let xmlPrefix = Array("xml".utf8)
}
