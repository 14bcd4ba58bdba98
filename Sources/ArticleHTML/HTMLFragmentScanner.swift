import NewsModel

/// An element read by `HTMLFragmentScanner` (its text goes to the visitor
/// as bytes, never as a node). Lent to the visitor while the scanner runs,
/// never kept past it: its attributes point into the fragment's bytes.
package struct HTMLFragmentNode: HTMLNodeView {
    package var name: String
    /// The attributes as written, looked at only when asked for: most
    /// (links' addresses, images' sizes) never are, and making two strings
    /// of each, name and value, was a tenth of the scanner's time.
    fileprivate var attributes: [HTMLFragmentAttribute]
    /// The fragment, while the scanner reads it.
    fileprivate var fragment: UnsafeBufferPointer<UInt8>
    /// Known from the scanner's own table of tags, where the set of block
    /// tags hashed the name of every element twice.
    package var isBlock: Bool
    /// From the same table: the visitors tell the tags they look for by it,
    /// not by comparing names (a tenth of the scan of an item's HTML).
    package var knownTag: HTMLKnownTag

    package var isElement: Bool { true }
    package var isText: Bool { false }
    package var text: String { "" }

    package func attribute(_ name: String) -> String? {
        var name = name
        // The name's bytes are compared where they lie, not walked through
        // as a string's (an import looks up each image's source and sizes:
        // 530 instructions a look-up that way).
        return name.withUTF8 { wanted in
            // The first of duplicates, as libxml2 keeps.
            for found in attributes where found.isNamed(wanted, in: fragment) {
                return found.decoded
                    ?? String(decoding: UnsafeBufferPointer(rebasing: fragment[found.value]), as: UTF8.self)
            }
            return nil
        }
    }
}

/// An attribute of an `HTMLFragmentNode`: where its name and its value lie
/// in the fragment, and the value itself when a reference in it had to be
/// decoded.
private struct HTMLFragmentAttribute {
    var name: Range<Int>
    var value: Range<Int>
    var decoded: String?

    /// Whether the name is `lowercase`, whatever the case it is written in
    /// (libxml2 lowercases attribute names).
    func isNamed(_ lowercase: UnsafeBufferPointer<UInt8>, in fragment: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lowercase.count == name.count else { return false }
        var offset = name.lowerBound
        for byte in lowercase {
            let written = fragment[offset]
            // Names hold letters, digits and hyphens: only letters have a case.
            guard (written &- 0x41 < 26 ? written | 0x20 : written) == byte else { return false }
            offset += 1
        }
        return true
    }
}

