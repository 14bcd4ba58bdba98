import Foundation
import NewsImport
import NewsModel
import NewsStore

/// A feed file being imported, using both cores: a thread of its own
/// parses the feed, builds each article and prepares it (blocks, body
/// JSON, hash), while the importing thread works out the search terms and
/// writes the previous ones in the file's transaction: the two halves cost
/// about the same. The queue between them is bounded, so memory stays flat
/// whatever the feed's size.
///
/// The parse starts as soon as the feed is opened, so the next file of a
/// batch is being read while the current one is written.
final class FeedParse {
    static let batchSize = 64

    let file: FeedFile
    let fingerprint: DocumentFingerprint
    private let queue = HandOff<[PreparedArticle?]>(capacity: 8)

    /// `known`: the raw hashes already stored from this file (see
    /// `NewsStore.knownRawHashes`); `hint`: a restart's complete channel.
    init(file: FeedFile, fingerprint: DocumentFingerprint, known: Set<UInt64>, hint: FeedRestart?) {
        self.file = file
        self.fingerprint = fingerprint
        let queue = queue
        let parser = Thread {
            do {
                var batch: [PreparedArticle?] = []
                batch.reserveCapacity(Self.batchSize)
                let origin = Origin(kind: .file, location: file.path)
                _ = try file.stream(origin: origin, baseURL: nil, hint: hint, isKnown: known.contains) { item in
                    // nil: the raw hash says the item is stored as it is.
                    batch.append(item.article.map { PreparedArticle($0, rawHash: item.rawHash) })
                    if batch.count == Self.batchSize {   // one wake-up per batch, not per item
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
    }

    /// A parse that is never written (the batch stopped) ends at its next batch.
    deinit { queue.cancel() }

    /// Writes the file's articles in one transaction; the parse's error
    /// (an `ImportError`, a `FeedRestart`) rolls it back and is rethrown.
    func write(into store: NewsStore) throws -> SaveOutcome {
        try store.importDocument(location: file.path, fingerprint: fingerprint) { writer in
            do {
                while let batch = try queue.take() {
                    for prepared in batch {
                        if let prepared { try writer.save(prepared) } else { writer.countUnchanged() }
                    }
                }
            } catch {
                queue.cancel()
                queue.waitUntilFinished()
                throw error
            }
        }
    }

    /// Writes the file, reading it again if its channel came late (the
    /// first transaction is then rolled back).
    func writeRestarting(into store: NewsStore) throws -> SaveOutcome {
        do {
            return try write(into: store)
        } catch let restart as FeedRestart {
            let again = FeedParse(file: file, fingerprint: fingerprint,
                                  known: try store.knownRawHashes(from: file.path), hint: restart)
            return try again.write(into: store)   // the hint holds the complete channel: no second restart
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
