import Foundation
import NewsModel

/// What a page says about itself in its <head> and its JSON-LD: OpenGraph
/// and article meta tags, `<link rel="canonical">`, `<html lang>`, the
/// <title>, and a schema.org NewsArticle when there is one.
struct PageMetadata {
    /// Meta tags by lowercased `property`, `name` or `itemprop`; the first wins.
    var meta: [String: String] = [:]
    var canonical: String?
    /// `<base href>`, against which the page's relative addresses resolve.
    var base: String?
    var language: String?
    var documentTitle: String?
    var linkedData = LinkedDataArticle()

    init(root: HTMLNode) {
        language = root.attribute("lang")
        var collector = Collector()
        HTMLTreeWalk.visit(descendantsOf: root, with: &collector)
        meta = collector.meta
        canonical = collector.canonical
        base = collector.base
        documentTitle = collector.title.map(TextSanitizer.cleanLine)
        for script in collector.linkedData {
            linkedData.read(json: script)
            if linkedData.isArticle { break }
        }
    }

    func value(_ keys: String...) -> String? {
        for key in keys {
            if let value = meta[key].map(TextSanitizer.cleanLine), !value.isEmpty { return value }
        }
        return nil
    }

    private struct Collector: HTMLDocumentVisitor {
        var meta: [String: String] = [:]
        var canonical: String?
        var base: String?
        var title: String?
        var linkedData: [String] = []

        mutating func enter(_ node: HTMLNode) -> Bool {
            guard node.isElement else { return false }
            switch node.name {
            case "meta":
                if let content = node.attribute("content") {
                    for attribute in ["property", "name", "itemprop"] {
                        if let key = node.attribute(attribute)?.lowercased(), meta[key] == nil { meta[key] = content }
                    }
                }
                return false
            case "link":
                if canonical == nil, node.attribute("rel")?.lowercased().split(separator: " ").contains("canonical") == true {
                    canonical = node.attribute("href")
                }
                return false
            case "base":
                if base == nil { base = node.attribute("href") }
                return false
            case "title":
                if title == nil { title = Self.text(of: node) }
                return false
            case "script":
                if node.attribute("type")?.lowercased().contains("ld+json") == true {
                    linkedData.append(Self.text(of: node))
                }
                return false
            default:
                return true
            }
        }

        mutating func leave(_ node: HTMLNode) {}

        static func text(of node: HTMLNode) -> String {
            var text = ""
            var child = node.firstChild
            while let current = child {
                if current.isText { text += current.text }
                child = current.nextSibling
            }
            return text
        }
    }
}

/// The fields kiosque uses from a schema.org article in JSON-LD.
struct LinkedDataArticle {
    var isArticle = false
    var headline: String?
    var authors: [String] = []
    var datePublished: String?
    var image: String?
    var publisher: String?
    var url: String?

    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting", "report", "socialmediaposting",
    ]

    mutating func read(json: String) {
        // Some sites leave control characters or a trailing ';' in the script.
        let cleaned = json.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ";")))
        guard let data = cleaned.data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        visit(value, depth: 0)
    }

    private mutating func visit(_ value: Any, depth: Int) {
        guard depth < 8, !isArticle else { return }
        if let array = value as? [Any] {
            for item in array { visit(item, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        if let graph = object["@graph"] { visit(graph, depth: depth + 1) }
        let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        guard types.contains(where: { Self.articleTypes.contains($0.lowercased()) }) else { return }
        isArticle = true
        headline = (object["headline"] as? String) ?? (object["name"] as? String)
        authors = Self.names(object["author"])
        datePublished = (object["datePublished"] as? String) ?? (object["dateCreated"] as? String)
        image = Self.url(object["image"]) ?? Self.url(object["thumbnailUrl"])
        publisher = Self.names(object["publisher"]).first
        url = (object["url"] as? String) ?? Self.url(object["mainEntityOfPage"])
    }

    private static func names(_ value: Any?) -> [String] {
        if let name = value as? String { return [name] }
        if let object = value as? [String: Any] { return (object["name"] as? String).map { [$0] } ?? [] }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        return []
    }

    private static func url(_ value: Any?) -> String? {
        if let url = value as? String { return url }
        if let object = value as? [String: Any] { return (object["url"] as? String) ?? (object["@id"] as? String) }
        if let array = value as? [Any] { return array.lazy.compactMap { url($0) }.first }
        return nil
    }
}
