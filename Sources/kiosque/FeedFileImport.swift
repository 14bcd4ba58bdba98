import Foundation
import NewsImport
import NewsModel
import NewsStore

/// Imports one feed file in one transaction, using both cores: a thread of
/// its own parses the feed and prepares each article (blocks, body JSON,
/// search terms), while this one writes the previous articles. The queue
/// between them is bounded, so memory stays flat whatever the feed's size.
enum FeedFileImport {
    static func run(_ file: FeedFile, store: NewsStore, fingerprint: DocumentFingerprint?) throws -> SaveOutcome {
        let origin = Origin(kind: .file, location: file.path)
        var hint: FeedRestart?
        while true {
            do {
                return try store.importDocument(location: file.path, fingerprint: fingerprint) { writer in
                    let known = try writer.knownRawHashes(from: origin.location)
                    let queue = HandOff<PreparedItem>(capacity: 256)
                    let parser = Thread { [hint] in
                        do {
                            _ = try file.stream(origin: origin, baseURL: nil, hint: hint, isKnown: known.contains) { item in
                                try queue.put(PreparedItem(article: item.article.map {
                                    PreparedArticle($0, rawHash: item.rawHash)
                                }))
                            }
                            queue.finish(nil)
                        } catch {
                            queue.finish(error)
                        }
                    }
                    parser.stackSize = 8 << 20
                    parser.start()
                    do {
                        while let item = try queue.take() {
                            if let article = item.article { try writer.save(article) } else { writer.countUnchanged() }
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

/// An item ready for the store; nil when its raw hash says it is stored.
struct PreparedItem: Sendable {
    var article: PreparedArticle?
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
