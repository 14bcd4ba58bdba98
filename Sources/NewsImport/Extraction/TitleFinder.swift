import NewsModel

/// The page's headings of rank one, its marked article body, and the
/// elements the pruner must leave standing.
struct TitleFinder {
    private(set) var headings: [HTMLNode] = []
    private(set) var markedBody: HTMLNode?
    private var mains: [HTMLNode] = []

    init(root: HTMLNode) {
        var collector = Collector()
        HTMLTreeWalk.visit(descendantsOf: root, with: &collector)
        headings = collector.headings
        markedBody = collector.bodies.first
        mains = collector.mains
    }

    /// The <h1> closest to the declared title; without one, the longest
    /// (a logo in an <h1> is short).
    func bestTitle(matching declared: String?) -> HTMLNode? {
        let texts = headings.map { ContentCleaner.leadingText(of: $0, limit: 400) }
        let candidates = zip(headings, texts).filter { !$0.1.isEmpty }
        guard !candidates.isEmpty else { return nil }
        if let declared {
            let wanted = Self.words(declared)
            let scored = candidates.map { ($0.0, Self.overlap(Self.words($0.1), wanted)) }
            if let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 0.5 { return best.0 }
        }
        return candidates.max { $0.1.count < $1.1.count }?.0
    }

    /// The title, the marked body and the <main> with all their ancestors.
    func protectedNodes(title: HTMLNode?) -> Set<NodeKey> {
        var result = Set<NodeKey>()
        for start in [title, markedBody].compactMap({ $0 }) + mains {
            var node: HTMLNode? = start
            while let current = node, current.isElement {
                result.insert(NodeKey(current))
                node = current.parent
            }
        }
        return result
    }

    private static func words(_ text: String) -> Set<String> {
        Set(BoilerplateRules.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    /// Share of the heading's words found in the declared title.
    private static func overlap(_ heading: Set<String>, _ declared: Set<String>) -> Double {
        guard !heading.isEmpty else { return 0 }
        return Double(heading.intersection(declared).count) / Double(heading.count)
    }

    private struct Collector: HTMLDocumentVisitor {
        var headings: [HTMLNode] = []
        var bodies: [HTMLNode] = []
        var mains: [HTMLNode] = []

        mutating func enter(_ node: HTMLNode) -> Bool {
            guard node.isElement else { return false }
            if ["script", "style", "noscript", "template", "head"].contains(node.name) { return false }
            if node.name == "h1" { headings.append(node) }
            if node.attribute("itemprop")?.lowercased() == "articlebody" { bodies.append(node) }
            if node.name == "main" || node.attribute("role")?.lowercased() == "main" { mains.append(node) }
            return true
        }

        mutating func leave(_ node: HTMLNode) {}
    }
}
