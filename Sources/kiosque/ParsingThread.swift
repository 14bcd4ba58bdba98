import Foundation

/// The thread that parses an import's feeds, one after another in the
/// order they are written, and frees what the writer is done with.
///
/// One thread rather than one per file: the two files parsed ahead of the
/// writer shared the second core with each other and with the writer,
/// which then waited for the one it needed (0.28 s of a hundred feeds of
/// a thousand items). And the memory of parsed articles is freed by the
/// thread that allocated it: freed by another, it goes back to that
/// thread's arena of glibc's allocator under the arena's lock, while this
/// thread allocates from it; the two queued for the lock hundreds of times
/// per feed, and slept for milliseconds whenever the one holding it was
/// descheduled (the writer, 0.15 s of a feed of 100,000 items and 0.3 s of
/// a hundred feeds, by perf's scheduler events).
final class ParsingThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var givenBack: [any Sendable] = []
    private var closed = false
    private var ended = false
    private var waiting = false

    init() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 8 << 20   // the XML readers recurse into nested elements
        thread.start()
    }

    /// Runs `job` on the thread once the jobs before it are done.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        if waiting { condition.signal() }
        condition.unlock()
    }

    /// The caller holds `value` no more: it is freed on this thread, between
    /// two batches of the job at work, or at once when the thread is idle.
    /// Once the thread has ended, it is freed by the caller.
    func giveBack(_ value: consuming some Sendable) {
        condition.lock()
        defer { condition.unlock() }
        guard !ended else { return }
        givenBack.append(value)
        if waiting { condition.signal() }
    }

    /// For jobs, now and then: frees what was given back so far.
    func freeGivenBack() {
        condition.lock()
        let done = givenBack
        givenBack = []
        condition.unlock()
        _ = consume done   // freed here, out of the lock
    }

    /// No more jobs: the thread ends once those submitted are done.
    func close() {
        condition.lock()
        closed = true
        if waiting { condition.signal() }
        condition.unlock()
    }

    private func run() {
        while let job = nextJob() { job() }
    }

    /// The next job, freeing what was given back meanwhile; nil once closed
    /// and done.
    private func nextJob() -> (@Sendable () -> Void)? {
        while true {
            condition.lock()
            waiting = true
            while jobs.isEmpty && givenBack.isEmpty && !closed { condition.wait() }
            waiting = false
            let done = givenBack
            givenBack = []
            let job = jobs.isEmpty ? nil : jobs.removeFirst()
            if job == nil && done.isEmpty && closed { ended = true }
            condition.unlock()
            _ = consume done
            if let job { return job }
            if ended { return nil }
        }
    }
}
