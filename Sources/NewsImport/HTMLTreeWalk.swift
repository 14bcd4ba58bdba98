/// What a visitor reads of a node: a libxml2 node (`HTMLNode`), or one
/// made by the fast fragment scanner (`HTMLFragmentNode`).
protocol HTMLNodeView {
    var isElement: Bool { get }
    var isText: Bool { get }
    /// Lowercase tag name.
    var name: String { get }
    /// A text node's characters, entities decoded.
    var text: String { get }
    func attribute(_ name: String) -> String?
}

extension HTMLNode: HTMLNodeView {}

/// Something that reads an HTML tree in document order.
protocol HTMLTreeVisitor {
    /// Returns true to visit the node's children; `leave` is then called
    /// after them. Returning false skips the subtree and `leave`.
    mutating func enter<Node: HTMLNodeView>(_ node: Node) -> Bool
    mutating func leave<Node: HTMLNodeView>(_ node: Node)
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
