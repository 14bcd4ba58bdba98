import NewsModel

/// What the page's markup says of its author and date, read before the
/// pruner runs: <time datetime>, itemprop="author"/"datePublished",
/// rel="author", and elements whose class names the byline.
struct PageFacts {
    enum TimeKind { case published, unknown, updated }
    var times: [(datetime: String, kind: TimeKind)] = []

    /// The <time> to trust for the publication: one that says so, else one
    /// that says nothing, else an update.
    var publicationTime: String? {
        (times.first { $0.kind == .published } ?? times.first { $0.kind == .unknown } ?? times.first)?.datetime
    }
    var publishedProperty: String?
    var authorTexts: [String] = []
    var bylineTexts: [String] = []

    init(root: HTMLNode) {
        var collector = Collector()
        HTMLTreeWalk.visit(descendantsOf: root, with: &collector)
        self = collector.facts
    }

    private init() {}

    private struct Collector: HTMLDocumentVisitor {
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
                // What the element is: its attributes and its own words
                // ("Publié le…", "Mis à jour le…") say.
                let hints = BoilerplateRules.fold([node.attribute("class"), node.attribute("itemprop"),
                                                   node.attribute("pubdate").map { _ in "pubdate" },
                                                   ContentCleaner.leadingText(of: node, limit: 40)]
                    .compactMap { $0 }.joined(separator: " "))
                let kind: TimeKind
                if ["publi", "pubdate", "created", "paru"].contains(where: hints.contains) { kind = .published }
                else if ["mis a jour", "mise a jour", "modifi", "updated", "actualis", "maj"].contains(where: hints.contains) { kind = .updated }
                else { kind = .unknown }
                facts.times.append((datetime, kind))
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
