import Foundation
import NewsModel

/// What one document yields: articles, and the teasers it lists.
public struct ImportResult: Sendable, Equatable {
    public var format: DocumentFormat
    public var articles: [Article]
    public var teasers: [Teaser]
    /// Feeds to subscribe to (OPML, newsboat's urls file).
    public var subscriptions: [Subscription]

    public init(format: DocumentFormat, articles: [Article], teasers: [Teaser] = [],
                subscriptions: [Subscription] = []) {
        self.format = format
        self.articles = articles
        self.teasers = teasers
        self.subscriptions = subscriptions
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
    /// newsboat's `urls` file: one feed address a line, with its tags.
    case urls
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

    /// A read or seek of the file that just failed, in the system's words.
    static func readFailed() -> ImportError {
        ImportError("lecture impossible : \(String(cString: strerror(errno)))")
    }
}
