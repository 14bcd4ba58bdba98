import NewsModel

/// Makes articles out of the fields `AtomFeedCollector` gathered.
struct AtomEntryBuilder: Equatable {
    let source: String
    let origin: Origin

    init(feed: AtomFeedFields, baseURL: String?, origin: Origin) {
        let title = feed.title.map { FeedText.line($0.raw, kind: $0.kind) }
        source = FeedText.sourceName(title: title, link: feed.alternateLink ?? baseURL, origin: origin)
        self.origin = origin
    }

    func article(from entry: AtomEntryFields, bodies: FeedBodies = .blocks) -> Article {
        // content is the article; summary stands in when there is none.
        let text = [entry.content, entry.summary].compactMap { $0 }.first { !$0.raw.allSatisfy(\.isWhitespace) }
        let givenTitle = entry.title.map { FeedText.line($0.raw, kind: $0.kind) }.flatMap { $0.isEmpty ? nil : $0 }
        // Plain text is made into paragraphs cheaply, never kept.
        let (body, deferred) = bodies.body(html: text?.kind == .text ? nil : text?.raw, baseURL: text?.base,
                                           titled: givenTitle != nil) {
            text.map { FeedText.blocks($0.raw, kind: $0.kind, base: $0.base) } ?? []
        }
        let blocks = FeedImages.blocks(lead: entry.enclosureImages + entry.mediaImages, thumbnails: entry.thumbnails,
                                       body: body, bodyImageURLs: deferred?.imageURLs ?? [], base: entry.base)
        let title = givenTitle ?? FeedText.fallbackTitle(from: blocks)
        // An entry without an alternate link is often identified by its URL.
        let url = entry.alternateLink ?? entry.id.flatMap { CanonicalURL.resolve($0, against: nil) }
        let published = [entry.published, entry.updated].compactMap { $0 }.lazy.compactMap(FeedDates.parse).first

        return Article(guid: FeedText.nonEmptyLine(entry.id), title: title, source: source, url: url,
                       published: published, author: FeedText.authors(entry.authors),
                       language: FeedText.nonEmptyLine(entry.language),
                       categories: FeedText.categories(entry.categories), blocks: blocks, deferredHTML: deferred,
                       origin: origin)
    }
}
