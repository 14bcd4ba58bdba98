import Foundation

/// A bounded queue from one producer thread to one consumer.
final class HandOff<Element: Sendable>: @unchecked Sendable {
    private struct Cancelled: Error {}

    private let condition = NSCondition()
    /// Taken elements are moved out (nil): the consumer holds the only
    /// reference, and decides where the element is freed (see
    /// `ParsingThread.giveBack`).
    private var items: [Element?] = []
    private var head = 0
    private let capacity: Int
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    /// Who waits, so that each side wakes the other only when it waits: a
    /// thread woken for nothing took the writer's core from it.
    private var producerWaiting = false
    private var consumerWaitingForItem = false
    private var consumerWaitingForFinish = false

    init(capacity: Int) { self.capacity = capacity }

    private func wakeProducer() {
        if producerWaiting { condition.broadcast() }
    }

    private func wakeConsumer() {
        if consumerWaitingForItem || consumerWaitingForFinish { condition.broadcast() }
    }

    /// Waits while the queue is full; throws once the consumer gave up.
    func put(_ item: consuming Element) throws {
        condition.lock()
        defer { condition.unlock() }
        producerWaiting = true
        while items.count - head >= capacity && !cancelled { condition.wait() }
        producerWaiting = false
        if cancelled { throw Cancelled() }
        items.append(item)
        wakeConsumer()
    }

    /// How many items wait to be taken.
    var backlog: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count - head
    }

    /// Whether the consumer is waiting for the next item.
    var isConsumerWaiting: Bool {
        condition.lock()
        defer { condition.unlock() }
        return consumerWaitingForItem
    }

    /// The producer is done: `error` is why it stopped early, if it did.
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        wakeConsumer()
        condition.unlock()
    }

    /// The next item, nil at the end; rethrows the producer's error.
    func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        consumerWaitingForItem = true
        while head == items.count && !finished { condition.wait() }
        consumerWaitingForItem = false
        if head < items.count {
            let item = items[head].take()
            head += 1
            if head >= capacity {   // drop the emptied slots, now and then
                items.removeFirst(head)
                head = 0
            }
            wakeProducer()
            return item
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer gives up: the producer stops at its next item.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilFinished() {
        condition.lock()
        consumerWaitingForFinish = true
        while !finished { condition.wait() }
        consumerWaitingForFinish = false
        condition.unlock()
    }
}
