import ArticleHTML
import NewsModel

/// How much text each element of a page holds, measured once per pass:
/// characters (without spaces), characters inside links, commas, and the
/// text that is its own (not inside a block child), with the <br>s that
/// split it. The content finder and the cleaner decide on these numbers.
struct PageStatistics {
    struct Counts {
        var characters = 0
        var linkCharacters = 0
        var commas = 0
        var images = 0
        var ownCharacters = 0
        var ownCommas = 0
        var ownBreaks = 0

        var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
    }

    private(set) var counts: [NodeKey: Counts] = [:]
    /// Every element, in document order.
    private(set) var elements: [HTMLNode] = []

    init(root: HTMLNode) {
        var walker = Walker()
        HTMLTreeWalk.visit(descendantsOf: root, with: &walker)
        counts = walker.counts
        elements = walker.elements
    }

    subscript(node: HTMLNode) -> Counts { counts[NodeKey(node)] ?? Counts() }

    private struct Walker: HTMLDocumentVisitor {
        var counts: [NodeKey: Counts] = [:]
        var elements: [HTMLNode] = []
        var stack: [(node: HTMLNode, counts: Counts, isBlock: Bool)] = []
        var anchors = 0

        mutating func enter(_ node: HTMLNode) -> Bool {
            if node.isText {
                guard !stack.isEmpty else { return false }
                var characters = 0, commas = 0
                for scalar in node.text.unicodeScalars where !scalar.properties.isWhitespace {
                    characters += 1
                    if scalar == "," { commas += 1 }
                }
                stack[stack.count - 1].counts.characters += characters
                stack[stack.count - 1].counts.commas += commas
                if anchors > 0 { stack[stack.count - 1].counts.linkCharacters += characters }
                if let block = stack.lastIndex(where: { $0.isBlock }) {
                    stack[block].counts.ownCharacters += characters
                    stack[block].counts.ownCommas += commas
                }
                return false
            }
            guard node.isElement else { return false }
            let name = node.name
            if name == "br", let block = stack.lastIndex(where: { $0.isBlock }) {
                stack[block].counts.ownBreaks += 1
            }
            if name == "a" { anchors += 1 }
            elements.append(node)
            var fresh = Counts()
            if name == "img" || name == "amp-img" { fresh.images = 1 }
            stack.append((node, fresh, HTMLElementKinds.blocks.contains(name) || name == "body"))
            return true
        }

        mutating func leave(_ node: HTMLNode) {
            guard let (finished, own, _) = stack.popLast() else { return }
            if finished.name == "a" { anchors -= 1 }
            counts[NodeKey(finished)] = own
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].counts.characters += own.characters
            stack[stack.count - 1].counts.linkCharacters += own.linkCharacters
            stack[stack.count - 1].counts.commas += own.commas
            stack[stack.count - 1].counts.images += own.images
        }
    }
}

/// A node's address, to key per-node facts.
struct NodeKey: Hashable {
    let address: UnsafeMutableRawPointer
    init(_ node: HTMLNode) { address = UnsafeMutableRawPointer(node.pointer) }
}
