/// What a visitor reads of a node: a libxml2 node (`HTMLNode`, in
/// NewsImport), or one made by the fragment scanner (`HTMLFragmentNode`).
package protocol HTMLNodeView {
    var isElement: Bool { get }
    var isText: Bool { get }
    /// Lowercase tag name.
    var name: String { get }
    /// A text node's characters, entities decoded.
    var text: String { get }
    /// `text` as UTF-8, lent to `body`: a libxml2 node lends its own bytes,
    /// where making a string of every text node, then reading it again for
    /// its spaces, was a third of the walk of a feed whose items went
    /// through libxml2.
    func withTextUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result
    func attribute(_ name: String) -> String?
    /// Whether the element ends the running paragraph and starts a new one
    /// (`HTMLElementKinds.blocks`).
    var isBlock: Bool { get }
    /// The tag, when it is one a visitor looks for (`HTMLKnownTag`).
    var knownTag: HTMLKnownTag { get }
}

/// The tags the import's visitor of item HTML (`HTMLSearchText`) treats
/// apart; `other` for the rest.
package enum HTMLKnownTag {
    case img, br, blockquote, figcaption, small, cite, footer, other

    package init(name: String) {
        switch name {
        case "img": self = .img
        case "br": self = .br
        case "blockquote": self = .blockquote
        case "figcaption": self = .figcaption
        case "small": self = .small
        case "cite": self = .cite
        case "footer": self = .footer
        default: self = .other
        }
    }
}

extension HTMLNodeView {
    package var isBlock: Bool { HTMLElementKinds.blocks.contains(name) }
    package var knownTag: HTMLKnownTag { isElement ? HTMLKnownTag(name: name) : .other }

    package func withTextUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }
}

/// Something that reads an HTML tree in document order.
package protocol HTMLTreeVisitor {
    /// Returns true to visit the node's children; `leave` is then called
    /// after them. Returning false skips the subtree and `leave`.
    mutating func enter<Node: HTMLNodeView>(_ node: Node) -> Bool
    mutating func leave<Node: HTMLNodeView>(_ node: Node)
}

/// A visitor the fragment scanner can drive: it hands text over as bytes,
/// where libxml2's walk enters text nodes.
package protocol HTMLFragmentVisitor: HTMLTreeVisitor {
    /// A text node's characters as UTF-8, entities decoded.
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>)
}
