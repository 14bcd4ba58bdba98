/// Something that reads an HTML tree in document order.
protocol HTMLTreeVisitor {
    /// Returns true to visit the node's children; `leave` is then called
    /// after them. Returning false skips the subtree and `leave`.
    mutating func enter(_ node: HTMLNode) -> Bool
    mutating func leave(_ node: HTMLNode)
}

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
