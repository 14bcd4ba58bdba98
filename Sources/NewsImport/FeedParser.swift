import NewsModel

/// Reads RSS 2.0 (and 0.9x), RSS 1.0/RDF and Atom 1.0 feeds into articles.
///
/// The document is streamed through libxml2's reader (`FeedReader`, which
/// also holds the security rules); a format collector picks the fields and a
/// builder turns each item into an `Article` as soon as the item ends, so a
/// feed of 100,000 items never sits whole in memory.
///
/// The channel's title and link name the source and resolve the items'
/// links, and a feed may give them after its first items. Items are built
/// with what the channel said before the first of them; if the channel
/// turns out to say something else by the end, `stream` throws
/// `FeedRestart`: whoever received the articles drops them and streams
/// again with the restart as hint, which holds the complete channel.
public enum FeedParser {
    /// Parses a whole feed. `baseURL` is the feed's own address when known:
    /// relative links resolve against it (after xml:base and, in RSS, the
    /// channel's link). Throws `ImportError` for malformed XML (with the
    /// line), unsafe documents, and XML that is neither RSS nor Atom; it
    /// throws nothing else.
    public static func parse(_ data: [UInt8], origin: Origin, baseURL: String?) throws(ImportError) -> ImportResult {
        guard !data.isEmpty else { throw ImportError("fichier vide") }
        // libxml2 reads the bytes in place: the buffer must outlive the reader.
        let outcome = data.withUnsafeBufferPointer { buffer in
            Result { () throws(ImportError) -> ImportResult in
                var hint: FeedRestart?
                while true {
                    var articles: [Article] = []
                    do {
                        let format = try stream(buffer, origin: origin, baseURL: baseURL, hint: hint) {
                            if let article = $0.article { articles.append(article) }
                        }
                        return ImportResult(format: format, articles: articles)
                    } catch let restart as FeedRestart {
                        hint = restart
                    } catch let error as ImportError {
                        throw error
                    } catch {
                        throw ImportError("\(error)")   // unreachable: appending throws nothing
                    }
                }
            }
        }
        return try outcome.get()
    }

    /// Streams a feed: `emit` receives each article in document order as
    /// soon as its item ends. Returns the format once the document is read.
    /// Throws `ImportError` for a refused document, `FeedRestart` when the
    /// articles already emitted must be dropped and the feed streamed again
    /// with it as `hint`, and whatever `emit` throws.
    public static func stream(_ buffer: UnsafeBufferPointer<UInt8>, origin: Origin, baseURL: String?,
                              hint: FeedRestart?, isKnown: (UInt64) -> Bool = { _ in false },
                              emit: (FeedItem) throws -> Void) throws -> DocumentFormat {
        guard !buffer.isEmpty else { throw ImportError("fichier vide") }
        return try stream(FeedReader(buffer: buffer), origin: origin, baseURL: baseURL, hint: hint,
                          isKnown: isKnown, emit: emit)
    }

    /// `isKnown` is asked about each item's raw hash (`FeedItemHash`) before
    /// the item is built: a known item is emitted without its article.
    static func stream(_ reader: FeedReader, origin: Origin, baseURL: String?, hint: FeedRestart?,
                       isKnown: (UInt64) -> Bool, emit: (FeedItem) throws -> Void) throws -> DocumentFormat {
        var root: FeedElement?
        while root == nil, let event = try reader.next() {
            if case .start(let element) = event { root = element }
        }
        guard let root else { throw ImportError("document XML sans élément") }

        guard let format = FeedFormatDetection.format(ofRoot: root) else {
            throw ImportError("document XML qui n'est ni RSS ni Atom (élément racine <\(root.localName)>)",
                              line: root.line)
        }
        if format == .atom {
            var builder = hint?.atom
            var collector = AtomFeedCollector()
            try FeedDocumentWalker.walk(reader, root: root, documentBase: baseURL, collector: &collector) { collector in
                guard !collector.entries.isEmpty else { return }
                let entries = collector.takeEntries()
                let current = builder ?? AtomEntryBuilder(feed: collector.feed, baseURL: baseURL, origin: origin)
                builder = current
                for entry in entries {
                    let hash = FeedItemHash.of(entry, builder: current)
                    try emit(FeedItem(rawHash: hash, article: isKnown(hash) ? nil : current.article(from: entry)))
                }
            }
            let final = AtomEntryBuilder(feed: collector.feed, baseURL: baseURL, origin: origin)
            if let used = builder, used != final { throw FeedRestart(atom: final) }
            return .atom
        }
        var builder = hint?.rss
        var collector = RSSFeedCollector()
        try FeedDocumentWalker.walk(reader, root: root, documentBase: baseURL, collector: &collector) { collector in
            guard !collector.items.isEmpty else { return }
            let items = collector.takeItems()
            let current = builder ?? RSSItemBuilder(channel: collector.channel, baseURL: baseURL, origin: origin)
            builder = current
            for item in items {
                let hash = FeedItemHash.of(item, builder: current)
                try emit(FeedItem(rawHash: hash, article: isKnown(hash) ? nil : current.article(from: item)))
            }
        }
        let final = RSSItemBuilder(channel: collector.channel, baseURL: baseURL, origin: origin)
        if let used = builder, used != final { throw FeedRestart(rss: final) }
        return format
    }
}

/// One item of a streamed feed: its raw hash (`FeedItemHash`), and the
/// article built from it unless the hash was known.
public struct FeedItem: Sendable {
    public var rawHash: UInt64
    public var article: Article?
}

/// A feed whose channel (title, link, language) was completed after its
/// first items: the articles emitted so far were named with an incomplete
/// channel. Passed back as `hint`, it carries the complete one.
public struct FeedRestart: Error, Sendable {
    fileprivate var rss: RSSItemBuilder?
    fileprivate var atom: AtomEntryBuilder?

    fileprivate init(rss: RSSItemBuilder? = nil, atom: AtomEntryBuilder? = nil) {
        self.rss = rss
        self.atom = atom
    }
}

/// The feed format, known from the root element alone.
enum FeedFormatDetection {
    static func format(ofRoot root: FeedElement) -> DocumentFormat? {
        switch (root.namespace, root.localName) {
        case (nil, "rss"), (nil, "channel"): return .rss2
        case (FeedNamespace.rdf, "RDF"): return .rss1
        case (FeedNamespace.atom, "feed"), (FeedNamespace.atom03, "feed"): return .atom
        default: return nil
        }
    }
}
