import CLibXML2
import NewsModel

/// An HTML fragment parsed by libxml2's HTML parser, which repairs what
/// feeds send (unclosed tags, stray entities) the way browsers would.
final class HTMLDocument {
    private let document: htmlDocPtr

    /// The fragment is wrapped in a complete page that declares UTF-8, so the
    /// parser neither guesses an encoding nor moves text into a <head>.
    init?(fragment: String) {
        LibXMLSetup.prepareThisThread()
        let page = "<html><head><meta charset=\"utf-8\"></head><body>" + Self.withoutC0Sequences(fragment)
            + "</body></html>"
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
                            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let length = page.utf8.count
        guard length <= Int(Int32.max) else { return nil }
        let parsed: htmlDocPtr? = page.withCString { bytes in
            htmlReadMemory(bytes, Int32(length), nil, "UTF-8", options)
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The HTML parser silently drops C0 controls, which would turn
    /// "ESC ] 0 ; titre BEL" into the visible text "]0;titre" where the
    /// sanitiser removes the sequence whole; so a fragment holding any is
    /// sanitised first. (XML feeds cannot hold C0 controls at all; C1
    /// sequences pass through the parser and are removed per block later,
    /// which keeps a stray C1 byte from swallowing more than its block.)
    private static func withoutC0Sequences(_ fragment: String) -> String {
        let hasC0 = fragment.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }
        return hasC0 ? TextSanitizer.clean(fragment) : fragment
    }

    /// The <body> element, whose children are the fragment.
    var body: HTMLNode? {
        var node = xmlDocGetRootElement(document)?.pointee.children
        while let current = node {
            let candidate = HTMLNode(current)
            if candidate.isElement, candidate.name == "body" { return candidate }
            node = current.pointee.next
        }
        return nil
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

    var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
    var nextSibling: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }
    var parent: HTMLNode? { pointer.pointee.parent.map(HTMLNode.init) }

    func attribute(_ name: String) -> String? {
        guard let value = LibXMLStrings.withXMLChars(name, { xmlGetProp(pointer, $0) }) else { return nil }
        defer { kiosque_xmlFree(value) }
        return String(cString: value)
    }

    func isSame(as other: HTMLNode) -> Bool { pointer == other.pointer }
}
