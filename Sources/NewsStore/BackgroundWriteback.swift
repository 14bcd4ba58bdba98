import FileWriteback
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sends a file being built to the disk while it is being built, a few
/// times a second, without waiting for the disk.
///
/// The store under construction is written with `synchronous = OFF`: all
/// of it stays in the page cache until the `fsync` before it is published.
/// The kernel starts writing dirty pages on its own only after 30 s or
/// past a tenth of memory, so a first import of 100,000 articles (280 MB)
/// waited for all of it at the end: 0.10 to 0.13 s of nothing, a thirtieth
/// of the import. Started as the pages are written, the disk works while
/// the import does, and the last `fsync` finds little left.
final class BackgroundWriteback: @unchecked Sendable {
    /// How often the file's dirty pages are handed to the disk.
    static let interval: TimeInterval = 0.1

    private let condition = NSCondition()
    private var stopped = false

    /// Nil when the file cannot be opened: it is then written at the end.
    init?(path: String) {
        let file = open(path, O_RDWR | O_CLOEXEC)
        guard file >= 0 else { return nil }
        let thread = Thread { [condition] in
            condition.lock()
            while !self.stopped {
                _ = condition.wait(until: Date(timeIntervalSinceNow: Self.interval))
                if self.stopped { break }
                condition.unlock()
                // Failing only means the disk is written at the end.
                _ = kiosque_start_writeback(file)
                condition.lock()
            }
            condition.unlock()
            close(file)
        }
        thread.start()
    }

    /// Stops the writing: the caller's `fsync` writes whatever is left.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }
}
