import NewsModel

/// Reads RSS 2.0 (and 0.9x), RSS 1.0/RDF and Atom 1.0 feeds into articles.
///
/// The document is streamed through libxml2's reader (`FeedReader`, which
/// also holds the security rules); a format collector picks the fields and a
/// builder turns each item into an `Article` once the whole feed is read,
/// because the channel's title and link may come after the items.
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
                try parse(buffer: buffer, origin: origin, baseURL: baseURL)
            }
        }
        return try outcome.get()
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>, origin: Origin,
                              baseURL: String?) throws(ImportError) -> ImportResult {
        let reader = try FeedReader(buffer: buffer)
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
            try FeedDocumentWalker.walk(reader, root: root, documentBase: baseURL, collector: &collector)
            let builder = AtomEntryBuilder(feed: collector.feed, baseURL: baseURL, origin: origin)
            return ImportResult(format: .atom, articles: collector.entries.map(builder.article))
        }
        var collector = RSSFeedCollector()
        try FeedDocumentWalker.walk(reader, root: root, documentBase: baseURL, collector: &collector)
        let builder = RSSItemBuilder(channel: collector.channel, baseURL: baseURL, origin: origin)
        return ImportResult(format: format, articles: collector.items.map(builder.article))
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
