import NewsModel

/// An Atom text construct as written, with the base its links resolve against.
struct AtomText {
    var raw: String
    var kind: FeedTextKind
    var base: String?
}

/// The raw fields of the `<feed>` element.
struct AtomFeedFields {
    var title: AtomText?
    var alternateLink: String?
    var authors: [String] = []
}

/// The raw fields of one `<entry>`.
struct AtomEntryFields {
    var title: AtomText?
    var id: String?
    /// Already absolute: resolved against the xml:base in effect on the link.
    var alternateLink: String?
    var published: String?
    var updated: String?
    var authors: [String] = []
    var categories: [String] = []
    var content: AtomText?
    var summary: AtomText?
    var language: String?
    var base: String?
    var enclosureImages: [FeedImage] = []
    var mediaImages: [FeedImage] = []
    var thumbnails: [FeedImage] = []
}

/// Reads Atom 1.0 (and the 0.3 draft's date names). Text constructs are
/// captured as text (`type="text"` and `"html"`) or as re-serialised markup
/// (`type="xhtml"`); each keeps the xml:base in effect on its element.
struct AtomFeedCollector: FeedCollector {
    private(set) var feed = AtomFeedFields()
    private(set) var entries: [AtomEntryFields] = []

    /// Hands over the entries read so far (see `RSSFeedCollector.takeItems`).
    mutating func takeEntries() -> [AtomEntryFields] {
        guard !entries.isEmpty else { return [] }   // asked after every element's end
        defer { entries.removeAll(keepingCapacity: true) }
        return entries
    }

    private var entry: AtomEntryFields?
    private var entryDepth = 0
    private var authorDepth: Int?
    /// The base in effect on the element being captured.
    private var captureBase: String?
    private var entryLinkIsPage = false
    private var feedLinkIsPage = false

    private var ownerDepth: Int { entry == nil ? 0 : entryDepth }

    mutating func start(_ element: FeedElement, scope: FeedScope) -> FeedCapture {
        if entry == nil, element.depth == 1, element.isNamed("entry", in: FeedNamespace.atomElements) {
            var fields = AtomEntryFields()
            fields.language = scope.language
            fields.base = scope.base
            entry = fields
            entryDepth = element.depth
            entryLinkIsPage = false
            return .children
        }
        if entry != nil, startMedia(element) { return .children }
        if let authorDepth, element.depth == authorDepth + 1,
           element.isNamed("name", in: FeedNamespace.atomElements) {
            return .text
        }
        guard element.depth == ownerDepth + 1, FeedNamespace.atomElements.contains(element.namespace) else {
            return .children
        }
        captureBase = scope.base
        switch element.localName {
        case "author":
            authorDepth = element.depth
            return .children
        case "link":
            recordLink(element, base: scope.base)
            return .children
        case "category":
            if let term = element.attribute("term") { entry?.categories.append(term) }
            return .children
        case "title", "summary", "content":
            // Out-of-line content (src=…) and binary types have no text here.
            guard element.attribute("src") == nil,
                  let kind = FeedTextKind(atomType: element.attribute("type")) else { return .children }
            return kind == .xhtml ? .markup : .text
        case "id", "published", "updated", "issued", "modified":
            return entry == nil ? .children : .text
        default:
            return .children
        }
    }

    mutating func end(_ element: FeedElement, captured: String?) {
        // The depth first: binding the entry copied all its fields at every end.
        if element.depth == entryDepth, var current = entry.take() {
            if current.authors.isEmpty { current.authors = feed.authors }  // RFC 4287 §4.2.1
            entries.append(current)
            return
        }
        if element.depth == authorDepth {
            authorDepth = nil
            return
        }
        guard let captured else { return }
        if element.localName == "name", let authorDepth, element.depth == authorDepth + 1 {
            if entry != nil { entry?.authors.append(captured) } else { feed.authors.append(captured) }
            return
        }
        guard element.depth == ownerDepth + 1 else { return }
        let text = FeedTextKind(atomType: element.attribute("type")).map {
            AtomText(raw: captured, kind: $0, base: captureBase)
        }
        guard entry != nil else {
            if element.localName == "title" { feed.title = text }
            return
        }
        switch element.localName {
        case "title": entry?.title = text
        case "content": entry?.content = text
        case "summary": entry?.summary = text
        case "id": entry?.id = captured
        case "published", "issued": if entry?.published == nil { entry?.published = captured }
        case "updated", "modified": if entry?.updated == nil { entry?.updated = captured }
        default: break
        }
    }

    /// rel="alternate" (the default) is the article's page; an image
    /// rel="enclosure" is a lead image.
    private mutating func recordLink(_ element: FeedElement, base: String?) {
        guard let href = element.attribute("href") else { return }
        let relation = element.attribute("rel")?.lowercased() ?? "alternate"
        let type = element.attribute("type")?.lowercased()
        if relation == "alternate", let url = CanonicalURL.resolve(href, against: base) {
            // The first alternate wins, unless it is another representation
            // (a PDF, a feed) and a web page comes later.
            let isPage = type.map { $0.contains("html") } ?? true
            if entry != nil {
                if entry?.alternateLink == nil || (isPage && !entryLinkIsPage) {
                    entry?.alternateLink = url
                    entryLinkIsPage = isPage
                }
            } else if feed.alternateLink == nil || (isPage && !feedLinkIsPage) {
                feed.alternateLink = url
                feedLinkIsPage = isPage
            }
        } else if relation == "enclosure", entry != nil, FeedImages.isImage(medium: nil, type: type, url: href),
                  let url = CanonicalURL.resolve(href, against: base) {
            entry?.enclosureImages.append(FeedImage(url: url))
        }
    }

    /// Media RSS inside entries (video platforms' Atom feeds use it).
    private mutating func startMedia(_ element: FeedElement) -> Bool {
        guard FeedNamespace.mediaRSS.contains(element.namespace), let url = element.attribute("url") else {
            return false
        }
        switch element.localName {
        case "thumbnail":
            entry?.thumbnails.append(FeedImage(url: url))
        case "content" where FeedImages.isImage(medium: element.attribute("medium"),
                                                type: element.attribute("type"), url: url):
            entry?.mediaImages.append(FeedImage(url: url))
        default:
            return false
        }
        return true
    }
}
