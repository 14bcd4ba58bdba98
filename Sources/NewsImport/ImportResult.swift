import NewsModel

/// What one document yields: articles, and the teasers it lists.
public struct ImportResult: Sendable, Equatable {
    public var format: DocumentFormat
    public var articles: [Article]
    public var teasers: [Teaser]

    public init(format: DocumentFormat, articles: [Article], teasers: [Teaser] = []) {
        self.format = format
        self.articles = articles
        self.teasers = teasers
    }
}

/// The kinds of document kiosque recognises from their content.
public enum DocumentFormat: String, Sendable, Equatable {
    case scrapedPage = "page"
    case rss2 = "rss"
    case rss1 = "rdf"
    case atom
    case html
    case opml
}

/// Why a document was refused. The message is French and made for a person:
/// it says what is wrong; the line is given when the parser knows it.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var line: Int?

    public init(_ reason: String, line: Int? = nil) {
        self.reason = reason
        self.line = line
    }

    public var description: String {
        if let line { return "ligne \(line) : \(reason)" }
        return reason
    }
}
