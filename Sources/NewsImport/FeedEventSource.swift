/// Where the feed parsers read XML events from: libxml2's reader
/// (`FeedReader`), or the plain-XML reader that most feeds take
/// (`PlainFeedReader`), which gives the same events for the documents it
/// accepts.
protocol FeedEventSource: AnyObject {
    /// The next event, or nil at the end of the document. Throws
    /// `ImportError` for a refused document, and, from `PlainFeedReader`
    /// only, `PlainFeedReader.Declined` for a document it leaves to libxml2.
    func next() throws -> FeedEvent?
}

extension FeedReader: FeedEventSource {}
