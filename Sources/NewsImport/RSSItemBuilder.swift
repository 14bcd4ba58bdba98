import ArticleHTML
import NewsModel

/// Makes articles out of the fields `RSSFeedCollector` gathered.
struct RSSItemBuilder: Equatable {
    let source: String
    /// Where relative links point when an item declares no xml:base: the
    /// channel's link, itself resolved against the feed's own address.
    let channelBase: String?
    let channelLanguage: String?
    let origin: Origin

    init(channel: RSSChannelFields, baseURL: String?, origin: Origin) {
        let link = channel.link.flatMap { CanonicalURL.resolve($0, against: baseURL) }
        source = FeedText.sourceName(title: channel.title, link: link ?? baseURL, origin: origin)
        channelBase = link ?? baseURL
        channelLanguage = FeedText.nonEmptyLine(channel.language)
        self.origin = origin
    }

    func article(from item: RSSItemFields, bodies: FeedBodies = .blocks) -> Article {
        let base = item.declaredBase ?? channelBase
        let guid = FeedText.nonEmptyLine(item.guid) ?? FeedText.nonEmptyLine(item.about)
        let url = item.link.flatMap { CanonicalURL.resolve($0, against: base) }
            ?? (item.guidIsPermaLink ? item.guid.flatMap { CanonicalURL.resolve($0, against: nil) } : nil)
            ?? item.about.flatMap { CanonicalURL.resolve($0, against: nil) }

        // content:encoded is the full text; description is often a summary.
        let html = Self.unlessBlank(item.encodedContent) ?? Self.unlessBlank(item.description)
        let givenTitle = item.title.map(FeedText.looseLine).flatMap { $0.isEmpty ? nil : $0 }
        let (body, deferred) = bodies.body(html: html, baseURL: base, titled: givenTitle != nil) {
            html.map { HTMLBlocks.blocks(fromHTML: $0, baseURL: base) } ?? []
        }
        let blocks = FeedImages.blocks(lead: item.enclosureImages + item.mediaImages, thumbnails: item.thumbnails,
                                       body: body, bodyImageURLs: deferred?.imageURLs ?? [], base: base)
        let title = givenTitle ?? FeedText.fallbackTitle(from: blocks)
        let published = item.pubDate.flatMap(FeedDates.parse) ?? item.dcDate.flatMap(FeedDates.parse)
        let author = FeedText.authors(item.creators) ?? item.author.flatMap(FeedText.rssAuthorName)

        return Article(guid: guid, title: title, source: source, url: url, published: published, author: author,
                       language: FeedText.nonEmptyLine(item.language) ?? channelLanguage,
                       categories: FeedText.categories(item.categories), blocks: blocks, deferredHTML: deferred,
                       origin: origin)
    }

    private static func unlessBlank(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }
}
