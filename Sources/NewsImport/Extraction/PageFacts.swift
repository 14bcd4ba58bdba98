import NewsModel

/// What the page's markup says of its author and date, read before the
/// pruner runs: <time datetime>, itemprop="author"/"datePublished",
/// rel="author", and elements whose class names the byline.
struct PageFacts {
    var times: [(datetime: String, isPublication: Bool)] = []
    var publishedProperty: String?
    var authorTexts: [String] = []
    var bylineTexts: [String] = []

    init(root: HTMLNode) {
        var collector = Collector()
        HTMLTreeWalk.visit(descendantsOf: root, with: &collector)
        self = collector.facts
    }

    private init() {}

    private struct Collector: HTMLTreeVisitor {
        var facts = PageFacts()

        mutating func enter(_ node: HTMLNode) -> Bool {
            guard node.isElement else { return false }
            let name = node.name
            if ["script", "style", "noscript", "template", "head"].contains(name) { return false }
            let itemprop = node.attribute("itemprop")?.lowercased()
            if itemprop == "datepublished", facts.publishedProperty == nil {
                facts.publishedProperty = node.attribute("content") ?? node.attribute("datetime")
                    ?? ContentCleaner.leadingText(of: node)
            }
            if name == "time", let datetime = node.attribute("datetime") {
                let hints = BoilerplateRules.fold([node.attribute("class"), node.attribute("itemprop"), node.attribute("pubdate").map { _ in "pubdate" }]
                    .compactMap { $0 }.joined(separator: " "))
                facts.times.append((datetime, hints.contains("publi") || hints.contains("pubdate") || hints.contains("created")))
            }
            if itemprop == "author" || node.attribute("rel")?.lowercased() == "author" {
                let text = node.attribute("content") ?? ContentCleaner.leadingText(of: node)
                if !text.isEmpty { facts.authorTexts.append(text) }
                return false
            }
            if !BoilerplateRules.words(of: node.attribute("class")).isDisjoint(with: BoilerplateRules.bylineWords) {
                let text = ContentCleaner.leadingText(of: node, limit: 200)
                if !text.isEmpty { facts.bylineTexts.append(text) }
            }
            return true
        }

        mutating func leave(_ node: HTMLNode) {}
    }
}
