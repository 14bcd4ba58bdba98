import CLibXML2

/// What the feed reader yields, in document order.
enum FeedEvent {
    case start(FeedElement)
    /// Also sent for empty elements (`<link href="…"/>`), right after their start.
    case end(FeedElement)
    /// Character data, CDATA sections and expanded entity references.
    case text(String)
}

/// libxml2's streaming reader (xmlTextReader) over a feed in memory or in a file.
///
/// The reader keeps only the current branch of the tree, so memory stays
/// bounded on large feeds. Security is decided here, once for all formats:
/// no network (XML_PARSE_NONET), no entity substitution by libxml2 (no
/// XML_PARSE_NOENT), no DTD loading (no XML_PARSE_DTDLOAD), libxml2's own
/// size limits kept (no XML_PARSE_HUGE). A document declaring an external
/// entity is refused; internal entities are expanded here within a budget;
/// nesting deeper than `maximumDepth` elements is refused.
final class FeedReader {
    static let maximumDepth = 256

    private let reader: xmlTextReaderPtr
    private let errors: UnsafeMutablePointer<kiosque_xml_errors>
    private var openElements: [FeedElement] = []
    private var pendingEnd: FeedElement?
    private var entities = EntityExpander()
    private var doctypeChecked = false

    /// The buffer must stay valid for the reader's whole life: libxml2 reads
    /// it in place, without copying.
    convenience init(buffer: UnsafeBufferPointer<UInt8>) throws(ImportError) {
        guard let base = buffer.baseAddress, buffer.count <= Int(Int32.max) else {
            throw ImportError("document vide ou trop volumineux")
        }
        let encoding = DeclaredEncoding.override(forDocumentStartingWith: buffer.prefix(512))
        let bytes = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        try self.init(encoding: encoding) { options in
            xmlReaderForMemory(bytes, Int32(buffer.count), nil, encoding, options)
        }
    }

    /// Reads an open file from its current offset, a few kilobytes at a
    /// time: a feed of any size costs the same memory. `head` is the
    /// file's start (for the encoding declaration); the descriptor stays
    /// the caller's to close.
    convenience init(fileDescriptor: Int32, head: [UInt8]) throws(ImportError) {
        let encoding = head.withUnsafeBufferPointer {
            DeclaredEncoding.override(forDocumentStartingWith: $0.prefix(512))
        }
        try self.init(encoding: encoding) { options in
            xmlReaderForFd(fileDescriptor, nil, encoding, options)
        }
    }

    private init(encoding: String?, open: (Int32) -> xmlTextReaderPtr?) throws(ImportError) {
        LibXMLSetup.prepareThisThread()
        var options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
        // Without IGNORE_ENC the declaration would switch the encoding back.
        if encoding != nil { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        guard let reader = open(options) else {
            throw ImportError("XML illisible : lecteur libxml2 indisponible")
        }
        self.reader = reader
        errors = UnsafeMutablePointer<kiosque_xml_errors>.allocate(capacity: 1)
        errors.initialize(to: kiosque_xml_errors())
        kiosque_reader_capture_errors(reader, errors)
    }

    deinit {
        xmlFreeTextReader(reader)
        kiosque_xml_errors_clear(errors)
        errors.deallocate()
    }

    /// The next event, or nil at the end of the document.
    func next() throws(ImportError) -> FeedEvent? {
        if let element = pendingEnd {
            pendingEnd = nil
            return .end(element)
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 { throw readFailure() }
            switch UInt32(xmlTextReaderNodeType(reader)) {
            case XML_READER_TYPE_ELEMENT.rawValue:
                let element = currentElement()
                if element.depth >= Self.maximumDepth {
                    throw ImportError(LibXMLErrorReport.tooDeep, line: element.line)
                }
                if !doctypeChecked {
                    try refuseExternalEntityDeclarations()
                    doctypeChecked = true
                }
                if xmlTextReaderIsEmptyElement(reader) == 1 {
                    pendingEnd = element
                } else {
                    openElements.append(element)
                }
                return .start(element)
            case XML_READER_TYPE_END_ELEMENT.rawValue:
                if let element = openElements.popLast() { return .end(element) }
            case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue,
                 XML_READER_TYPE_WHITESPACE.rawValue, XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue:
                if let value = xmlTextReaderConstValue(reader) { return .text(String(cString: value)) }
            case XML_READER_TYPE_ENTITY_REFERENCE.rawValue:
                let node = xmlTextReaderCurrentNode(reader)
                let name = LibXMLStrings.string(xmlTextReaderConstLocalName(reader)) ?? ""
                let text = try entities.expand(name, in: node?.pointee.doc, line: line(of: node))
                if !text.isEmpty { return .text(text) }
            default:
                continue
            }
        }
    }

    // MARK: - Current node

    private func currentElement() -> FeedElement {
        let namespace = LibXMLStrings.string(xmlTextReaderConstNamespaceUri(reader))
        let localName = LibXMLStrings.string(xmlTextReaderConstLocalName(reader)) ?? ""
        let depth = Int(xmlTextReaderDepth(reader))
        let line = line(of: xmlTextReaderCurrentNode(reader))
        var attributes: [FeedElement.Attribute] = []
        if xmlTextReaderMoveToFirstAttribute(reader) == 1 {
            repeat {
                let attributeNamespace = LibXMLStrings.string(xmlTextReaderConstNamespaceUri(reader))
                // Namespace declarations are reported as attributes too.
                if attributeNamespace == "http://www.w3.org/2000/xmlns/" { continue }
                let name = LibXMLStrings.string(xmlTextReaderConstLocalName(reader)) ?? ""
                let value = LibXMLStrings.string(xmlTextReaderConstValue(reader)) ?? ""
                attributes.append(.init(namespace: attributeNamespace, localName: name, value: value))
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
            xmlTextReaderMoveToElement(reader)
        }
        return FeedElement(namespace: namespace, localName: localName, depth: depth, line: line,
                           attributes: attributes)
    }

    private func line(of node: xmlNodePtr?) -> Int {
        if let node {
            let line = xmlGetLineNo(node)
            if line > 0 { return Int(line) }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    // MARK: - Refusals

    /// The internal subset is complete once the root element starts. An
    /// external entity (`<!ENTITY x SYSTEM "file:///etc/passwd">`) has no
    /// place in a feed: the document is refused, whether or not it uses it.
    private func refuseExternalEntityDeclarations() throws(ImportError) {
        guard let document = xmlTextReaderCurrentNode(reader)?.pointee.doc,
              let subset = document.pointee.intSubset else { return }
        var node = subset.pointee.children
        while let current = node {
            if let entity = kiosque_entity_from_node(current), EntityExpander.isExternal(entity.pointee.etype) {
                let name = LibXMLStrings.string(entity.pointee.name) ?? "?"
                let system = LibXMLStrings.string(entity.pointee.SystemID).map { " → \($0)" } ?? ""
                throw ImportError("entité externe « \(name) »\(system) déclarée : document refusé, "
                                  + "un flux ne doit pas faire lire de fichier ni d'adresse")
            }
            node = current.pointee.next
        }
    }

    private func readFailure() -> ImportError {
        let captured = errors.pointee
        guard captured.count > 0 else {
            return ImportError("XML illisible", line: Int(xmlTextReaderGetParserLineNumber(reader)))
        }
        return LibXMLErrorReport.importError(code: Int(captured.code),
                                             line: captured.line > 0 ? Int(captured.line) : nil,
                                             message: LibXMLStrings.string(captured.message),
                                             first: LibXMLStrings.string(captured.str1),
                                             second: LibXMLStrings.string(captured.str2))
    }
}
