import Foundation
import NewsModel

/// Finds the part of a pruned page that holds the article's text.
///
/// Every paragraph of some length gives points to the element holding it and,
/// less, to the two above: a point for being a paragraph, one per comma,
/// one per hundred characters (up to three). Elements start from a weight
/// for their tag and for the words of their class; the total is discounted
/// by the share of the text that sits in links. The best element wins, with
/// the siblings that score close to it (bodies split into several blocks)
/// and the plain paragraphs beside it.
struct ContentFinder {
    let statistics: PageStatistics
    private(set) var scores: [NodeKey: Double] = [:]
    private var nodes: [NodeKey: HTMLNode] = [:]

    init(statistics: PageStatistics) {
        self.statistics = statistics
        for element in statistics.elements { score(unit: element) }
    }

    /// The elements to read, in document order, or nothing when no element
    /// holds enough text to be an article.
    func contentRoots(preferring marked: HTMLNode?) -> [HTMLNode] {
        if let marked, statistics[marked].characters >= 200 { return [marked] }
        guard let (top, topScore) = best() else { return [] }
        let (best, bestScore) = gatheringRepeatedParts(top, topScore)
        guard let parent = best.parent else { return [best] }
        let threshold = max(10, bestScore * 0.2)
        var chosen: [(node: HTMLNode, isFigure: Bool)] = []
        for sibling in parent.children where sibling.isElement {
            if sibling.isSame(as: best) {
                chosen.append((sibling, false))
                continue
            }
            let counts = statistics[sibling]
            if finalScore(sibling) >= threshold && counts.linkDensity < 0.5 {
                chosen.append((sibling, false))
            } else if sibling.name == "p" && Self.readsLikeProse(counts) {
                chosen.append((sibling, false))
            } else if counts.images > 0 && counts.characters < 400 && counts.linkDensity < 0.5 {
                chosen.append((sibling, true))
            } else if counts.characters >= 150 && counts.linkDensity < 0.2 {
                chosen.append((sibling, true))   // a box of prose or a list, kept when between text
            }
        }
        // Figures and boxes only count between pieces of text: those before
        // the text are the lead's business, those after are teasers.
        guard let first = chosen.firstIndex(where: { !$0.isFigure }),
              let last = chosen.lastIndex(where: { !$0.isFigure }) else { return [best] }
        return chosen[first...last].map(\.node)
    }

    static func readsLikeProse(_ counts: PageStatistics.Counts) -> Bool {
        counts.characters > 80 && counts.linkDensity < 0.25
    }

    /// A live blog or a body cut into many similar blocks makes several
    /// candidates of close scores: when three of the five best share an
    /// ancestor, that ancestor is the article.
    private func gatheringRepeatedParts(_ top: HTMLNode, _ topScore: Double) -> (HTMLNode, Double) {
        let contenders = scores.keys.compactMap { nodes[$0] }
            .map { ($0, finalScore($0)) }
            .filter { $0.1 >= 0.75 * topScore }
            .sorted { $0.1 > $1.1 }
            .prefix(5)
        guard contenders.count >= 3 else { return (top, topScore) }
        var ancestor = top.parent
        while let candidate = ancestor, candidate.isElement, !["body", "html"].contains(candidate.name) {
            let inside = contenders.filter { Self.isAncestor(candidate, of: $0.0) }.count
            if inside >= 3 { return (candidate, max(topScore, finalScore(candidate))) }
            ancestor = candidate.parent
        }
        return (top, topScore)
    }

    private static func isAncestor(_ ancestor: HTMLNode, of node: HTMLNode) -> Bool {
        var current = node.parent
        while let step = current {
            if step.isSame(as: ancestor) { return true }
            current = step.parent
        }
        return false
    }

    func best() -> (HTMLNode, Double)? {
        var best: (HTMLNode, Double)?
        for (key, _) in scores {
            guard let node = nodes[key] else { continue }
            let score = finalScore(node)
            if best == nil || score > best!.1 { best = (node, score) }
        }
        return best
    }

    func finalScore(_ node: HTMLNode) -> Double {
        guard let raw = scores[NodeKey(node)] else { return 0 }
        return raw * (1 - statistics[node].linkDensity)
    }

    // MARK: - Scoring

    private static let paragraphTags: Set<String> = ["p", "pre", "td", "blockquote", "dd"]
    private static let textHolders: Set<String> = ["div", "section", "article", "main", "span", "font", "center", "body"]

    private mutating func score(unit element: HTMLNode) {
        let name = element.name
        let counts = statistics[element]
        let holder: HTMLNode?
        let characters: Int, commas: Int, chunks: Int
        if Self.paragraphTags.contains(name) && !(name == "td" && counts.ownBreaks >= 2) {
            holder = element.parent
            (characters, commas, chunks) = (counts.characters, counts.commas, 1)
        } else if Self.textHolders.contains(name) || name == "td" {
            // Text written straight into a <div> (or a layout table's cell),
            // paragraphs split by <br><br>.
            holder = element
            (characters, commas, chunks) = (counts.ownCharacters, counts.ownCommas, 1 + counts.ownBreaks / 2)
        } else {
            return
        }
        guard characters >= 25, var target = holder else { return }
        let points = Double(chunks) + Double(commas) + min(Double(characters) / 100, 3 * Double(chunks))
        for divisor in [1.0, 2.0, 3.0] {
            guard target.isElement, target.name != "html" else { break }
            add(points / divisor, to: target)
            guard let up = target.parent else { break }
            target = up
        }
    }

    private mutating func add(_ points: Double, to node: HTMLNode) {
        let key = NodeKey(node)
        if scores[key] == nil {
            scores[key] = Self.startingWeight(node)
            nodes[key] = node
        }
        scores[key]! += points
    }

    static func startingWeight(_ node: HTMLNode) -> Double {
        var weight: Double
        switch node.name {
        case "article": weight = 10
        case "div", "main": weight = 5
        case "section", "pre", "td", "blockquote": weight = 3
        case "ol", "ul", "dl", "dd", "dt", "li", "form": weight = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th", "header", "address": weight = -5
        case "body": weight = -10
        default: weight = 0
        }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { weight += 50 }
        let words = BoilerplateRules.words(of: node.attribute("class")).union(BoilerplateRules.words(of: node.attribute("id")))
        if !words.isDisjoint(with: BoilerplateRules.contentWords) { weight += 25 }
        if !words.isDisjoint(with: BoilerplateRules.clutterWords) { weight -= 25 }
        return weight
    }
}
