import Foundation
import Synchronization

/// A news article as kiosque knows it: pure data, no I/O.
public struct Article: Sendable, Equatable {
    /// Assigned by the store; nil until the article has been saved.
    public var id: Int64?
    /// The feed's own identifier for the item (RSS guid, Atom id), if any.
    public var guid: String?
    public var title: String
    /// The newspaper or feed ("Albayane").
    public var source: String
    /// The original article on the web.
    public var url: String?
    public var published: PublicationDate?
    public var author: String?
    /// BCP 47 language tag when known ("fr").
    public var language: String?
    public var categories: [String]
    /// The body, in reading order; an import may leave its end as HTML
    /// (`deferredHTML`), which the store reads into blocks for its readers.
    public var blocks: [Block]
    /// Set only by a feed import, until the article is stored: the body's
    /// blocks continue with this HTML's.
    public var deferredHTML: DeferredHTML?
    public var origin: Origin
    public var isRead: Bool

    public init(id: Int64? = nil, guid: String? = nil, title: String, source: String,
                url: String? = nil, published: PublicationDate? = nil, author: String? = nil,
                language: String? = nil, categories: [String] = [], blocks: [Block] = [],
                deferredHTML: DeferredHTML? = nil, origin: Origin, isRead: Bool = false) {
        self.id = id
        self.guid = guid
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.author = author
        self.language = language
        self.categories = categories
        self.blocks = blocks
        self.deferredHTML = deferredHTML
        self.origin = origin
        self.isRead = isRead
    }

    /// The article's images in reading order, each URL once.
    public var images: [ImageRef] {
        var seen = Set<String>()
        return blocks.compactMap { block in
            guard case .image(let image) = block, seen.insert(image.url).inserted else { return nil }
            return image
        }
    }

    public var paragraphCount: Int {
        blocks.reduce(0) { count, block in
            if case .paragraph = block { return count + 1 }
            return count
        }
    }

    /// What makes two imports the same article: the feed's guid, else the
    /// canonical URL, else source + title + day. Re-importing updates the
    /// article with this key instead of adding a second one. A guid is only
    /// unique within its feed ("123" is common), so it counts with the source.
    public var identityKey: String {
        if let guid, !guid.isEmpty {
            // Written into one string: each "+" made another (three
            // allocations per article at import).
            let folded = Self.foldedSource(source)
            var key = "guid:"
            key.reserveCapacity(6 + folded.utf8.count + guid.utf8.count)
            key += folded
            key += "|"
            key += guid
            return key
        }
        if let url, let canonical = CanonicalURL.canonical(url) { return "url:" + canonical }
        let day = published?.day ?? "?"
        return "text:" + [source, title].map(Self.foldForIdentity).joined(separator: "|") + "|" + day
    }

    /// `foldForIdentity` of a source name, remembered: a feed's thousands
    /// of items share one source, and Foundation's folding is slow.
    static func foldedSource(_ source: String) -> String {
        if let known = sourceFolds.withLock({ $0[source] }) { return known }
        let folded = foldForIdentity(source)
        sourceFolds.withLock { cache in
            if cache.count >= 256 { cache.removeAll() }
            cache[source] = folded
        }
        return folded
    }

    private static let sourceFolds = Mutex<[String: String]>([:])

    /// Case, accents and spacing differences do not make a different article.
    static func foldForIdentity(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Where an article or teaser came from.
public struct Origin: Sendable, Equatable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case file, feed }
    public var kind: Kind
    /// The file path or the feed / page URL.
    public var location: String

    public init(kind: Kind, location: String) {
        self.kind = kind
        self.location = location
    }
}

/// A headline known without its article, like the band of headlines at the
/// top of a scraped page. The ticker shows teasers beside articles.
public struct Teaser: Sendable, Equatable, Hashable {
    public var title: String
    public var source: String?
    public var url: String?
    public var origin: Origin

    public init(title: String, source: String? = nil, url: String? = nil, origin: Origin) {
        self.title = title
        self.source = source
        self.url = url
        self.origin = origin
    }

    public var identityKey: String {
        Article.foldForIdentity(source ?? "") + "|" + Article.foldForIdentity(title)
    }
}

/// One person's report of one image.
public struct ImageFlag: Sendable, Equatable, Hashable {
    public var imageURL: String
    public var user: String
    public var at: Date

    public init(imageURL: String, user: String, at: Date) {
        self.imageURL = imageURL
        self.user = user
        self.at = at
    }
}

/// A feed someone subscribed to: its address, and the name they gave it.
public struct Subscription: Sendable, Equatable, Hashable {
    public var url: String
    public var name: String?
    /// Read the web page of the items the feed only summarises.
    public var fullText: Bool

    public init(url: String, name: String? = nil, fullText: Bool = false) {
        self.url = url
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.fullText = fullText
    }
}
