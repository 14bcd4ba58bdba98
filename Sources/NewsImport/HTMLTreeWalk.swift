import ArticleHTML

extension HTMLNode: HTMLNodeView {}

/// Visits the descendants of a node without recursion, following the tree's
/// own parent and sibling links: a fragment of 10,000 nested <div>s costs
/// no stack.
enum HTMLTreeWalk {
    static func visit<Visitor: HTMLTreeVisitor>(descendantsOf root: HTMLNode, with visitor: inout Visitor) {
        var next = root.firstChild
        while let node = next {
            if visitor.enter(node) {
                if let child = node.firstChild {
                    next = child
                    continue
                }
                visitor.leave(node)
            }
            // No children to visit: move on to the next sibling, leaving
            // every ancestor whose children are all done on the way up.
            next = nil
            var current = node
            while true {
                if let sibling = current.nextSibling {
                    next = sibling
                    break
                }
                guard let parent = current.parent, !parent.isSame(as: root) else { break }
                visitor.leave(parent)
                current = parent
            }
        }
    }
}

extension HTMLTreeWalk {
    /// Visits a node itself, then its descendants.
    static func visit<Visitor: HTMLTreeVisitor>(node: HTMLNode, with visitor: inout Visitor) {
        guard visitor.enter(node) else { return }
        visit(descendantsOf: node, with: &visitor)
        visitor.leave(node)
    }
}

/// A visitor that needs libxml2's own nodes (their parents, their removal):
/// the passes of the web page extractor.
protocol HTMLDocumentVisitor {
    mutating func enter(_ node: HTMLNode) -> Bool
    mutating func leave(_ node: HTMLNode)
}

extension HTMLTreeWalk {
    static func visit<Visitor: HTMLDocumentVisitor>(descendantsOf root: HTMLNode, with visitor: inout Visitor) {
        var adapter = DocumentVisitorAdapter(inner: visitor)
        visit(descendantsOf: root, with: &adapter)
        visitor = adapter.inner
    }
}

/// Walks a libxml2 tree, which only ever hands over `HTMLNode`s, for a
/// document visitor.
private struct DocumentVisitorAdapter<Inner: HTMLDocumentVisitor>: HTMLTreeVisitor {
    var inner: Inner

    mutating func enter<Node: HTMLNodeView>(_ node: Node) -> Bool {
        guard let node = node as? HTMLNode else { return false }
        return inner.enter(node)
    }

    mutating func leave<Node: HTMLNodeView>(_ node: Node) {
        if let node = node as? HTMLNode { inner.leave(node) }
    }
}
