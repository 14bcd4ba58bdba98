import CLibXML2
import NewsModel

/// An HTML fragment parsed by libxml2's HTML parser, which repairs what
/// feeds send (unclosed tags, stray entities) the way browsers would.
final class HTMLDocument {
    private let document: htmlDocPtr

    /// The fragment is wrapped in a complete page that declares UTF-8, so the
    /// parser neither guesses an encoding nor moves text into a <head>.
    init?(fragment: String) {
        let page = "<html><head><meta charset=\"utf-8\"></head><body>" + Self.withoutC0Sequences(fragment)
            + "</body></html>"
        guard let parsed = Self.parse(page) else { return nil }
        document = parsed
    }

    /// A whole web page, already decoded to text. The text is handed over as
    /// UTF-8 and the page's own charset declaration is blanked first, so the
    /// parser cannot switch to an encoding the text is no longer in.
    init?(page: String) {
        guard let parsed = Self.parse(Self.withoutCharsetDeclarations(Self.withoutC0Sequences(page))) else { return nil }
        document = parsed
    }

    /// Parses UTF-8 text, repairing it as browsers would, without network
    /// access or error output.
    private static func parse(_ text: String) -> htmlDocPtr? {
        LibXMLSetup.prepareThisThread()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
                            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let length = text.utf8.count
        guard length <= Int(Int32.max) else { return nil }
        return text.withCString { bytes in htmlReadMemory(bytes, Int32(length), nil, "UTF-8", options) }
    }

    deinit { xmlFreeDoc(document) }

    /// Runs `work` on the <html> element. Nodes are pointers into the
    /// document, valid only while it lives: handing them out inside a call
    /// of the document's own keeps it alive for as long as they are used
    /// (Swift may otherwise free an object right after its last mention).
    func withRoot<Result, Failure: Error>(_ work: (HTMLNode?) throws(Failure) -> Result) throws(Failure) -> Result {
        try work(xmlDocGetRootElement(document).map(HTMLNode.init))
    }

    /// Runs `work` on the <body> element, whose children are the fragment
    /// (see `withRoot` on the nodes' lifetime).
    func withBody<Result>(_ work: (HTMLNode?) -> Result) -> Result {
        var node = xmlDocGetRootElement(document)?.pointee.children
        while let current = node {
            let candidate = HTMLNode(current)
            if candidate.isElement, candidate.name == "body" { return work(candidate) }
            node = current.pointee.next
        }
        return work(nil)
    }

    /// "charset=" in the first 4 KB becomes "charzet=", which no parser reads.
    private static func withoutCharsetDeclarations(_ page: String) -> String {
        var bytes = Array(page.utf8)
        let pattern = Array("charset".utf8)
        var index = 0
        let end = min(bytes.count, 4096) - pattern.count
        while index <= end {
            if bytes[index..<index + pattern.count].elementsEqual(pattern, by: { ($0 | 0x20) == $1 }) {
                bytes[index + 4] = UInt8(ascii: "z")
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The HTML parser silently drops C0 controls, which would turn
    /// "ESC ] 0 ; titre BEL" into the visible text "]0;titre" where the
    /// sanitiser removes the sequence whole; so a fragment holding any is
    /// sanitised first. (XML feeds cannot hold C0 controls at all; C1
    /// sequences pass through the parser and are removed per block later,
    /// which keeps a stray C1 byte from swallowing more than its block.)
    ///
    /// Looked for among the UTF-8 bytes, where a byte below 0x20 is always
    /// that control (the bytes of longer characters are all above 0x7F):
    /// going through the characters took a twentieth of an import whose
    /// items went through libxml2.
    private static func withoutC0Sequences(_ fragment: String) -> String {
        let hasC0 = fragment.utf8.contains { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
        return hasC0 ? TextSanitizer.clean(fragment) : fragment
    }
}

/// A node of an `HTMLDocument`, valid while the document lives.
struct HTMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// Lowercase tag name (the HTML parser lowercases names).
    var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    /// A text node's characters.
    var text: String { pointer.pointee.content.map { String(cString: $0) } ?? "" }

    func withTextUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let content = pointer.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
    var nextSibling: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }
    var parent: HTMLNode? { pointer.pointee.parent.map(HTMLNode.init) }

    func attribute(_ name: String) -> String? {
        guard let value = LibXMLStrings.withXMLChars(name, { xmlGetProp(pointer, $0) }) else { return nil }
        defer { kiosque_xmlFree(value) }
        return String(cString: value)
    }

    func isSame(as other: HTMLNode) -> Bool { pointer == other.pointer }

    var isComment: Bool { pointer.pointee.type == XML_COMMENT_NODE }

    /// Takes the node and its subtree out of the document and frees them.
    func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }

    /// Gives the element another tag name (a <form> wrapping a whole page
    /// is read as a <div>).
    func rename(_ name: String) {
        LibXMLStrings.withXMLChars(name) { xmlNodeSetName(pointer, $0) }
    }

    /// The children, in order.
    var children: [HTMLNode] {
        var result: [HTMLNode] = []
        var node = firstChild
        while let current = node {
            result.append(current)
            node = current.nextSibling
        }
        return result
    }
}
