import NewsModel

/// The raw hash of a feed item: every field as the feed wrote it, plus what
/// the builder adds (source, base, language, origin) and the builder's
/// version. Two items with the same raw hash build the same article, so an
/// item already stored with its raw hash need not be built again.
///
/// Every stored property of the fields is hashed: a test counts them, so a
/// field added later cannot be forgotten here.
enum FeedItemHash {
    /// Raise when building an article from the same fields changes, so that
    /// the next import rebuilds every item instead of trusting raw hashes.
    static let builderVersion: UInt64 = 1

    static func of(_ item: RSSItemFields, builder: RSSItemBuilder) -> UInt64 {
        var h = ContentHasher()
        h.add(builderVersion)
        h.add(1)   // RSS
        h.add(builder.source); h.add(optional: builder.channelBase); h.add(optional: builder.channelLanguage)
        h.add(builder.origin)
        h.add(optional: item.title); h.add(optional: item.link); h.add(optional: item.about)
        h.add(optional: item.guid); h.add(item.guidIsPermaLink ? 1 : 0)
        h.add(optional: item.description); h.add(optional: item.encodedContent)
        h.add(optional: item.pubDate); h.add(optional: item.dcDate)
        h.add(list: item.creators); h.add(optional: item.author); h.add(list: item.categories)
        h.add(optional: item.language); h.add(optional: item.declaredBase)
        h.add(images: item.enclosureImages); h.add(images: item.mediaImages); h.add(images: item.thumbnails)
        return h.value
    }

    static func of(_ entry: AtomEntryFields, builder: AtomEntryBuilder) -> UInt64 {
        var h = ContentHasher()
        h.add(builderVersion)
        h.add(2)   // Atom
        h.add(builder.source); h.add(builder.origin)
        h.add(entry.title); h.add(optional: entry.id); h.add(optional: entry.alternateLink)
        h.add(optional: entry.published); h.add(optional: entry.updated)
        h.add(list: entry.authors); h.add(list: entry.categories)
        h.add(entry.content); h.add(entry.summary)
        h.add(optional: entry.language); h.add(optional: entry.base)
        h.add(images: entry.enclosureImages); h.add(images: entry.mediaImages); h.add(images: entry.thumbnails)
        return h.value
    }
}

private extension ContentHasher {
    /// nil and "" differ.
    mutating func add(optional string: String?) {
        if let string { add(1); add(string) } else { add(0) }
    }

    mutating func add(list: [String]) {
        add(UInt64(list.count))
        for string in list { add(string) }
    }

    mutating func add(_ origin: Origin) {
        add(origin.kind.rawValue)
        add(origin.location)
    }

    mutating func add(_ text: AtomText?) {
        guard let text else { add(0); return }
        add(1)
        add(text.raw)
        add(text.kind == .text ? 1 : text.kind == .html ? 2 : 3)
        add(optional: text.base)
    }

    mutating func add(images: [FeedImage]) {
        add(UInt64(images.count))
        for image in images {
            add(image.url); add(optional: image.caption); add(optional: image.credit)
        }
    }
}
