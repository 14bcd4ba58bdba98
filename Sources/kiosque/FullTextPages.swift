import Foundation
import NewsImport
import NewsModel
import NewsStore

/// Reads the web page of each summary-only item of a fetched feed and puts
/// the page's body in place of the summary. A page that cannot be fetched
/// or read leaves the summary as it was; an article whose body already came
/// from its page is left alone, so the feed's summary never replaces it.
struct FullTextPages {
    /// Pages are fetched at most two at a time per server, whichever feeds
    /// they come from.
    static let hosts = HostLimits(perHost: 2)

    var timeout: TimeInterval

    struct Outcome {
        var articles: [Article]
        /// Identities of the articles whose body now comes from their page.
        var extracted: [String]
        var failed: Int
    }

    func fill(_ articles: [Article], store: NewsStore) throws(StoreError) -> Outcome {
        let summaries = Set(articles.indices.filter { FullTextMerge.isSummaryOnly(articles[$0]) })
        let done = try store.identitiesWithFullText(summaries.map { articles[$0].identityKey })
        // Keep what the store has for articles already read in full.
        let kept = articles.indices.filter { !summaries.contains($0) || !done.contains(articles[$0].identityKey) }
        var result = kept.map { articles[$0] }
        let wanted = result.indices.filter { summaries.contains(kept[$0]) }
        let pages = PageResults()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 4
        let timeout = self.timeout
        for index in wanted {
            guard let url = result[index].url else { continue }
            queue.addOperation {
                let host = URL(string: url)?.host ?? url
                Self.hosts.withSlot(for: host) {
                    if case .fetched(let body, _, _, let finalURL, _) = FeedFetcher.fetch(
                        url, etag: nil, lastModified: nil, timeout: timeout, accept: FeedFetcher.acceptPage),
                       let page = try? ArticleExtractor.extract(body, url: finalURL) {
                        pages.set(page, at: index)
                    }
                }
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        var extracted: [String] = []
        let found = pages.all()
        for index in wanted {
            guard let page = found[index] else { continue }
            result[index] = FullTextMerge.merge(result[index], with: page)
            extracted.append(result[index].identityKey)
        }
        return Outcome(articles: result, extracted: extracted, failed: wanted.count - extracted.count)
    }
}

private final class PageResults: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [Int: ExtractedPage] = [:]
    func set(_ page: ExtractedPage, at index: Int) { lock.withLock { pages[index] = page } }
    func all() -> [Int: ExtractedPage] { lock.withLock { pages } }
}
