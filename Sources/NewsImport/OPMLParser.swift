import Foundation
import NewsModel

/// Reads an OPML subscription list: every <outline> with an xmlUrl, at any
/// depth (folders are outlines too), through the same hardened XML reader
/// as the feeds.
enum OPMLParser {
    static func parse(_ data: [UInt8]) throws(ImportError) -> ImportResult {
        let outcome = data.withUnsafeBufferPointer { buffer in
            Result { () throws(ImportError) -> [Subscription] in
                let reader = try FeedReader(buffer: buffer)
                var subscriptions: [Subscription] = []
                var seen = Set<String>()
                while let event = try reader.next() {
                    guard case .start(let element) = event, element.localName == "outline",
                          let raw = element.attribute("xmlUrl") ?? element.attribute("xmlurl"),
                          let url = CanonicalURL.resolve(TextSanitizer.cleanLine(raw), against: nil),
                          seen.insert(url).inserted else { continue }
                    let name = (element.attribute("title") ?? element.attribute("text")).map(TextSanitizer.cleanLine)
                    // kiosque writes fullText="true" for a feed read in full (OPML
                    // 2.0 lets an outline carry attributes of its own).
                    let full = element.attribute("fullText")?.lowercased() == "true"
                    subscriptions.append(Subscription(url: url, name: name, fullText: full))
                }
                return subscriptions
            }
        }
        let subscriptions = try outcome.get()
        if subscriptions.isEmpty { throw ImportError("fichier OPML sans aucun flux (aucun outline avec xmlUrl)") }
        return ImportResult(format: .opml, articles: [], subscriptions: subscriptions)
    }
}

/// newsboat's `urls` file: one address a line, then tags; a tag "~Nom"
/// names the feed; # starts a comment. Only files made of such lines count.
enum NewsboatURLs {
    static func parse(_ text: String) -> [Subscription]? {
        var subscriptions: [Subscription] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = tokens(line)
            guard let first = words.first else { continue }
            // newsboat's query:, exec: and filter: feeds have nothing to fetch here.
            if first.hasPrefix("query:") || first.hasPrefix("exec:") || first.hasPrefix("filter:") { continue }
            guard let url = CanonicalURL.resolve(first, against: nil), first.contains("://") else { return nil }
            let name = words.dropFirst().first { $0.hasPrefix("~") }.map { String($0.dropFirst()) }
            subscriptions.append(Subscription(url: url, name: name.map(TextSanitizer.cleanLine)))
        }
        return subscriptions.isEmpty ? nil : subscriptions
    }

    /// Words separated by spaces, "double quotes" keeping a tag whole.
    private static func tokens(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle(); continue }
            if character == " " && !quoted {
                if !current.isEmpty { result.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
