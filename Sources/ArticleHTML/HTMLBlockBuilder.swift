import Foundation
import NewsModel

/// Turns an HTML tree into blocks in reading order (see `HTMLBlocks`).
///
/// Text goes to the innermost open sink: the running paragraph ("flow") or
/// the heading, quote, list item, table cell or caption being built.
/// Structures (headings, quotes, lists, tables) are only built from running
/// text; met inside another structure they are flattened into its text.
/// Images are blocks of their own: they follow the paragraph or structure
/// they appear in, except in a <figure>, which gives them its caption.
package struct HTMLBlockBuilder: HTMLFragmentVisitor {
    private enum Role {
        case inline, boundary, preformatted, anchor
        case heading, quote, attribution
        case list, nestedList, listItem
        case table, row, cell, tableCaption
        case figure, figcaption, credit
    }

    private struct ListContext {
        var ordered: Bool
        var items: [String] = []
    }

    private struct FigureContext {
        var images: [ImageRef] = []
        var caption: String?
        var credits: [String] = []
    }

    private struct AnchorMark {
        var url: String
        var sinkSerial: Int
        var offset: Int
        var takes: Int
    }

    package let baseURL: String?
    private var blocks: [Block] = []
    private var links = HTMLLinkNumbering()
    private var sinks: [HTMLTextSink]
    private var nextSerial = 1
    /// One per element entered, popped when it is left.
    private var roles: [Role] = []
    private var lists: [ListContext] = []
    private var attributions: [[String]] = []
    /// Cells of the table row being read (tables are only built from running
    /// text, so there is never more than one row open).
    private var row: [String]?
    private var figures: [FigureContext] = []
    private var anchors: [AnchorMark] = []
    /// Images waiting for the structure they appeared in to be written.
    private var pendingImages: [ImageRef] = []
    private var preformattedDepth = 0

    package init(baseURL: String?) {
        self.baseURL = baseURL
        sinks = [HTMLTextSink(kind: .flow, serial: 0)]
    }

    /// The blocks, ending with the numbered links when there are any.
    package mutating func finish() -> [Block] {
        flushFlow()
        emitPendingImages()
        var result = blocks
        if !links.references.isEmpty { result.append(.links(links.references)) }
        return result
    }

    // MARK: - Visiting

    package mutating func enter<Node: HTMLNodeView>(_ node: Node) -> Bool {
        if node.isText {
            node.withTextUTF8 { text($0) }
            return false
        }
        guard node.isElement else { return false }
        let name = node.name
        if HTMLElementKinds.skipped.contains(name) { return false }
        switch name {
        case "br":
            lineBreak()
            return false
        case "img", "amp-img":
            if let image = HTMLImageSource.imageRef(node, baseURL: baseURL) { addImage(image) }
            return false
        default:
            roles.append(role(entering: node, name: name))
            return true
        }
    }

    /// Text from the fragment scanner: its bytes go straight into the sink.
    package mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        if preformattedDepth > 0 {
            sinks[topIndex].appendPreformatted(String(decoding: utf8, as: UTF8.self))
        } else {
            sinks[topIndex].appendCollapsing(utf8)
        }
    }

    package mutating func leave<Node: HTMLNodeView>(_ node: Node) {
        guard let role = roles.popLast() else { return }
        switch role {
        case .inline, .nestedList:
            break
        case .boundary:
            boundary()
        case .preformatted:
            boundary()
            preformattedDepth -= 1
        case .anchor:
            finishAnchor()
        case .heading:
            var sink = popSink()
            let text = TextSanitizer.cleanLine(sink.take())
            if case .heading(let level) = sink.kind, !text.isEmpty {
                blocks.append(.heading(level: level, text: text))
            }
            emitPendingImages()
        case .quote:
            var sink = popSink()
            let text = TextSanitizer.clean(sink.take())
            let attribution = (attributions.popLast() ?? []).joined(separator: " ")
            if !text.isEmpty {
                blocks.append(.quote(text: text, attribution: Self.attributionText(attribution)))
            }
            emitPendingImages()
        case .attribution:
            var sink = popSink()
            let text = sink.take()
            if !text.isEmpty, !attributions.isEmpty { attributions[attributions.count - 1].append(text) }
        case .list:
            var loose = popSink()
            var list = lists.popLast() ?? ListContext(ordered: false)
            let leftover = TextSanitizer.cleanLine(loose.take())
            if !leftover.isEmpty { list.items.append(leftover) }
            if !list.items.isEmpty { blocks.append(.list(ordered: list.ordered, items: list.items)) }
            emitPendingImages()
        case .listItem:
            commitListItem()
            _ = popSink()
        case .table:
            emitRow()  // cells written without a <tr>
            _ = popSink()
            emitPendingImages()
        case .row:
            emitRow()
        case .cell:
            var sink = popSink()
            row?.append(TextSanitizer.cleanLine(sink.take()))
        case .tableCaption:
            var sink = popSink()
            let text = TextSanitizer.cleanLine(sink.take())
            if !text.isEmpty { blocks.append(.paragraph(text)) }
        case .figure:
            finishFigure()
        case .figcaption:
            var sink = popSink()
            if !figures.isEmpty { figures[figures.count - 1].caption = sink.take() }
        case .credit:
            var sink = popSink()
            let text = sink.take()
            if !text.isEmpty, !figures.isEmpty { figures[figures.count - 1].credits.append(text) }
        }
    }

    // MARK: - Roles

    private mutating func role<Node: HTMLNodeView>(entering node: Node, name: String) -> Role {
        let kind = top.kind
        let inFlow = kind == .flow
        if let level = HTMLElementKinds.headingLevel(name) {
            guard inFlow else { return startBoundary() }
            flushFlow()
            pushSink(.heading(level: level))
            return .heading
        }
        switch name {
        case "a":
            guard let url = linkURL(node.attribute("href")) else { return .inline }
            anchors.append(AnchorMark(url: url, sinkSerial: top.serial, offset: top.count, takes: top.takes))
            return .anchor
        case "blockquote":
            guard inFlow else { return startBoundary() }
            flushFlow()
            pushSink(.quote)
            attributions.append([])
            return .quote
        case "cite" where kind == .quote, "footer" where kind == .quote:
            pushSink(.attribution)
            return .attribution
        case "ul", "ol":
            if inFlow {
                flushFlow()
                lists.append(ListContext(ordered: name == "ol"))
                pushSink(.listLoose)
                return .list
            }
            if kind == .listItem {
                // The parent item's text comes before its sub-items.
                commitListItem()
                return .nestedList
            }
            return kind == .listLoose ? .nestedList : startBoundary()
        case "li" where kind == .listLoose || kind == .listItem:
            pushSink(.listItem)
            return .listItem
        case "table":
            guard inFlow else { return startBoundary() }
            flushFlow()
            pushSink(.tableLoose)
            return .table
        case "tr" where kind == .tableLoose:
            row = []
            return .row
        case "td" where kind == .tableLoose, "th" where kind == .tableLoose:
            if row == nil { row = [] }
            pushSink(.cell)
            return .cell
        case "caption" where kind == .tableLoose:
            pushSink(.cell)
            return .tableCaption
        case "figure":
            if inFlow { flushFlow() }
            figures.append(FigureContext())
            return .figure
        case "figcaption" where !figures.isEmpty:
            pushSink(.caption)
            return .figcaption
        case "small" where kind == .caption, "cite" where kind == .caption:
            pushSink(.credit)
            return .credit
        case "pre":
            preformattedDepth += 1
            _ = startBoundary()
            return .preformatted
        default:
            if kind == .caption, HTMLElementKinds.isCreditClass(node.attribute("class")) {
                pushSink(.credit)
                return .credit
            }
            return node.isBlock ? startBoundary() : .inline
        }
    }

    // MARK: - Text

    /// The innermost sink, for reading; changes go through `sinks[topIndex]`
    /// so that the text is appended in place rather than copied.
    private var top: HTMLTextSink { sinks[topIndex] }
    private var topIndex: Int { sinks.count - 1 }

    private mutating func pushSink(_ kind: HTMLTextSink.Kind) {
        sinks.append(HTMLTextSink(kind: kind, serial: nextSerial))
        nextSerial += 1
    }

    private mutating func popSink() -> HTMLTextSink {
        // The flow sink at the bottom is never popped: roles and sinks are
        // pushed in pairs, so this only guards against a broken pairing.
        sinks.count > 1 ? sinks.removeLast() : HTMLTextSink(kind: .flow, serial: -1)
    }

    /// A block element starts or ends: a new paragraph in running text, a
    /// line break in a quote, a space elsewhere.
    private mutating func boundary() {
        switch top.kind {
        case .flow: flushFlow()
        case .quote: sinks[topIndex].appendLineBreak()
        default: sinks[topIndex].appendSpace()
        }
    }

    private mutating func startBoundary() -> Role {
        boundary()
        return .boundary
    }

    /// One <br> breaks the line; two in a row in running text are how many
    /// feeds separate paragraphs.
    private mutating func lineBreak() {
        switch top.kind {
        case .flow:
            if top.endsWithLineBreak { flushFlow() } else { sinks[topIndex].appendLineBreak() }
        case .quote:
            sinks[topIndex].appendLineBreak()
        default:
            sinks[topIndex].appendSpace()
        }
    }

    private mutating func flushFlow() {
        guard top.kind == .flow else { return }
        let text = TextSanitizer.clean(sinks[topIndex].take())
        if !text.isEmpty { blocks.append(.paragraph(text)) }
        emitPendingImages()
    }

    /// A table row is one paragraph, its non-empty cells separated by " · ".
    private mutating func emitRow() {
        guard let cells = row?.filter({ !$0.isEmpty }) else { return }
        row = nil
        if !cells.isEmpty { blocks.append(.paragraph(cells.joined(separator: " · "))) }
    }

    private mutating func commitListItem() {
        guard top.kind == .listItem else { return }
        let text = TextSanitizer.cleanLine(sinks[topIndex].take())
        if !text.isEmpty, !lists.isEmpty { lists[lists.count - 1].items.append(text) }
    }

    // MARK: - Links

    /// http(s) links only; in-page anchors, mail and script links keep
    /// their text without a reference.
    private func linkURL(_ href: String?) -> String? {
        guard let href = href.map(TextSanitizer.trimmingWhitespace), !href.isEmpty,
              !href.hasPrefix("#") else { return nil }
        return CanonicalURL.resolve(href, against: baseURL)
    }

    private mutating func finishAnchor() {
        guard let mark = anchors.popLast(),
              let index = sinks.lastIndex(where: { $0.serial == mark.sinkSerial }),
              sinks[index].takes == mark.takes else { return }
        let text = TextSanitizer.cleanLine(sinks[index].text(from: mark.offset))
        guard !text.isEmpty else { return }
        let number = links.number(for: mark.url, text: text)
        sinks[index].appendAttached("[\(number)]")
    }

    // MARK: - Images

    private mutating func addImage(_ image: ImageRef) {
        if figures.isEmpty {
            pendingImages.append(image)
        } else {
            figures[figures.count - 1].images.append(image)
        }
    }

    /// Writes waiting images once back in running text.
    private mutating func emitPendingImages() {
        guard top.kind == .flow, !pendingImages.isEmpty else { return }
        blocks.append(contentsOf: pendingImages.map(Block.image))
        pendingImages = []
    }

    /// A figure's caption goes to its images, without the credit, which is
    /// kept apart. A figure without an image keeps its caption as text.
    private mutating func finishFigure() {
        guard let figure = figures.popLast() else { return }
        let credit = figure.credits.map(TextSanitizer.cleanLine).filter { !$0.isEmpty }.joined(separator: " ")
        let caption = figure.caption.map(TextSanitizer.cleanLine) ?? ""
        if figure.images.isEmpty {
            let text = [caption, credit].filter { !$0.isEmpty }.joined(separator: " ")
            if !text.isEmpty {
                if top.kind == .flow { flushFlow() }
                sinks[topIndex].appendCollapsing(text)
                boundary()
            }
            return
        }
        let images = figure.images.map { image in
            ImageRef(url: image.url, alt: image.alt, caption: caption, credit: credit)
        }
        if !figures.isEmpty {
            figures[figures.count - 1].images.append(contentsOf: images)
        } else {
            flushFlow()
            pendingImages.append(contentsOf: images)
            emitPendingImages()
        }
    }

    private static func attributionText(_ raw: String) -> String? {
        let dashes = CharacterSet(charactersIn: "—–-―").union(.whitespacesAndNewlines)
        let text = TextSanitizer.cleanLine(raw.trimmingCharacters(in: dashes))
        return text.isEmpty ? nil : text
    }
}
