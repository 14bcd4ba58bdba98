import Foundation
import NewsModel

/// Reads a scraped news page: a band of headlines, the image-report notice,
/// the title, "Publié dans SOURCE le JJ - MM - AAAA", one paragraph per line,
/// and the closing "Cliquez ici pour lire l'article depuis sa source." line.
///
/// The band, the notice and the closing line are page furniture: the band
/// becomes teasers, the other two are dropped, none reaches the body.
public enum ScrapedPageParser {
    public static func parse(_ text: String, origin: Origin) throws(ImportError) -> ImportResult {
        let lines = splitLines(text)
        guard let bylineIndex = lines.firstIndex(where: { Byline($0) != nil }),
              let byline = Byline(lines[bylineIndex]) else {
            throw ImportError("ligne « Publié dans SOURCE le JJ - MM - AAAA » introuvable")
        }
        guard let published = PublicationDate(year: byline.year, month: byline.month, day: byline.day) else {
            throw ImportError("date de publication impossible : \(byline.day) - \(byline.month) - \(byline.year)",
                              line: bylineIndex + 1)
        }
        guard let titleIndex = lines[..<bylineIndex].lastIndex(where: { !$0.isEmpty && !isNotice($0) }) else {
            throw ImportError("titre introuvable avant la ligne « Publié dans »", line: bylineIndex + 1)
        }
        let title = lines[titleIndex]
        let source = byline.source
        guard !source.isEmpty else {
            throw ImportError("nom de la source vide", line: bylineIndex + 1)
        }

        let teasers = lines[..<titleIndex]
            .filter { !$0.isEmpty && !isNotice($0) }
            .flatMap(splitBand)
            .map { Teaser(title: $0, origin: origin) }

        var paragraphs: [Block] = []
        for line in lines[(bylineIndex + 1)...] {
            if isClosingLine(line) { break }
            if !line.isEmpty { paragraphs.append(.paragraph(line)) }
        }

        let article = Article(title: title, source: source, published: published,
                              language: "fr", blocks: paragraphs, origin: origin)
        return ImportResult(format: .scrapedPage, articles: [article], teasers: teasers)
    }

    /// True when the text has the byline that marks a scraped page.
    public static func recognises(_ text: String) -> Bool {
        splitLines(text).contains { Byline($0) != nil }
    }

    /// True when the text has the notice or the closing line of a scraped
    /// page, so that a page missing its byline is named as such.
    public static func hasPageFurniture(_ text: String) -> Bool {
        splitLines(text).contains { isNotice($0) || isClosingLine($0) }
    }

    /// Lines cleaned one by one (CRLF, NFD, controls), without the no-break
    /// spaces the band uses as separators — those are needed to split it, so
    /// they are kept and trimmed per headline instead.
    static func splitLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { cleanKeepingBandSeparators(String($0)) }
    }

    private static func cleanKeepingBandSeparators(_ line: String) -> String {
        // cleanLine trims trailing no-break spaces; a band's separators in the
        // middle of the line survive, which is all splitBand needs.
        TextSanitizer.cleanLine(line)
    }

    /// Headlines in the band are separated by runs of no-break spaces mixed
    /// with ordinary ones. A single no-break space is French typography
    /// ("Liban : le Maroc"), so a separator needs at least two.
    static func splitBand(_ line: String) -> [String] {
        var headlines: [String] = []
        var current = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        var noBreakInRun = 0

        func flushRun() {
            if noBreakInRun >= 2 {
                appendHeadline(current)
                current = String.UnicodeScalarView()
            } else {
                current.append(contentsOf: run)
            }
            run = String.UnicodeScalarView()
            noBreakInRun = 0
        }
        func appendHeadline(_ scalars: String.UnicodeScalarView) {
            let headline = TextSanitizer.cleanLine(String(scalars))
                .trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{00A0}\u{202F}")))
            if !headline.isEmpty { headlines.append(headline) }
        }

        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\u{00A0}" {
                if scalar == "\u{00A0}" { noBreakInRun += 1 }
                run.append(scalar)
            } else {
                if !run.isEmpty { flushRun() }
                current.append(scalar)
            }
        }
        flushRun()
        appendHeadline(current)
        return headlines
    }

    /// The two lines of the image-report notice ("Merci d'avoir signalé!",
    /// "Cette image sera automatiquement bloquée…").
    static func isNotice(_ line: String) -> Bool {
        let folded = fold(line)
        return folded.hasPrefix("merci d'avoir signale")
            || (folded.hasPrefix("cette image sera") && folded.contains("bloque"))
    }

    static func isClosingLine(_ line: String) -> Bool {
        fold(line).hasPrefix("cliquez ici pour lire l'article")
    }

    /// Case- and accent-blind, with typographic apostrophes made straight.
    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
    }
}

/// "Publié dans Aujourd'hui le Maroc le 3 - 2 - 2025": the source is
/// everything up to the last " le " that is followed by a date, so sources
/// with " le " in their name stay whole.
struct Byline {
    var source: String
    var day: Int
    var month: Int
    var year: Int

    init?(_ line: String) {
        let folded = ScrapedPageParser.fold(line)
        guard folded.hasPrefix("publie dans ") else { return nil }
        let scalars = Array(line.unicodeScalars)
        let afterPrefix = String(String.UnicodeScalarView(scalars[12...]))
        guard let range = afterPrefix.range(of: " le ", options: .backwards) else { return nil }
        let numbers = afterPrefix[range.upperBound...]
            .split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." || $0 == " " })
        guard numbers.count == 3,
              let day = Int(numbers[0]), let month = Int(numbers[1]), let year = Int(numbers[2]),
              numbers[2].count == 4 else { return nil }
        self.source = TextSanitizer.cleanLine(String(afterPrefix[..<range.lowerBound]))
        self.day = day
        self.month = month
        self.year = year
    }
}