/// Reads simple item HTML without libxml2: paragraphs, headings, quotes,
/// lists, links, emphasis, line breaks, images and figures with captions,
/// properly nested and closed, with HTML 4's named references. Anything
/// else (another tag, an odd comment, a stray "<" or "&", an unknown entity, a
/// control character, an element where libxml2 would repair the nesting)
/// makes `scan` return nil, and the fragment goes to libxml2's parser. A
/// test holds both paths to the same blocks on the fixtures and on random
/// fragments.
package enum HTMLFragmentScanner {
    private enum Kind {
        /// `rule`: <hr>, a block with no content, like `void` an element
        /// with no end tag.
        case division, paragraph, heading, quote, list, listItem, figure, figcaption, inline, void, rule

        /// As `HTMLElementKinds.blocks` says of the tags of this kind.
        var isBlock: Bool {
            switch self {
            case .division, .paragraph, .heading, .quote, .list, .listItem, .figure, .figcaption, .rule: true
            case .inline, .void: false
            }
        }

        var hasNoEndTag: Bool { self == .void || self == .rule }
    }

    /// Shows the fragment to the visitor as it reads it, exactly as
    /// `HTMLTreeWalk.visit` shows libxml2's tree of the same fragment:
    /// `leave` after the children of each element the visitor entered,
    /// nothing inside one it declined, and text as decoded bytes (no string
    /// per text node). Nil when the fragment is not one the scanner reads:
    /// the visitor has then seen part of it and must be dropped.
    /// The visitor is consumed: the scanner then holds the only reference
    /// to its arrays, which grow in place (a copy of the caller's kept
    /// them shared, and each array was copied at its first append).
    package static func scan<Visitor: HTMLFragmentVisitor>(_ html: String, with visitor: consuming Visitor) -> Visitor? {
        var html = html
        var scanner = Scanner(visitor: visitor)
        let read = html.withUTF8 { scanner.run(over: $0) }
        return read ? scanner.visitor : nil
    }

    /// How deep elements may nest in a fragment the scanner reads: well
    /// within libxml2's own limit, past which it drops elements (about 254
    /// with the page's <html> and <body> around the fragment).
    static let maximumDepth = 128

    /// The tags the scanner reads, what each may hold, and how visitors
    /// know it.
    private static let tags: [(name: String, kind: Kind, known: HTMLKnownTag)] = [
        ("p", .paragraph), ("a", .inline), ("em", .inline), ("strong", .inline), ("b", .inline), ("i", .inline),
        ("u", .inline), ("span", .inline), ("img", .void), ("br", .void), ("figure", .figure),
        ("figcaption", .figcaption), ("h1", .heading), ("h2", .heading), ("h3", .heading), ("h4", .heading),
        ("h5", .heading), ("h6", .heading), ("blockquote", .quote), ("ul", .list), ("ol", .list),
        ("li", .listItem), ("div", .division), ("section", .division), ("article", .division),
        ("header", .division), ("footer", .division), ("aside", .division), ("main", .division), ("hr", .rule),
        ("sup", .inline), ("sub", .inline), ("small", .inline),
        ("cite", .inline), ("q", .inline), ("abbr", .inline), ("code", .inline), ("mark", .inline),
        ("time", .inline), ("s", .inline), ("del", .inline), ("ins", .inline),
    ].map { (name: String, kind: Kind) in (name, kind, HTMLKnownTag(name: name)) }

    /// The numbers of the tags the nesting rules name.
    private static let blockquote = tags.firstIndex { $0.name == "blockquote" }!
    private static let figure = tags.firstIndex { $0.name == "figure" }!
    private static let link = tags.firstIndex { $0.name == "a" }!

    /// A tag name of up to ten letters, lowercased and packed into two
    /// integers: the tag read is found among `tags` by comparing integers,
    /// where comparing each name's letters took a hundredth of an import.
    private struct TagKey: Equatable {
        let low: UInt64
        let high: UInt16

        init<Letters: Collection<UInt8>>(_ letters: Letters) {
            // Lowercased by setting each letter's 0x20 bit (a digit has it).
            let lower: UInt64 = 0x2020_2020_2020_2020
            // The scanner's names lie in memory: loaded, not walked through.
            let (first, second) = letters.withContiguousStorageIfAvailable {
                (EightBytes.packed($0), EightBytes.packed($0, from: 8))
            } ?? (EightBytes.packed(letters), EightBytes.packed(letters, from: 8))
            low = first | EightBytes.keeping(first: letters.count, of: lower)
            high = UInt16(truncatingIfNeeded: second | EightBytes.keeping(first: letters.count - 8, of: lower))
        }
    }

    private static let tagKeys = tags.map { TagKey($0.name.utf8) }

    private struct Scanner<Visitor: HTMLFragmentVisitor> {
        /// The fragment, while `run` reads it.
        var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var index = 0
        var visitor: Visitor
        /// Open elements, innermost last; the fragment's parent is the
        /// page's body.
        /// (Numbers into `tags`: compared as names, they were retained and
        /// released at each look.)
        var open: [(tag: Int, kind: Kind)] = []
        /// The open elements the visitor entered, to be left at their end.
        var entered: [HTMLFragmentNode] = []
        /// How deep inside an element the visitor declined.
        var skipping = 0
        var decoded: [UInt8] = []

        init(visitor: consuming Visitor) {
            self.visitor = visitor
            // Room for the usual nesting at once: growing these arrays was
            // a tenth of the allocations of an import.
            open.reserveCapacity(8)
            entered.reserveCapacity(8)
        }

        mutating func run(over fragment: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes = fragment
            defer { bytes = UnsafeBufferPointer(start: nil, count: 0) }
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    guard index + 1 < bytes.count else { return false }
                    let next = bytes[index + 1]
                    if next == UInt8(ascii: "/") {
                        guard endTag() else { return false }
                    } else if isLetter(next) {
                        guard startTag() else { return false }
                    } else if next == UInt8(ascii: "!") {
                        guard comment() else { return false }
                    } else {
                        return false   // processing instruction, stray "<"
                    }
                } else {
                    guard text() else { return false }
                }
            }
            return open.isEmpty   // libxml2 would close what is left open: let it
        }

        /// A comment ("<!-- wp:paragraph -->", as WordPress writes around
        /// its blocks), passed over as libxml2's tree walk passes over its
        /// node. One holding "--", or one that ends at once ("<!-->"), and
        /// a doctype are left to libxml2.
        private mutating func comment() -> Bool {
            let dash = UInt8(ascii: "-"), close = UInt8(ascii: ">")
            guard index + 4 <= bytes.count, bytes[index + 2] == dash, bytes[index + 3] == dash else { return false }
            var i = index + 4
            if i < bytes.count, bytes[i] == close || (bytes[i] == dash && i + 1 < bytes.count && bytes[i + 1] == close) {
                return false
            }
            while i + 1 < bytes.count {
                if bytes[i] == dash && bytes[i + 1] == dash {
                    guard i + 2 < bytes.count, bytes[i + 2] == close else { return false }
                    index = i + 3
                    return true
                }
                i += 1
            }
            return false
        }

        // MARK: Tags

        private mutating func startTag() -> Bool {
            index += 1
            guard let tag = readTag() else { return false }
            let (name, kind, knownTag) = HTMLFragmentScanner.tags[tag]
            guard allowed(kind, tag: tag) else { return false }
            var attributes: [HTMLFragmentAttribute] = []
            var selfClosing = false
            while true {
                skipSpaces()
                guard index < bytes.count else { return false }
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") { index += 1; break }
                if byte == UInt8(ascii: "/") {
                    guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else { return false }
                    index += 2
                    selfClosing = true
                    break
                }
                guard isLetter(byte) else { return false }
                let attributeName = nameBytes(hyphens: true)
                skipSpaces()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return false }   // no bare attributes
                index += 1
                skipSpaces()
                guard let (value, decoded) = readQuoted() else { return false }
                if attributes.isEmpty { attributes.reserveCapacity(4) }   // one allocation for the usual few
                attributes.append(HTMLFragmentAttribute(name: attributeName.startIndex..<attributeName.endIndex,
                                                        value: value, decoded: decoded))
            }
            let isVoid = kind.hasNoEndTag
            if selfClosing && !isVoid { return false }
            // Deeper fragments go to libxml2, which has its own way with
            // them; the checks above look through the open elements.
            if !isVoid { guard open.count < HTMLFragmentScanner.maximumDepth else { return false } }
            if !isVoid { open.append((tag, kind)) }
            let node = HTMLFragmentNode(name: name, attributes: attributes, fragment: bytes, isBlock: kind.isBlock,
                                        knownTag: knownTag)
            if skipping > 0 {
                if !isVoid { skipping += 1 }
            } else if visitor.enter(node) {
                if isVoid { visitor.leave(node) } else { entered.append(node) }
            } else if !isVoid {
                skipping = 1
            }
            return true
        }

        private mutating func endTag() -> Bool {
            index += 2
            let tag = readTag()
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ">"), let last = open.last, last.tag == tag else {
                return false   // a mismatched or stray end tag: libxml2 repairs it
            }
            index += 1
            open.removeLast()
            if skipping > 0 {
                skipping -= 1
            } else if let node = entered.popLast() {
                visitor.leave(node)
            }
            return true
        }

        /// Where each element may stand without libxml2 moving anything:
        /// blocks at the top or in a <div> (or <section>, <article>…) only
        /// (paragraphs in a quote too), captions in figures, list items in
        /// lists, inline elements in running text (a link never inside a
        /// link), nothing but items directly in a list.
        private func allowed(_ kind: Kind, tag: Int) -> Bool {
            let parent = open.last?.tag
            let atTop = parent == nil || open.last?.kind == .division
            switch kind {
            case .paragraph: return atTop || parent == HTMLFragmentScanner.blockquote
            case .division, .heading, .quote, .list, .figure, .rule: return atTop
            case .figcaption: return parent == HTMLFragmentScanner.figure
            case .listItem: return inList
            case .void: return !inList
            case .inline:
                if tag == HTMLFragmentScanner.link, open.contains(where: { $0.tag == HTMLFragmentScanner.link }) {
                    return false
                }
                return parent != HTMLFragmentScanner.figure && !inList
            }
        }

        /// The innermost open element is a list, which holds items only
        /// (and the spaces between them).
        private var inList: Bool { open.last?.kind == .list }

        /// The number of one of `tags`, matched without making a string; nil
        /// for any other.
        private mutating func readTag() -> Int? {
            let read = nameBytes()
            guard read.count <= 10 else { return nil }   // "blockquote" and "figcaption" are the longest
            return HTMLFragmentScanner.tagKeys.firstIndex(of: TagKey(read))
        }

        /// A letter, then letters and digits (and "-" with `hyphens`), from
        /// `index`.
        private mutating func nameBytes(hyphens: Bool = false) -> Slice<UnsafeBufferPointer<UInt8>> {
            let start = index
            while index < bytes.count, isLetter(bytes[index])
                    || (index > start && (isDigit(bytes[index]) || (hyphens && bytes[index] == UInt8(ascii: "-")))) {
                index += 1
            }
            return bytes[start..<index]
        }

        /// A quoted value: where it lies, and the value itself when a
        /// reference in it had to be decoded.
        private mutating func readQuoted() -> (value: Range<Int>, decoded: String?)? {
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            index += 1
            // Bytes are gathered only once a reference needs decoding: a
            // value without one (most URLs) is read in place when asked for.
            let start = index
            var gathered = false
            while index < bytes.count, bytes[index] != quote {
                let byte = bytes[index]
                // Layout characters in values: whatever libxml2 makes of them, not guessed here.
                if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "<") { return nil }
                if byte == UInt8(ascii: "&") {
                    if !gathered {
                        decoded.removeAll(keepingCapacity: true)
                        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                        gathered = true
                    }
                    guard entity() else { return nil }
                } else {
                    if gathered { decoded.append(byte) }
                    index += 1
                }
            }
            guard index < bytes.count else { return nil }
            let value = start..<index
            index += 1
            return (value, gathered ? String(decoding: decoded, as: UTF8.self) : nil)
        }

        private mutating func skipSpaces() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D, 0x0C: index += 1
                default: return
                }
            }
        }

        // MARK: Text

        /// A text node: handed over in place when it holds no entity,
        /// decoded into `decoded` when it does.
        private mutating func text() -> Bool {
            decoded.removeAll(keepingCapacity: true)
            var hadEntity = false
            let spacesOnly = inList
            while true {
                let start = index
                while index < bytes.count {
                    // Eight bytes at a time while none is one of those below.
                    if !spacesOnly {
                        index = EightBytes.skipUnmarked(in: bytes, from: index, to: bytes.count) { word in
                            EightBytes.below(word, 0x20) | EightBytes.equal(word, 0x7F)
                                | EightBytes.equal(word, UInt8(ascii: "<")) | EightBytes.equal(word, UInt8(ascii: "&"))
                        }
                        guard index < bytes.count else { break }
                    }
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
                    if spacesOnly && byte != 0x20 && byte != 0x0A && byte != 0x09 { return false }
                    // Controls (escape sequences among them) go through libxml2
                    // and the sanitiser's path; so does CR, which it rewrites.
                    if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { return false }
                    index += 1
                }
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if index < bytes.count, bytes[index] == UInt8(ascii: "&") {
                    if spacesOnly { return false }
                    decoded.append(contentsOf: run)
                    hadEntity = true
                    guard entity() else { return false }
                    continue
                }
                guard skipping == 0 else { return true }
                if hadEntity {
                    decoded.append(contentsOf: run)
                    decoded.withUnsafeBufferPointer { visitor.text($0) }
                } else {
                    visitor.text(run)
                }
                return true
            }
        }

        /// Decodes "&name;", "&#123;" or "&#x7B;" into `decoded`; false for
        /// anything else.
        private mutating func entity() -> Bool {
            var end = index + 1
            while end < bytes.count, end - index <= 10, bytes[end] != UInt8(ascii: ";") { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return false }
            let body = bytes[(index + 1)..<end]
            let value: UInt32
            if body.first == UInt8(ascii: "#") {
                var digits = body.dropFirst()
                var radix: UInt32 = 10
                if let first = digits.first, first == UInt8(ascii: "x") || first == UInt8(ascii: "X") {
                    radix = 16
                    digits = digits.dropFirst()
                }
                guard let number = CharacterReference.number(digits, radix: radix, maximumDigits: 6) else {
                    return false
                }
                value = number
            } else {
                guard let named = HTMLEntities.codePoints[String(decoding: body, as: UTF8.self)] else { return false }
                value = named
            }
            // Printable characters only: controls take libxml2's path.
            guard (0x20..<0x7F).contains(value) || (0xA0...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value),
                  let scalar = Unicode.Scalar(value) else { return false }
            decoded.append(contentsOf: String(Character(scalar)).utf8)
            index = end + 1
            return true
        }

        private func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    }
}
