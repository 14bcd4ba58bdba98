import Foundation
@testable import kiosque
import XCTest

/// The bounded queue from the parsing thread to the writer.
final class HandOffTests: XCTestCase {
    /// Records the thread its memory is given back on.
    final class Recorder: Sendable {
        let freedOn = Handed<pthread_t>()

        deinit { freedOn.set(pthread_self()) }
    }

    /// A producer on a thread of its own, putting `count` batches of one
    /// recorder each, then finishing.
    private func produce(_ count: Int, into queue: HandOff<[Recorder]>, done: XCTestExpectation) {
        let producer = Thread {
            do {
                for _ in 0..<count { try queue.put([Recorder()]) }
                queue.finish(nil)
            } catch {
                queue.finish(error)
            }
            done.fulfill()
        }
        producer.start()
    }

    func testATakenElementIsHeldByTheConsumerAlone() throws {
        let queue = HandOff<[Recorder]>(capacity: 4)
        let done = expectation(description: "producer done")
        produce(50, into: queue, done: done)
        var taken = 0
        while let batch = try queue.take() {
            taken += 1
            let freedOn = batch[0].freedOn
            _ = consume batch
            XCTAssertNotNil(freedOn.value, "freed as soon as the consumer lets it go, wherever it does")
        }
        wait(for: [done], timeout: 10)
        XCTAssertEqual(taken, 50)
    }

    func testTheProducerWaitsWhileTheQueueIsFull() throws {
        let queue = HandOff<[Recorder]>(capacity: 2)
        let done = expectation(description: "producer done")
        produce(5, into: queue, done: done)
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertEqual(queue.backlog, 2, "no more than the capacity waits")
        var taken = 0
        while let batch = try queue.take() { taken += batch.count }
        wait(for: [done], timeout: 10)
        XCTAssertEqual(taken, 5)
    }

    func testAProducerWaitingForRoomStopsWhenTheConsumerGivesUp() throws {
        let queue = HandOff<[Recorder]>(capacity: 1)
        let done = expectation(description: "producer done")
        produce(10, into: queue, done: done)
        _ = try queue.take()
        queue.cancel()
        queue.waitUntilFinished()
        wait(for: [done], timeout: 10)
        var left = 0
        while case .some(.some) = try? queue.take() { left += 1 }
        XCTAssertLessThan(1 + left, 10, "the producer stopped before its last item")
    }
}
