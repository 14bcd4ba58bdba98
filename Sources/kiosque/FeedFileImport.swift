import Foundation
import NewsImport
import NewsModel
import NewsStore

/// Imports one feed file in one transaction, using both cores: a thread of
/// its own parses the feed, builds each article and prepares it (blocks,
/// body JSON, hash), while this one works out the search terms and writes
/// the previous ones: the two halves cost about the same. The queue
/// between them is bounded, so memory stays flat whatever the feed's size.
enum FeedFileImport {
    static let batchSize = 64

    static func run(_ file: FeedFile, store: NewsStore, fingerprint: DocumentFingerprint?) throws -> SaveOutcome {
        let origin = Origin(kind: .file, location: file.path)
        var hint: FeedRestart?
        while true {
            do {
                return try store.importDocument(location: file.path, fingerprint: fingerprint) { writer in
                    let known = try writer.knownRawHashes(from: origin.location)
                    // Items go over in batches: one wake-up per batch, not per item.
                    let queue = HandOff<[PreparedArticle?]>(capacity: 8)
                    let parser = Thread { [hint] in
                        do {
                            var batch: [PreparedArticle?] = []
                            batch.reserveCapacity(batchSize)
                            _ = try file.stream(origin: origin, baseURL: nil, hint: hint, isKnown: known.contains) { item in
                                batch.append(item.article.map { PreparedArticle($0, rawHash: item.rawHash) })
                                if batch.count == batchSize {
                                    try queue.put(batch)
                                    batch.removeAll(keepingCapacity: true)
                                }
                            }
                            if !batch.isEmpty { try queue.put(batch) }
                            queue.finish(nil)
                        } catch {
                            queue.finish(error)
                        }
                    }
                    parser.stackSize = 8 << 20
                    parser.start()
                    do {
                        while let batch = try queue.take() {
                            for prepared in batch {
                                // nil: the raw hash said the item is stored as it is.
                                if let prepared { try writer.save(prepared) } else { writer.countUnchanged() }
                            }
                        }
                    } catch {
                        queue.cancel()   // the parser stops at its next item
                        queue.waitUntilFinished()
                        throw error
                    }
                }
            } catch let restart as FeedRestart {
                hint = restart   // the channel came late: everything was rolled back, read it again
            }
        }
    }
}

/// A bounded queue from one producer thread to one consumer.
final class HandOff<Element: Sendable>: @unchecked Sendable {
    private struct Cancelled: Error {}

    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private let capacity: Int
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Waits while the queue is full; throws once the consumer gave up.
    func put(_ item: Element) throws {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        items.append(item)
        condition.broadcast()
    }

    /// The producer is done: `error` is why it stopped early, if it did.
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, nil at the end; rethrows the producer's error.
    func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !finished { condition.wait() }
        if head < items.count {
            let item = items[head]
            head += 1
            if head >= capacity {   // drop what was taken, now and then
                items.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return item
        }
        if let failure { throw failure }
        return nil
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
