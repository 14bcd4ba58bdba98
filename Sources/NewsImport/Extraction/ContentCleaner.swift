import ArticleHTML
import Foundation
import NewsModel

/// The second pass, inside the parts chosen as the article: takes out what
/// CMSs slip between paragraphs (cross-links, "À lire aussi" boxes,
/// newsletter and subscription calls, share buttons, the byline and date
/// line, lists of links, logos and avatars), judged on the text itself as
/// well as on class words.
struct ContentCleaner {
    let statistics: PageStatistics

    func clean(_ roots: [HTMLNode]) {
        for root in roots {
            var collector = Collector(statistics: statistics, rootCharacters: statistics[root].characters)
            HTMLTreeWalk.visit(descendantsOf: root, with: &collector)
            for node in collector.doomed { node.remove() }
        }
    }

    /// The first characters of an element's text, spaces collapsed.
    static func leadingText(of node: HTMLNode, limit: Int = 120) -> String {
        var text = ""
        var walker = LeadingText(limit: limit)
        HTMLTreeWalk.visit(descendantsOf: node, with: &walker)
        text = walker.text
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// "Par Claire Dubois", "Publié le 18 février 2025 à 11h20", "Mis à
    /// jour le…": the lines that say who and when, not what.
    static func isBylineOrDate(_ text: String) -> Bool {
        let folded = BoilerplateRules.fold(text).replacingOccurrences(of: "\u{00A0}", with: " ")
        let openings = ["par ", "publie ", "publie le", "mis a jour", "mise a jour", "modifie le", "actualise le",
                        "propos recueillis par", "texte :", "texte par", "reportage :", "de notre envoye", "de notre correspondant",
                        "le ", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        guard text.count <= 140, openings.contains(where: { folded.hasPrefix($0) }) else {
            return FrenchDateFinder.isMostlyDate(text)
        }
        if folded.hasPrefix("le ") || ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"].contains(where: { folded.hasPrefix($0) }) {
            return FrenchDateFinder.isMostlyDate(text)
        }
        if folded.hasPrefix("par ") {
            // A byline is a few names, maybe followed by a date or a role, not
            // a sentence ("Par ailleurs, le…").
            return PageAuthor.clean(text) != nil && !text.contains(". ")
        }
        return true
    }

    private struct Collector: HTMLDocumentVisitor {
        let statistics: PageStatistics
        let rootCharacters: Int
        var doomed: [HTMLNode] = []

        mutating func enter(_ node: HTMLNode) -> Bool {
            guard node.isElement else { return false }
            if shouldRemove(node) {
                doomed.append(node)
                return false
            }
            return true
        }

        mutating func leave(_ node: HTMLNode) {}

        private func shouldRemove(_ node: HTMLNode) -> Bool {
            let name = node.name
            let counts = statistics[node]
            if name == "img" || name == "amp-img" { return Self.isDecoration(node) }
            if name == "form" { return counts.characters < 500 }
            if name == "h1" { return true }   // the title, which the article carries apart
            // Most of the body under one clutter-sounding class is still the body.
            let isMostOfBody = Double(counts.characters) > 0.4 * Double(rootCharacters) && counts.linkDensity < 0.25
            if !isMostOfBody && (PagePruner.looksLikeClutter(node) || PagePruner.isHidden(node)) { return true }
            if counts.characters == 0 { return false }
            if ["ul", "ol", "dl", "table", "div", "section", "aside", "header", "footer", "nav", "menu"].contains(name),
               counts.linkDensity > 0.5, counts.characters < 1500 {
                return true
            }
            guard counts.characters < 600 else { return false }
            let text = ContentCleaner.leadingText(of: node)
            if BoilerplateRules.opensLikeClutter(text) { return true }
            if counts.characters < 140 && ContentCleaner.isBylineOrDate(text) { return true }
            // A short line that is mostly a link points elsewhere ("Notre dossier…").
            return counts.characters < 200 && counts.linkDensity > 0.8 && counts.images == 0 && name != "a"
        }

        /// Logos, avatars, icons and spacers are not the article's pictures.
        static func isDecoration(_ image: HTMLNode) -> Bool {
            if HTMLImageSource.isTrackingPixel(image) { return true }
            let hints = [image.attribute("class"), image.attribute("id"), image.attribute("alt"), image.attribute("src")]
                .compactMap { $0?.lowercased() }.joined(separator: " ")
            return ["logo", "avatar", "icon", "icone", "picto", "spacer", "pixel", "gravatar", "emoji"].contains { hints.contains($0) }
        }
    }

    private struct LeadingText: HTMLDocumentVisitor {
        let limit: Int
        var text = ""

        mutating func enter(_ node: HTMLNode) -> Bool {
            guard text.count < limit else { return false }
            if node.isText {
                text += node.text.replacingOccurrences(of: "\n", with: " ")
                return false
            }
            if node.isElement, node.name == "br" || HTMLElementKinds.blocks.contains(node.name) { text += " " }
            return node.isElement
        }

        mutating func leave(_ node: HTMLNode) {}
    }
}
