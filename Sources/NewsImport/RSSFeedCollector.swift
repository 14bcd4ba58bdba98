/// The raw fields of an RSS channel, as written.
struct RSSChannelFields: Equatable {
    var title: String?
    var link: String?
    var language: String?
}

/// The raw fields of one RSS item, as written; `RSSItemBuilder` makes the
/// article once the whole channel is known (its link is the items' base).
struct RSSItemFields {
    var title: String?
    var link: String?
    /// RSS 1.0's item URI (`rdf:about`).
    var about: String?
    var guid: String?
    var guidIsPermaLink = true
    var description: String?
    var encodedContent: String?
    var pubDate: String?
    var dcDate: String?
    var creators: [String] = []
    var author: String?
    var categories: [String] = []
    var language: String?
    /// The xml:base in effect on the item, when the feed declares one.
    var declaredBase: String?
    var enclosureImages: [FeedImage] = []
    var mediaImages: [FeedImage] = []
    var thumbnails: [FeedImage] = []
}

/// Reads RSS 0.9x/2.0 (items inside `<channel>`) and RSS 1.0/RDF (items
/// beside `<channel>`, in the RSS 1.0 namespace) with the content, Dublin
/// Core and Media RSS modules.
struct RSSFeedCollector: FeedCollector {
    private(set) var channel = RSSChannelFields()
    /// Items read and not yet taken (see `takeItems`).
    private(set) var items: [RSSItemFields] = []

    private var channelDepth: Int?
    private var item: RSSItemFields?
    private var itemDepth = 0
    /// The `media:content` being read, whose title and credit come as children.
    private var media: (image: FeedImage, isImage: Bool, depth: Int)?

    mutating func start(_ element: FeedElement, scope: FeedScope) -> FeedCapture {
        guard item != nil else { return startOutsideItem(element, scope: scope) }
        if element.isNamed("content", in: FeedNamespace.mediaRSS) {
            let url = element.attribute("url") ?? ""
            let isImage = FeedImages.isImage(medium: element.attribute("medium"), type: element.attribute("type"),
                                              url: url)
            media = (FeedImage(url: url), isImage, element.depth)
            return .children
        }
        if element.isNamed("thumbnail", in: FeedNamespace.mediaRSS), let url = element.attribute("url") {
            item?.thumbnails.append(FeedImage(url: url))
            return .children
        }
        if let media, element.depth == media.depth + 1,
           ["title", "description", "credit"].contains(element.localName),
           FeedNamespace.mediaRSS.contains(element.namespace) {
            return .text
        }
        guard element.depth == itemDepth + 1 else { return .children }
        if element.isNamed("enclosure", in: FeedNamespace.rss) {
            if let url = element.attribute("url"),
               FeedImages.isImage(medium: nil, type: element.attribute("type"), url: url) {
                item?.enclosureImages.append(FeedImage(url: url))
            }
            return .children
        }
        if element.isNamed("guid", in: FeedNamespace.rss) {
            item?.guidIsPermaLink = element.attribute("isPermaLink")?.lowercased() != "false"
        }
        return ItemField(element) != nil ? .text : .children
    }

    /// The item is changed where it lies (`item!.…`): taking it out and
    /// putting it back copied its twenty fields at every element's end.
    mutating func end(_ element: FeedElement, captured: String?) {
        guard item != nil else {
            if let captured { endChannelField(element, text: captured) }
            return
        }
        if element.depth == itemDepth {
            items.append(item.take()!)
            return
        }
        if let open = media {
            if element.depth == open.depth {
                if open.isImage { item!.mediaImages.append(open.image) }
                media = nil
            } else if element.depth == open.depth + 1, let captured {
                switch element.localName {
                case "credit": media?.image.credit = captured
                case "description": media?.image.caption = captured
                default: if open.image.caption == nil { media?.image.caption = captured }
                }
            }
            return
        }
        guard let captured, element.depth == itemDepth + 1, let field = ItemField(element) else { return }
        switch field {
        case .title: item!.title = captured
        case .link: item!.link = captured
        case .description: item!.description = captured
        case .encodedContent: item!.encodedContent = captured
        case .guid: item!.guid = captured
        case .pubDate: item!.pubDate = captured
        case .dcDate: item!.dcDate = captured
        case .creator: item!.creators.append(captured)
        case .author: item!.author = captured
        case .category: item!.categories.append(captured)
        case .language: item!.language = captured
        }
    }

    /// Hands over the items read so far, so that a large feed is built and
    /// stored item by item instead of being held whole.
    mutating func takeItems() -> [RSSItemFields] {
        guard !items.isEmpty else { return [] }   // asked after every element's end
        defer { items.removeAll(keepingCapacity: true) }
        return items
    }

    // MARK: - Channel

    private mutating func startOutsideItem(_ element: FeedElement, scope: FeedScope) -> FeedCapture {
        if element.isNamed("channel", in: FeedNamespace.rss), element.depth <= 1 {
            channelDepth = element.depth
            return .children
        }
        // Items are children of the channel (RSS 2.0) or of the root (RDF).
        if element.isNamed("item", in: FeedNamespace.rss),
           element.depth == 1 || element.depth == (channelDepth ?? -2) + 1 {
            var fields = RSSItemFields()
            fields.about = element.attribute("about", namespace: FeedNamespace.rdf)
            fields.declaredBase = scope.declaredBase
            fields.language = scope.language
            item = fields
            itemDepth = element.depth
            return .children
        }
        if let channelDepth, element.depth == channelDepth + 1, ChannelField(element) != nil {
            return .text
        }
        return .children
    }

    private mutating func endChannelField(_ element: FeedElement, text: String) {
        guard let channelDepth, element.depth == channelDepth + 1, let field = ChannelField(element) else { return }
        switch field {
        case .title: channel.title = channel.title ?? text
        case .link: channel.link = channel.link ?? text
        case .language: channel.language = channel.language ?? text
        }
    }

    // MARK: - Element names

    private enum ChannelField {
        case title, link, language

        init?(_ element: FeedElement) {
            if FeedNamespace.isRSS(element.namespace) {
                switch element.localName {
                case "title": self = .title
                case "link": self = .link
                case "language": self = .language
                default: return nil
                }
            } else if element.isNamed("language", in: FeedNamespace.dublinCoreModule) {
                self = .language
            } else {
                return nil
            }
        }
    }

    private enum ItemField {
        case title, link, description, encodedContent, guid, pubDate, dcDate, creator, author, category, language

        init?(_ element: FeedElement) {
            let name = element.localName
            if FeedNamespace.isRSS(element.namespace) {
                switch name {
                case "title": self = .title
                case "link": self = .link
                case "description": self = .description
                case "guid": self = .guid
                case "pubDate": self = .pubDate
                case "author": self = .author
                case "category": self = .category
                default: return nil
                }
            } else if FeedNamespace.dublinCoreModule.contains(element.namespace) {
                switch name {
                case "creator": self = .creator
                case "date": self = .dcDate
                case "subject": self = .category
                case "language": self = .language
                default: return nil
                }
            } else if element.isNamed("encoded", in: FeedNamespace.contentModule) {
                self = .encodedContent
            } else {
                return nil
            }
        }
    }
}
