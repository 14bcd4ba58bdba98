import ArticleHTML
import NewsModel

/// How the bodies of a feed's items come out of a parse.
public enum FeedBodies: Sendable, Equatable {
    /// As blocks, made now: for whoever reads the articles.
    case blocks
    /// Simple HTML kept as it is (`Article.deferredHTML`) for the store to
    /// read when the article is read, the rest as blocks: for an import
    /// straight into a store, which then does a fifth less work.
    case deferredWhenSimple

    /// An item's body: kept for later when this reading keeps it and it can
    /// be, else its blocks `made` now. An item without a title (`titled`
    /// false) is named after its first paragraph, which needs the blocks.
    func body(html: String?, baseURL: String?, titled: Bool,
              made: () -> [Block]) -> (blocks: [Block], deferred: DeferredHTML?) {
        guard self == .deferredWhenSimple, titled, let html,
              let deferred = SimpleHTML.deferred(html, baseURL: baseURL) else { return (made(), nil) }
        return ([], deferred)
    }
}
