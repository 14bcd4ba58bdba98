import NewsModel

/// Reads RSS 2.0 (and 0.9x), RSS 1.0/RDF and Atom 1.0 feeds into articles.
///
/// The document is streamed through an XML reader: `PlainFeedReader` for
/// the plain UTF-8 XML most feeds are, else libxml2's (`FeedReader`, which
/// also holds the security rules). A format collector picks the fields and
/// a builder turns each item into an `Article` as soon as the item ends, so
/// a feed of 100,000 items never sits whole in memory.
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
    public static func parse(_ data: [UInt8], origin: Origin, baseURL: String?,
                             bodies: FeedBodies = .blocks) throws(ImportError) -> ImportResult {
        guard !data.isEmpty else { throw ImportError("fichier vide") }
        // libxml2 reads the bytes in place: the buffer must outlive the reader.
        let outcome = data.withUnsafeBufferPointer { buffer in
            Result { () throws(ImportError) -> ImportResult in
                var hint: FeedRestart?
                while true {
                    var articles: [Article] = []
                    do {
                        let format = try stream(buffer, origin: origin, baseURL: baseURL, hint: hint, bodies: bodies) {
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
                              bodies: FeedBodies = .blocks,
                              emit: (FeedItem) throws -> Void) throws -> DocumentFormat {
        guard !buffer.isEmpty else { throw ImportError("fichier vide") }
        return try stream(plain: { () throws(PlainFeedReader.Declined) in try PlainFeedReader(buffer: buffer) },
                          libxml2: { () throws(ImportError) in try FeedReader(buffer: buffer) },
                          origin: origin, baseURL: baseURL, hint: hint, isKnown: isKnown, bodies: bodies, emit: emit)
    }

    /// Reads with the plain reader when it takes the document, else with
    /// libxml2's. When the plain reader gives up after articles went out,
    /// `FeedRestart` has them dropped and the feed read again by libxml2.
    static func stream(plain: () throws(PlainFeedReader.Declined) -> PlainFeedReader,
                       libxml2: () throws(ImportError) -> FeedReader, origin: Origin, baseURL: String?,
                       hint: FeedRestart?, isKnown: (UInt64) -> Bool, bodies: FeedBodies,
                       emit: (FeedItem) throws -> Void) throws -> DocumentFormat {
        if hint?.withLibxml2 != true, let reader = try? plain() {
            var emitted = false
            do {
                return try stream(reader, origin: origin, baseURL: baseURL, hint: hint, isKnown: isKnown,
                                  bodies: bodies) {
                    emitted = true
                    try emit($0)
                }
            } catch is PlainFeedReader.Declined {
                if emitted {
                    var restart = hint ?? FeedRestart()
                    restart.withLibxml2 = true
                    throw restart
                }
            }
        }
        do {
            return try stream(libxml2(), origin: origin, baseURL: baseURL, hint: hint, isKnown: isKnown,
                              bodies: bodies, emit: emit)
        } catch var restart as FeedRestart {
            restart.withLibxml2 = true   // the next reading too
            throw restart
        }
    }

    /// `isKnown` is asked about each item's raw hash (`FeedItemHash`) before
    /// the item is built: a known item is emitted without its article.
    static func stream(_ reader: some FeedEventSource, origin: Origin, baseURL: String?, hint: FeedRestart?,
                       isKnown: (UInt64) -> Bool, bodies: FeedBodies = .blocks,
                       emit: (FeedItem) throws -> Void) throws -> DocumentFormat {
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
            var collector = AtomFeedCollector()
            let builders = try streamItems(
                reader, root: root, baseURL: baseURL, collector: &collector, hint: hint?.atom,
                take: { $0.takeEntries() },
                makeBuilder: { AtomEntryBuilder(feed: $0.feed, baseURL: baseURL, origin: origin) },
                hash: FeedItemHash.of, build: { $0.article(from: $1, bodies: bodies) }, isKnown: isKnown, emit: emit)
            if let used = builders.used, used != builders.final { throw FeedRestart(atom: builders.final) }
            return .atom
        }
        var collector = RSSFeedCollector()
        let builders = try streamItems(
            reader, root: root, baseURL: baseURL, collector: &collector, hint: hint?.rss,
            take: { $0.takeItems() },
            makeBuilder: { RSSItemBuilder(channel: $0.channel, baseURL: baseURL, origin: origin) },
            hash: FeedItemHash.of, build: { $0.article(from: $1, bodies: bodies) }, isKnown: isKnown, emit: emit)
        if let used = builders.used, used != builders.final { throw FeedRestart(rss: builders.final) }
        return format
    }
}

extension FeedParser {
    /// The streaming both formats share: items are taken from the collector
    /// as they end, and built by a builder made from what the feed's header
    /// said before the first of them (or the restart's `hint`). Returns
    /// that builder, if any item needed one, and the one the whole header
    /// makes, so the caller can tell whether the feed must be read again.
    fileprivate static func streamItems<Collector: FeedCollector, Item, Builder: Equatable>(
        _ reader: some FeedEventSource, root: FeedElement, baseURL: String?, collector: inout Collector, hint: Builder?,
        take: (inout Collector) -> [Item], makeBuilder: (Collector) -> Builder,
        hash: (Item, Builder) -> UInt64, build: (Builder, Item) -> Article,
        isKnown: (UInt64) -> Bool, emit: (FeedItem) throws -> Void
    ) throws -> (used: Builder?, final: Builder) {
        var builder = hint
        try FeedDocumentWalker.walk(reader, root: root, documentBase: baseURL, collector: &collector) { collector in
            let items = take(&collector)
            guard !items.isEmpty else { return }
            let current = builder ?? makeBuilder(collector)
            builder = current
            for item in items {
                let itemHash = hash(item, current)
                try emit(FeedItem(rawHash: itemHash, article: isKnown(itemHash) ? nil : build(current, item)))
            }
        }
        return (builder, makeBuilder(collector))
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
///
/// A restart also says when the feed must be read by libxml2: the plain
/// reader gave up on it after articles went out.
public struct FeedRestart: Error, Sendable {
    fileprivate var rss: RSSItemBuilder?
    fileprivate var atom: AtomEntryBuilder?
    var withLibxml2 = false

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
