import Foundation
import NewsModel

/// The author: declared (JSON-LD, meta tags, itemprop), else the byline
/// shown around the title ("Par Claire Dubois", "Propos recueillis par…").
enum PageAuthor {
    static func find(metadata: PageMetadata, facts: PageFacts, visible: PageText) -> String? {
        let declared = metadata.linkedData.authors.compactMap(clean).filter { !isNewsroom($0, metadata) }
        if !declared.isEmpty { return declared.joined(separator: " et ") }
        let candidates = [metadata.value("author"), metadata.value("article:author"), metadata.value("dc.creator"),
                          metadata.value("parsely-author")].compactMap { $0 }
            + facts.authorTexts + facts.bylineTexts
        for candidate in candidates {
            if let name = clean(candidate), !isNewsroom(name, metadata) { return name }
        }
        for line in visible.aroundTitle {
            let folded = BoilerplateRules.fold(line)
            if bylineOpenings.contains(where: folded.hasPrefix), let name = clean(line) { return name }
        }
        return nil
    }

    private static let bylineOpenings = ["par ", "propos recueillis par ", "de notre ", "de nos "]

    /// "La rédaction", the site's own name, a wire agency alone: not a person.
    static func isNewsroom(_ name: String, _ metadata: PageMetadata) -> Bool {
        let folded = BoilerplateRules.fold(name)
        if ["redaction", "newsroom", "editorial", "service ", "avec afp", "avec agences"].contains(where: folded.contains) { return true }
        return [metadata.value("og:site_name"), metadata.linkedData.publisher, metadata.value("application-name")]
            .compactMap { $0.map(BoilerplateRules.fold) }.contains { $0 == folded }
    }

    /// The name alone: without "Par", the date or the role that follow it.
    static func clean(_ raw: String) -> String? {
        var text = TextSanitizer.cleanLine(raw)
        if text.hasPrefix("http://") || text.hasPrefix("https://") { return nil }
        var folded = BoilerplateRules.fold(text)
        // "De notre correspondante à Lille, Léa Martin": the name follows the role.
        if folded.hasPrefix("de notre ") || folded.hasPrefix("de nos "), let comma = text.firstIndex(of: ",") {
            text = String(text[text.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
            folded = BoilerplateRules.fold(text)
        }
        for prefix in ["voir tous les articles de ", "tous les articles de ", "voir les articles de ", "les articles de ",
                       "propos recueillis par ", "texte et photos : ", "texte : ", "par ", "by ", "de "] where folded.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        for separator in [" - ", " – ", " — ", " | ", " · ", " • ", ",", " publié", " Publié", " mis à jour", "\n", " ("] {
            if let range = text.range(of: separator) { text = String(text[..<range.lowerBound]) }
        }
        text = withoutTrailingDate(text)
        text = text.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".:·•-–—|,")))
        let words = text.split(separator: " ")
        guard (1...7).contains(words.count), text.count >= 3, text.count <= 70,
              !text.contains(where: \.isNumber), text.first?.isUppercase == true else { return nil }
        return text
    }

    /// "Claire Dubois le 3 mars 2025" → "Claire Dubois"; "Marie Le Goff" stays.
    private static func withoutTrailingDate(_ text: String) -> String {
        var searchFrom = text.startIndex
        while let range = text.range(of: " le ", options: .caseInsensitive, range: searchFrom..<text.endIndex) {
            let after = text[range.upperBound...].prefix(12)
            let folded = BoilerplateRules.fold(String(after))
            if after.first?.isNumber == true || ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "1er"]
                .contains(where: folded.hasPrefix) {
                return String(text[..<range.lowerBound])
            }
            searchFrom = range.upperBound
        }
        return text
    }
}

/// The publication date: declared (meta tags, JSON-LD, itemprop, <time>),
/// else written out near the title, else anywhere on the page.
enum PageDate {
    static func find(metadata: PageMetadata, facts: PageFacts, visible: PageText) -> PublicationDate? {
        let declared = [metadata.linkedData.datePublished, metadata.value("article:published_time"),
                        facts.publishedProperty, metadata.value("date"), metadata.value("dc.date"),
                        metadata.value("dc.date.issued"), metadata.value("pubdate"), metadata.value("publishdate"),
                        metadata.value("parsely-pub-date"), facts.publicationTime].compactMap { $0 }
        let dates = declared.compactMap(parse)
        if let first = dates.first {
            // "…Z" says nothing of the place: the same instant written with
            // the newsroom's offset is better.
            if first.utcOffset == nil || first.utcOffset == 0,
               let local = dates.first(where: { $0.instant == first.instant && ($0.utcOffset ?? 0) != 0 }) {
                return local
            }
            return first
        }
        return FrenchDateFinder.find(in: visible.aroundTitle.joined(separator: "\n"))
            ?? FrenchDateFinder.find(in: visible.lines.joined(separator: "\n"))
    }

    /// ISO 8601 or RFC 822; a time without an offset is French local time.
    static func parse(_ text: String) -> PublicationDate? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let date = FeedDates.parse(trimmed) else { return FrenchDateFinder.find(in: trimmed) }
        guard date.hasTime, date.utcOffset == nil else { return date }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date.instant)
        return ParisTime.date(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!) ?? date
    }
}

/// The name the site goes by, and titles without it.
enum SiteName {
    static func find(metadata: PageMetadata, title: String, url: String?) -> String {
        if let name = [metadata.value("og:site_name"), metadata.linkedData.publisher.map(TextSanitizer.cleanLine),
                       metadata.value("application-name"), suffix(of: metadata.documentTitle, after: title)]
            .compactMap({ $0 }).first(where: { !$0.isEmpty }) {
            return name
        }
        if let host = url.flatMap({ URL(string: $0)?.host }) {
            return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        return "Page web"
    }

    /// "Le Quotidien" from a <title> "Titre | Le Quotidien" whose first part
    /// is the article's title.
    static func suffix(of documentTitle: String?, after title: String) -> String? {
        guard let documentTitle, documentTitle.hasPrefix(title) else { return nil }
        let rest = documentTitle.dropFirst(title.count)
        for separator in [" | ", " - ", " – ", " — "] where rest.hasPrefix(separator) {
            let name = rest.dropFirst(separator.count).trimmingCharacters(in: .whitespaces)
            return name.isEmpty || name.count > 60 ? nil : name
        }
        return nil
    }

    /// "Titre | Le Quotidien" → "Titre", when the part cut is the site's name.
    static func strip(from title: String, siteName: String?) -> String {
        for separator in [" | ", " - ", " – ", " — "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let tail = String(title[range.upperBound...])
            if let siteName, BoilerplateRules.fold(tail) == BoilerplateRules.fold(siteName) {
                return String(title[..<range.lowerBound])
            }
            if siteName == nil, separator == " | " { return String(title[..<range.lowerBound]) }
        }
        return title
    }
}
