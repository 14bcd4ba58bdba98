import ArticleHTML
import NewsModel

/// Feed items that carry only a summary, and the article once its page
/// has been read.
public enum FullTextMerge {
    /// An item is a summary when its text is short (under 120 words) or
    /// ends by sending the reader to the page ("…", "Lire la suite"), and
    /// it links to a web page.
    public static func isSummaryOnly(_ article: Article) -> Bool {
        guard let url = article.url, url.hasPrefix("http://") || url.hasPrefix("https://") else { return false }
        var words = 0
        var last = ""
        let body = article.blocks
            + (article.deferredHTML.map { SimpleHTML.storedBlocks($0.html, baseURL: $0.baseURL) } ?? [])
        for block in body {
            switch block {
            case .paragraph(let text), .heading(_, let text), .quote(let text, _):
                words += text.split(separator: " ").count
                last = text
            case .list(_, let items):
                words += items.reduce(0) { $0 + $1.split(separator: " ").count }
            case .image, .links:
                break
            }
        }
        if words < 120 { return true }
        let ending = BoilerplateRules.fold(last.trimmingCharacters(in: .whitespaces))
        return ["…", "...", "[…]", "[...]", "(…)", "lire la suite", "read more", "continuer la lecture", "la suite"]
            .contains { ending.hasSuffix($0) }
    }

    /// The feed's item with the page's body. The feed keeps the title, the
    /// date and the identity (so the article is not duplicated); the page
    /// adds the author and language when the feed lacks them.
    public static func merge(_ item: Article, with page: ExtractedPage) -> Article {
        var article = item
        article.blocks = page.blocks
        article.deferredHTML = nil
        if article.author == nil { article.author = page.author }
        if article.language == nil { article.language = page.language }
        if article.published == nil { article.published = page.published }
        return article
    }
}
