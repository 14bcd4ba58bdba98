import NewsModel

/// Item HTML simple enough for the fragment scanner (`HTMLFragmentScanner`):
/// most feeds' paragraphs, links, emphasis, images and figures. Non-generic
/// entry points, so that the scanner is specialised for its visitors here,
/// whatever module calls.
package enum SimpleHTML {
    /// The fragment's blocks, or nil when it is not simple (libxml2 must
    /// read it, see `HTMLBlocks`).
    package static func blocks(_ html: String, baseURL: String?) -> [Block]? {
        guard var builder = HTMLFragmentScanner.scan(html, with: HTMLBlockBuilder(baseURL: baseURL)) else { return nil }
        return builder.finish()
    }

    /// The fragment kept for later, with what an import needs of it now (its
    /// text and its images), without making its blocks. Nil when it is not
    /// simple, or holds anything `TextSanitizer` would remove or change (a
    /// control, a bidi override, text not in NFC): its blocks must then be
    /// made now, the ordinary way, which cleans them.
    package static func deferred(_ html: String, baseURL: String?) -> DeferredHTML? {
        guard TextSanitizer.needsNoCleaning(html),
              let reader = HTMLFragmentScanner.scan(html, with: HTMLSearchText(baseURL: baseURL)) else { return nil }
        return DeferredHTML(html: html, baseURL: baseURL, textUTF8: reader.textUTF8, imageURLs: reader.imageURLs)
    }

    /// The blocks of HTML kept by `deferred`, for the store. Such HTML was
    /// simple when kept, and the scanner reads it the same way every time;
    /// should a store hold anything else, it is shown as one paragraph,
    /// sanitised, rather than lost.
    package static func storedBlocks(_ html: String, baseURL: String?) -> [Block] {
        if let blocks = blocks(html, baseURL: baseURL) { return blocks }
        let text = TextSanitizer.clean(html)
        return text.isEmpty ? [] : [.paragraph(text)]
    }

    /// The text `deferred` gave for HTML a store holds, for the search index.
    package static func storedText(_ html: String, baseURL: String?) -> [UInt8] {
        HTMLFragmentScanner.scan(html, with: HTMLSearchText(baseURL: baseURL))?.textUTF8 ?? Array(html.utf8)
    }
}

/// The text and images of a simple fragment, for the search index and the
/// image table. Text runs are copied as they come; elements that start a
/// block (and line breaks) put a space between them, so that words of two
/// paragraphs do not run together, while "<em>in</em>dex" stays one word as
/// in the blocks. A caption's credits are set apart and follow the caption,
/// as the blocks give them (the caption's text joins across them).
struct HTMLSearchText: HTMLFragmentVisitor {
    let baseURL: String?
    private(set) var textUTF8: [UInt8] = []
    private(set) var imageURLs: [String] = []
    private var captionDepth = 0
    /// Open elements, each marked when it is a caption's credit.
    private var credits: [Bool] = []
    /// The text of the credits of the caption being read.
    private var creditUTF8: [UInt8] = []
    private var inCredit: Bool { credits.contains(true) }

    init(baseURL: String?) {
        self.baseURL = baseURL
    }

    mutating func enter<Node: HTMLNodeView>(_ node: Node) -> Bool {
        switch node.name {
        case "img":
            if let url = HTMLImageSource.imageRef(node, baseURL: baseURL)?.url { imageURLs.append(url) }
            return false
        case "br":
            appendSpace()
            return false
        default:
            // A credit is an element of a caption's own text with a credit
            // class; inside a credit, such an element is only inline.
            let credit = captionDepth > 0 && !inCredit && HTMLElementKinds.isCreditClass(node.attribute("class"))
            if HTMLElementKinds.blocks.contains(node.name) { appendSpace() }
            credits.append(credit)
            if node.name == "figcaption" { captionDepth += 1 }
            return true
        }
    }

    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        if inCredit { creditUTF8.append(contentsOf: utf8) } else { textUTF8.append(contentsOf: utf8) }
    }

    mutating func leave<Node: HTMLNodeView>(_ node: Node) {
        if credits.popLast() == true { creditUTF8.append(0x20) }
        if node.name == "figcaption" {
            captionDepth -= 1
            textUTF8.append(0x20)
            textUTF8 += creditUTF8
            creditUTF8.removeAll()
        }
        if HTMLElementKinds.blocks.contains(node.name) { appendSpace() }
    }

    private mutating func appendSpace() {
        if inCredit { creditUTF8.append(0x20) } else { textUTF8.append(0x20) }
    }
}
