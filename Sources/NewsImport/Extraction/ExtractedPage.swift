import NewsModel

/// An article read out of a web page.
public struct ExtractedPage: Sendable, Equatable {
    public var title: String
    public var author: String?
    public var published: PublicationDate?
    /// The lead image: the page's declared picture, else the first one.
    public var image: String?
    /// The page's canonical address, else the address it was read from.
    public var url: String?
    /// The site's name, else its host.
    public var source: String
    public var language: String?
    public var blocks: [Block]

    /// The article as kiosque stores it.
    public func article(origin: Origin) -> Article {
        Article(title: title, source: source, url: url, published: published, author: author,
                language: language, blocks: blocks, origin: origin)
    }
}
