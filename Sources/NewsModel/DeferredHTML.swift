/// The rest of an article's body, kept as the item's HTML and read into
/// blocks only when the article is read.
///
/// Making blocks (a value and a sanitised string per paragraph, then their
/// JSON) was a fifth of a large import's work, for articles mostly never
/// opened. Only HTML that reads the same without libxml2's repairs, and
/// holds nothing `TextSanitizer` would remove or change, is kept so
/// (`ArticleHTML` decides); the store then reads it with the same code an
/// import would have used, so the article's blocks are the same either way.
public struct DeferredHTML: Sendable, Equatable, Hashable {
    public let html: String
    /// Where its relative links and images point.
    public let baseURL: String?
    /// Its text in UTF-8, for the search index, as `ArticleHTML` reads it
    /// again from the stored HTML: a rebuilt index must hold the terms an
    /// import put there. Bytes, not a string: making the string
    /// checked every byte again (a sixth of a second per 100,000 items).
    public let textUTF8: [UInt8]
    /// Its images' URLs, for the store's image table.
    public let imageURLs: [String]

    public init(html: String, baseURL: String?, textUTF8: [UInt8], imageURLs: [String]) {
        self.html = html
        self.baseURL = baseURL
        self.textUTF8 = textUTF8
        self.imageURLs = imageURLs
    }
}
