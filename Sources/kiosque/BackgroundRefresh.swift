import Foundation
import NewsStore
import ReaderUI

/// The reader's `r`: the feeds are fetched on other threads while the
/// screen goes on; the loop reads the progress when it wakes (it polls a
/// few times a second while a refresh runs, and not at all otherwise).
final class BackgroundRefresh: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    private var done = 0
    private var added = 0
    private var failed = 0
    private var finished = false
    private var reported = -1

    /// Starts fetching every subscribed feed.
    static func start(store: NewsStore, timeout: TimeInterval = FetchCommand.timeout) -> BackgroundRefresh {
        let job = BackgroundRefresh()
        Thread.detachNewThread {
            let feeds = (try? store.feeds()) ?? []
            job.lock.withLock { job.total = feeds.count }
            FetchPool(jobs: 8).fetch(feeds, into: store, timeout: timeout) { _, result in
                job.lock.withLock {
                    job.done += 1
                    switch result {
                    case .saved(let outcome, _): job.added += outcome.added
                    case .failed: job.failed += 1
                    case .unchanged: break
                    }
                }
            }
            job.lock.withLock { job.finished = true }
        }
        return job
    }

    /// The progress as a message, when it changed since last asked.
    func takeProgress() -> Message? {
        lock.withLock {
            let step = finished ? Int.max : done
            guard step != reported, total > 0 || finished else { return nil }
            reported = step
            return .refreshProgress(done: done, total: total, added: added, failed: failed, finished: finished)
        }
    }

    var isFinished: Bool { lock.withLock { finished } }
}
