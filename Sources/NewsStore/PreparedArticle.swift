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
        contentHash = Self.hash([guid ?? "", url ?? "", title, source, published.map { String($0) } ?? "",
                                 publishedOffset.map { String($0) } ?? "", author ?? "", language ?? "",
                                 categories, body])
    }

    /// Analysed terms of the title and the body, as the search index
    /// holds them: worked out when the article is written.
    var searchTerms: SearchTerms { SearchTerms(title: title, plainText: plainText) }

    /// A fingerprint of what an import can change, so that importing the
    /// same feed again recognises unchanged articles without rewriting them.
    /// The same parts, in the same order, as stores have always hashed.
    static func hash(_ parts: [String]) -> String {
        var hasher = FNV1a()
        for part in parts {
            hasher.add(part)
            hasher.add("\u{1F}")
        }
        return hasher.hex
    }
}
