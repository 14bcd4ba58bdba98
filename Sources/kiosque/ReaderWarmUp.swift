import Foundation
import NewsStore
import ReaderUI

/// Opens the selected article out of sight, on another thread, once the
/// first screen is drawn, and throws it away. The first article a process
/// opens pays for the Swift runtime's first look at every type on that path
/// (the store's records, the layout, the pager's drawing), for the pages of
/// their code and for the hyphenation patterns: the first Enter took 6 to
/// 9 ms where the next took 3, and 16 ms in a slow hour of this machine,
/// a frame's worth. Nothing is written (the copy's effects, marking the
/// article read among them, are dropped) and nothing is shown.
final class ReaderWarmUp: @unchecked Sendable {
    private let done = Handed<Bool>()

    /// Nil when there is no article to open.
    static func start(store: NewsStore, state: AppState) -> ReaderWarmUp? {
        guard let id = state.list.row(at: state.list.selection)?.id else { return nil }
        let index = state.list.selection
        let warmUp = ReaderWarmUp()
        Thread.detachNewThread {
            defer { warmUp.done.set(true) }
            guard let article = try? store.article(id: id) else { return }
            let images = (try? store.images(ofArticle: id)) ?? []
            var copy = state
            _ = copy.update(.article(article, images: images, index: index))
            _ = copy.render()
        }
        return warmUp
    }

    /// Returns once the opening is over: the reader waits for it before it
    /// exits, so that the store is never closed under it (a reader quit at
    /// once would otherwise end the process in the middle of a read).
    func wait() {
        _ = done.wait()
    }
}
