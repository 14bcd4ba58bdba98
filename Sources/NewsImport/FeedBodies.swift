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

    /// The body kept for later, when this reading keeps it and it can be.
    func deferred(_ html: String, baseURL: String?) -> DeferredHTML? {
        self == .deferredWhenSimple ? SimpleHTML.deferred(html, baseURL: baseURL) : nil
    }
}
