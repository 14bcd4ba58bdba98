import Foundation
import NewsModel

/// An article turned into the values the store writes: body column,
/// identity, content hash, search terms. Making one costs about as much as
/// storing it, so an import makes them on whichever of its two threads is
/// ahead (see the executable's `FeedParse`).
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
    /// The body column in UTF-8 (see `StoredBody.encoded`): bound as it is
    /// (see `body`).
    let storedBody: [UInt8]
    let originKind: String
    let originLocation: String
    let contentHash: String
    /// The hash of the raw item this article was built from, when known.
    let rawHash: UInt64?
    let imageURLs: [String]
    /// Analysed terms of the title and the body, as the search index holds them.
    let searchTerms: SearchTerms

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
        storedBody = StoredBody.encoded(blocks: article.blocks, deferred: article.deferredHTML)
        originKind = article.origin.kind.rawValue
        originLocation = article.origin.location
        self.rawHash = rawHash
        imageURLs = Self.imageURLs(article)
        searchTerms = SearchTerms(title: article.title,
                                  body: StoredBody(blocks: article.blocks, deferred: article.deferredHTML))
        contentHash = Self.hash(Self.hashedFields(guid: guid, url: url, title: title, source: source,
                                                  published: published, publishedOffset: publishedOffset,
                                                  author: author, language: language, categories: categories),
                                body: storedBody)
    }

    /// The images of the blocks, then those of the HTML left for later, each
    /// once.
    private static func imageURLs(_ article: Article) -> [String] {
        let made = article.images.map(\.url)
        guard let deferred = article.deferredHTML, !deferred.imageURLs.isEmpty else { return made }
        var urls = made
        urls.reserveCapacity(made.count + deferred.imageURLs.count)
        // An article has a few images: looking through them costs less than
        // the set it took to remember them (three allocations per article).
        if made.count + deferred.imageURLs.count <= 16 {
            for url in deferred.imageURLs where !urls.contains(url) { urls.append(url) }
        } else {
            var seen = Set(made)
            for url in deferred.imageURLs where seen.insert(url).inserted { urls.append(url) }
        }
        return urls
    }

    /// The body column as text, for statements bound through GRDB.
    var body: String { String(decoding: storedBody, as: UTF8.self) }

    /// What an import can change besides the body, in the order stores have
    /// always hashed it; the body column comes after.
    static func hashedFields(guid: String?, url: String?, title: String, source: String, published: Double?,
                             publishedOffset: Int?, author: String?, language: String?,
                             categories: String) -> [String] {
        [guid ?? "", url ?? "", title, source, published.map { String($0) } ?? "",
         publishedOffset.map { String($0) } ?? "", author ?? "", language ?? "", categories]
    }

    /// Marks the hashes made by `hash`; stores written before hold FNV-1a's
    /// sixteen digits alone (see `legacyContentHash`).
    static let hashPrefix = "2:"

    /// A fingerprint of what an import can change, so that importing the
    /// same feed again recognises unchanged articles without rewriting them.
    /// Eight bytes at a time (FNV-1a, one byte at a time, cost a third of a
    /// second per 100,000 articles).
    static func hash(_ fields: [String], body: [UInt8]) -> String {
        var hasher = ContentHasher()
        for field in fields { hasher.add(field) }
        body.withUnsafeBytes { hasher.add($0) }
        hasher.add(UInt64(0xFF))   // each part ends as `add(_: String)` ends it
        let digits = String(hasher.value, radix: 16)
        return hashPrefix + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint as stores made before `hash` hold it: an article
    /// stored then is still recognised unchanged (and its hash renewed).
    var legacyContentHash: String {
        var hasher = FNV1a()
        let fields = Self.hashedFields(guid: guid, url: url, title: title, source: source, published: published,
                                       publishedOffset: publishedOffset, author: author, language: language,
                                       categories: categories)
        for part in fields + [body] {
            hasher.add(part)
            hasher.add("\u{1F}")
        }
        return hasher.hex
    }
}
