import Foundation
import NewsModel

/// An article turned into the values the store writes: body JSON,
/// identity, content hash. Making one costs as much as storing it, so an
/// import makes them on its parsing thread while the store writes the
/// previous ones on another, which also works out the search terms (that
/// balances the two threads' work).
public struct PreparedArticle: Sendable {
    let identity: String
    let guid: String?
    let url: String?
    let title: String
    let source: String
    let published: Double?
    let publishedOffset: Int?
    let publishedHasTime: Bool
    let author: String?
    let language: String?
    let categories: String
    let body: String
    let originKind: String
    let originLocation: String
    let contentHash: String
    /// The hash of the raw item this article was built from, when known.
    let rawHash: UInt64?
    let imageURLs: [String]
    /// The body's readable text, for the search index (see `searchTerms`).
    let plainText: String

    public init(_ article: Article, rawHash: UInt64? = nil) {
        identity = article.identityKey
        guid = article.guid
        url = article.url
        title = article.title
        source = article.source
        published = article.published?.instant.timeIntervalSince1970
        publishedOffset = article.published?.utcOffset
        publishedHasTime = article.published?.hasTime ?? true
        author = article.author
        language = article.language
        categories = BlockJSONWriter.json(article.categories)
        body = BlockJSONWriter.json(article.blocks)
        originKind = article.origin.kind.rawValue
        originLocation = article.origin.location
        self.rawHash = rawHash
        imageURLs = article.images.map(\.url)
        plainText = SearchTerms.plainText(of: article.blocks)
        contentHash = Self.hash(Self.hashedParts(guid: guid, url: url, title: title, source: source,
                                                 published: published, publishedOffset: publishedOffset,
                                                 author: author, language: language, categories: categories,
                                                 body: body))
    }

    /// Analysed terms of the title and the body, as the search index
    /// holds them: worked out when the article is written.
    var searchTerms: SearchTerms { SearchTerms(title: title, plainText: plainText) }

    /// What an import can change, in the order stores have always hashed it.
    static func hashedParts(guid: String?, url: String?, title: String, source: String, published: Double?,
                            publishedOffset: Int?, author: String?, language: String?, categories: String,
                            body: String) -> [String] {
        [guid ?? "", url ?? "", title, source, published.map { String($0) } ?? "",
         publishedOffset.map { String($0) } ?? "", author ?? "", language ?? "", categories, body]
    }

    /// Marks the hashes made by `hash`; stores written before hold FNV-1a's
    /// sixteen digits alone (see `legacyContentHash`).
    static let hashPrefix = "2:"

    /// A fingerprint of what an import can change, so that importing the
    /// same feed again recognises unchanged articles without rewriting them.
    /// Eight bytes at a time (FNV-1a, one byte at a time, cost a third of a
    /// second per 100,000 articles).
    static func hash(_ parts: [String]) -> String {
        var hasher = ContentHasher()
        for part in parts { hasher.add(part) }
        let digits = String(hasher.value, radix: 16)
        return hashPrefix + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint as stores made before `hash` hold it: an article
    /// stored then is still recognised unchanged (and its hash renewed).
    var legacyContentHash: String {
        var hasher = FNV1a()
        for part in Self.hashedParts(guid: guid, url: url, title: title, source: source, published: published,
                                     publishedOffset: publishedOffset, author: author, language: language,
                                     categories: categories, body: body) {
            hasher.add(part)
            hasher.add("\u{1F}")
        }
        return hasher.hex
    }
}
