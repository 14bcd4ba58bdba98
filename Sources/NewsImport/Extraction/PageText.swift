import ArticleHTML
import Foundation

/// The visible text of a page as lines (one per block), with the line the
/// title is on, so that the byline and date can be looked for around the
/// title rather than in a sidebar or the comments.
struct PageText {
    private(set) var lines: [String] = []
    private(set) var titleLine: Int?

    init(root: HTMLNode, title: HTMLNode?) {
        var walker = Walker(title: title)
        HTMLTreeWalk.visit(descendantsOf: root, with: &walker)
        walker.endLine()
        lines = walker.lines
        titleLine = walker.titleLine
    }

    /// The lines from a few before the title to some way after it (the
    /// whole page when there is no title).
    var aroundTitle: ArraySlice<String> {
        guard let titleLine else { return lines[...] }
        return lines[max(0, titleLine - 6)..<min(lines.count, titleLine + 25)]
    }

    private struct Walker: HTMLDocumentVisitor {
        let title: HTMLNode?
        var lines: [String] = []
        var current = ""
        var titleLine: Int?

        mutating func enter(_ node: HTMLNode) -> Bool {
            if node.isText {
                current += node.text
                return false
            }
            guard node.isElement else { return false }
            let name = node.name
            if ["script", "style", "noscript", "template", "head", "svg"].contains(name) { return false }
            if name == "br" || HTMLElementKinds.blocks.contains(name) { endLine() }
            if let title, node.isSame(as: title) { titleLine = lines.count }
            return true
        }

        mutating func leave(_ node: HTMLNode) {
            if HTMLElementKinds.blocks.contains(node.name) { endLine() }
        }

        mutating func endLine() {
            let line = current.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                .joined(separator: " ")
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
    }
}
