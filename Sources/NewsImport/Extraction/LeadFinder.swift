import NewsModel

/// Between the title and the body, pages put the standfirst (chapô) and the
/// lead figure, outside the element that holds the body; this finds them.
enum LeadFinder {
    static func lead(title: HTMLNode?, before body: HTMLNode, statistics: PageStatistics) -> [HTMLNode] {
        guard let title, let scope = commonAncestor(title, body), !scope.isSame(as: body) else { return [] }
        var bodyAncestors = Set<NodeKey>()
        var node: HTMLNode? = body
        while let current = node, current.isElement {
            bodyAncestors.insert(NodeKey(current))
            node = current.parent
        }
        var walker = Walker(title: title, body: body, bodyAncestors: bodyAncestors, statistics: statistics)
        HTMLTreeWalk.visit(descendantsOf: scope, with: &walker)
        return walker.found
    }

    static func commonAncestor(_ a: HTMLNode, _ b: HTMLNode) -> HTMLNode? {
        var ancestors = Set<NodeKey>()
        var node: HTMLNode? = a
        while let current = node, current.isElement {
            ancestors.insert(NodeKey(current))
            node = current.parent
        }
        node = b
        while let current = node, current.isElement {
            if ancestors.contains(NodeKey(current)) { return current }
            node = current.parent
        }
        return nil
    }

    private struct Walker: HTMLDocumentVisitor {
        let title: HTMLNode
        let body: HTMLNode
        let bodyAncestors: Set<NodeKey>
        let statistics: PageStatistics
        var found: [HTMLNode] = []
        var afterTitle = false
        var done = false

        mutating func enter(_ node: HTMLNode) -> Bool {
            guard !done, node.isElement else { return false }
            if node.isSame(as: title) {
                afterTitle = true
                return false
            }
            if node.isSame(as: body) {
                done = true
                return false
            }
            if bodyAncestors.contains(NodeKey(node)) { return true }
            guard afterTitle else { return true }
            let counts = statistics[node]
            let name = node.name
            if ["figure", "picture", "img", "amp-img"].contains(name) {
                if counts.images > 0 { found.append(node) }
                return false
            }
            let text = ContentCleaner.leadingText(of: node)
            if BoilerplateRules.opensLikeClutter(text) { return false }
            let words = BoilerplateRules.words(of: node.attribute("class"))
            if !words.isDisjoint(with: BoilerplateRules.standfirstWords), counts.characters >= 30, counts.linkDensity < 0.5 {
                found.append(node)
                return false
            }
            if ["p", "h2", "div"].contains(name), (name == "div" ? counts.ownCharacters : counts.characters) >= 80,
               counts.linkDensity < 0.2, !ContentCleaner.isBylineOrDate(text) {
                found.append(node)
                return false
            }
            return true
        }

        mutating func leave(_ node: HTMLNode) {}
    }
}
