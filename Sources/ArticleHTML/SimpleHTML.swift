import NewsModel

/// Item HTML simple enough for the fragment scanner (`HTMLFragmentScanner`):
/// most feeds' paragraphs, headings, quotes, lists, links, emphasis, images
/// and figures, properly nested and closed. Non-generic
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
              let reader = HTMLFragmentScanner.scan(html, with: HTMLSearchText(baseURL: baseURL, room: html.utf8.count))
        else { return nil }
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
        HTMLFragmentScanner.scan(html, with: HTMLSearchText(baseURL: baseURL, room: html.utf8.count))?.textUTF8
            ?? Array(html.utf8)
    }
}

/// The text and images of a simple fragment, for the search index and the
/// image table. Text runs are copied as they come; elements that start a
/// block (and line breaks) put a space between them, so that words of two
/// paragraphs do not run together, while "<em>in</em>dex" stays one word as
/// in the blocks. What the blocks set apart (a quote's attribution, a
/// caption's credits) follows its quote or caption, and the text around it
/// joins across it, as in the blocks; a quote with no text of its own
/// leaves its attribution out with it.
struct HTMLSearchText: HTMLFragmentVisitor {
    let baseURL: String?
    private(set) var textUTF8: [UInt8] = []
    private(set) var imageURLs: [String] = []
    private var quoteDepth = 0
    /// Where the quote being read began in `textUTF8` (quotes hold no quote).
    private var quoteStart = 0
    private var captionDepth = 0
    /// Open elements, each marked when it is set apart (one at most: inside
    /// it, nothing else is).
    private var apart: [Bool] = []
    private var inApart = false
    /// The text set apart in the quote or caption being read.
    private var apartUTF8: [UInt8] = []

    /// `room`: the fragment's length in bytes, which its text does not
    /// pass (tags and references are longer than the spaces and characters
    /// they give): the text is not copied again and again as it grows.
    init(baseURL: String?, room: Int) {
        self.baseURL = baseURL
        textUTF8.reserveCapacity(room)
        apart.reserveCapacity(8)
    }

    mutating func enter<Node: HTMLNodeView>(_ node: Node) -> Bool {
        let tag = node.knownTag
        switch tag {
        case .img:
            if let url = HTMLImageSource.imageURL(node, baseURL: baseURL) { imageURLs.append(url) }
            return false
        case .br:
            appendSpace()
            return false
        default:
            if node.isBlock { appendSpace() }
            let setApart = !inApart && isSetApart(node, tag)
            apart.append(setApart)
            if setApart { inApart = true }
            switch tag {
            case .blockquote:
                quoteDepth += 1
                quoteStart = textUTF8.count
            case .figcaption: captionDepth += 1
            default: break
            }
            return true
        }
    }

    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        if inApart { apartUTF8.append(contentsOf: utf8) } else { textUTF8.append(contentsOf: utf8) }
    }

    mutating func leave<Node: HTMLNodeView>(_ node: Node) {
        if apart.popLast() == true {
            apartUTF8.append(0x20)
            inApart = false
        }
        switch node.knownTag {
        case .blockquote:
            quoteDepth -= 1
            // Empty as the blocks judge it: trimmed of every kind of space.
            let own = TextSanitizer.trimmingWhitespace(String(decoding: textUTF8[quoteStart...], as: UTF8.self))
            if own.isEmpty { apartUTF8.removeAll() } else { takeApart() }
        case .figcaption:
            captionDepth -= 1
            takeApart()
        default: break
        }
        if node.isBlock { appendSpace() }
    }

    /// As `HTMLBlockBuilder` reads them: in a quote, its <cite> or <footer>
    /// (the attribution); in a caption, its <small>, <cite> or an element
    /// with a credit class.
    private func isSetApart<Node: HTMLNodeView>(_ node: Node, _ tag: HTMLKnownTag) -> Bool {
        if captionDepth > 0 {
            return tag == .small || tag == .cite || HTMLElementKinds.isCreditClass(node.attribute("class"))
        }
        return quoteDepth > 0 && (tag == .cite || tag == .footer)
    }

    private mutating func takeApart() {
        textUTF8.append(0x20)
        textUTF8 += apartUTF8
        apartUTF8.removeAll()
    }

    private mutating func appendSpace() {
        if inApart { apartUTF8.append(0x20) } else { textUTF8.append(0x20) }
    }
}
