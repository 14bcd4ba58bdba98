import ArticleHTML
import Foundation
import NewsModel

/// Turns a news web page into an article: title, author, date, lead image,
/// and the body as blocks, without the page's furniture.
///
/// The metadata comes from what the page declares (OpenGraph, JSON-LD,
/// meta tags) and else from what it shows around its title ("Par Claire
/// Dubois", "Publié le 18 février 2025 à 11h20"). The body is found by
/// `ContentFinder` after `PagePruner` has taken out what is never the
/// article, then cleaned by `ContentCleaner` and turned into blocks by the
/// same builder as feed items. The standfirst and lead figure, which pages
/// often put between the title and the body, come first.
public enum ArticleExtractor {
    public static func extract(_ bytes: [UInt8], url: String?) throws(ImportError) -> ExtractedPage {
        if bytes.isEmpty { throw ImportError("page vide") }
        let text = try PageDecoding.decode(bytes)
        guard let document = HTMLDocument(page: text) else { throw ImportError("page HTML illisible") }
        return try document.withRoot { (root) throws(ImportError) -> ExtractedPage in
            guard let root else { throw ImportError("page HTML illisible") }
            return try extract(root: root, url: url)
        }
    }

    private static func extract(root: HTMLNode, url: String?) throws(ImportError) -> ExtractedPage {
        let metadata = PageMetadata(root: root)
        let pageURL = url.flatMap(CanonicalURL.canonical)
        let declaredURL = [metadata.canonical, metadata.value("og:url"), metadata.linkedData.url]
            .compactMap { $0 }.lazy.compactMap { CanonicalURL.resolve($0, against: pageURL) }.first
        let baseURL = metadata.base.flatMap { CanonicalURL.resolve($0, against: pageURL ?? declaredURL) } ?? pageURL ?? declaredURL

        let headings = TitleFinder(root: root)
        let declaredTitle = [metadata.linkedData.headline, metadata.value("og:title"), metadata.value("twitter:title"),
                             metadata.documentTitle].compactMap { $0 }.first { !$0.isEmpty }
        let titleNode = headings.bestTitle(matching: declaredTitle)
        // Read now: the cleaner frees an <h1> found inside the body.
        let shownTitle = titleNode.map { TextSanitizer.cleanLine(ContentCleaner.leadingText(of: $0, limit: 400)) }
        let marked = headings.markedBody
        let visible = PageText(root: root, title: titleNode)
        let facts = PageFacts(root: root)

        PagePruner.prune(root: root, keeping: headings.protectedNodes(title: titleNode))
        let statistics = PageStatistics(root: root)
        let finder = ContentFinder(statistics: statistics)
        let body = finder.contentRoots(preferring: marked)
        guard !body.isEmpty else { throw ImportError("aucun texte d'article trouvé dans la page") }
        let lead = LeadFinder.lead(title: titleNode, before: body[0], statistics: statistics)
        ContentCleaner(statistics: statistics).clean(lead + body)

        var builder = HTMLBlockBuilder(baseURL: baseURL)
        for node in lead + body { HTMLTreeWalk.visit(node: node, with: &builder) }
        let title = shownTitle.flatMap { $0.isEmpty ? nil : $0 }
            ?? declaredTitle.map { SiteName.strip(from: $0, siteName: metadata.value("og:site_name")) }
        guard let title, !title.isEmpty else { throw ImportError("page sans titre") }
        var blocks = BlockTidying.tidy(builder.finish(), title: title)
        guard blocks.contains(where: { if case .paragraph = $0 { return true } else { return false } }) else {
            throw ImportError("aucun texte d'article trouvé dans la page")
        }

        let declaredImage = [metadata.value("og:image"), metadata.value("og:image:url"), metadata.value("twitter:image"),
                             metadata.linkedData.image].compactMap { $0 }.lazy
            .compactMap { CanonicalURL.resolve($0, against: baseURL) }.first
        let firstImage = blocks.lazy.compactMap { block -> String? in
            if case .image(let image) = block { return image.url } else { return nil }
        }.first
        if firstImage == nil, let declaredImage {
            blocks.insert(.image(ImageRef(url: declaredImage)), at: 0)
        }
        return ExtractedPage(
            title: title,
            author: PageAuthor.find(metadata: metadata, facts: facts, visible: visible),
            published: PageDate.find(metadata: metadata, facts: facts, visible: visible),
            image: declaredImage ?? firstImage,
            url: declaredURL ?? pageURL,
            source: SiteName.find(metadata: metadata, title: title, url: declaredURL ?? pageURL),
            language: metadata.language.map { String($0.prefix(2)).lowercased() },
            blocks: blocks)
    }
}
