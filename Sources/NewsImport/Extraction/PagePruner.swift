import NewsModel

/// The first pass over a page: takes out what is never the article (code,
/// menus, hidden parts, consent banners, sharing, advertising, comments,
/// related links…), judged from tags, roles, class and id words. The
/// ancestors of the title and of a marked article body are never taken out,
/// whatever their class says ("layout-with-sidebar" may wrap everything).
enum PagePruner {
    static func prune(root: HTMLNode, keeping protected: Set<NodeKey>) {
        var collector = Collector(protected: protected)
        HTMLTreeWalk.visit(descendantsOf: root, with: &collector)
        for node in collector.doomed { node.remove() }
        for node in collector.forms { node.rename("div") }
    }

    /// Whether an element's class, id or role marks it as furniture.
    static func looksLikeClutter(_ node: HTMLNode) -> Bool {
        if let role = node.attribute("role")?.lowercased(),
           ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"]
               .contains(role) {
            return true
        }
        let words = BoilerplateRules.words(of: node.attribute("class"))
            .union(BoilerplateRules.words(of: node.attribute("id")))
        if words.isEmpty { return false }
        if !words.isDisjoint(with: BoilerplateRules.alwaysClutterWords) { return true }
        return !words.isDisjoint(with: BoilerplateRules.clutterWords) && words.isDisjoint(with: BoilerplateRules.contentWords)
    }

    static func isHidden(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        guard let style = node.attribute("style")?.lowercased().filter({ $0 != " " }) else { return false }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    private struct Collector: HTMLDocumentVisitor {
        let protected: Set<NodeKey>
        var doomed: [HTMLNode] = []
        var forms: [HTMLNode] = []

        mutating func enter(_ node: HTMLNode) -> Bool {
            if node.isComment {
                doomed.append(node)
                return false
            }
            guard node.isElement else { return false }
            let name = node.name
            if name == "html" || name == "body" { return true }
            // Before any rule: the title and the marked body are read again
            // after pruning, so nothing holding them may be freed, even a
            // <nav> or a <noscript> (a title was once read from freed memory).
            if protected.contains(NodeKey(node)) {
                if name == "form" { forms.append(node) }
                return true
            }
            if BoilerplateRules.droppedTags.contains(name) || name == "head" {
                doomed.append(node)
                return false
            }
            if Self.isFurnitureTag(node, name) || PagePruner.isHidden(node) || PagePruner.looksLikeClutter(node) {
                doomed.append(node)
                return false
            }
            if name == "form" { forms.append(node) }   // a page wrapped in one form (ASP.NET) reads on
            return true
        }

        mutating func leave(_ node: HTMLNode) {}

        /// Page furniture by tag: footers, asides, and a page header
        /// (a <header> outside any <article>; the title's own is protected).
        static func isFurnitureTag(_ node: HTMLNode, _ name: String) -> Bool {
            switch name {
            case "aside": return true
            case "footer":
                // A quote's <footer> is its attribution.
                return node.parent.map { !["blockquote", "figure", "figcaption"].contains($0.name) } ?? true
            case "header":
                var ancestor = node.parent
                while let current = ancestor, current.isElement {
                    if current.name == "article" { return false }
                    ancestor = current.parent
                }
                return true
            default: return false
            }
        }
    }
}
