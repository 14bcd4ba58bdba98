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

    /// A queue of `capacity` batches, and a producer on a thread of its
    /// own putting `count` batches of one recorder each in it, then
    /// finishing; `done` is fulfilled when the producer is.
    private func producing(_ count: Int, capacity: Int) -> (queue: HandOff<[Recorder]>, done: XCTestExpectation) {
        let queue = HandOff<[Recorder]>(capacity: capacity)
        let done = expectation(description: "producer done")
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
        return (queue, done)
    }

    func testATakenElementIsHeldByTheConsumerAlone() throws {
        let (queue, done) = producing(50, capacity: 4)
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
        let (queue, done) = producing(5, capacity: 2)
        let deadline = Date().addingTimeInterval(10)
        while queue.backlog < 2 && Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
        Thread.sleep(forTimeInterval: 0.05)   // time for a third put, were it let through
        XCTAssertEqual(queue.backlog, 2, "no more than the capacity waits")
        var taken = 0
        while let batch = try queue.take() { taken += batch.count }
        wait(for: [done], timeout: 10)
        XCTAssertEqual(taken, 5)
    }

    func testAProducerWaitingForRoomStopsWhenTheConsumerGivesUp() throws {
        let (queue, done) = producing(10, capacity: 1)
        _ = try queue.take()
        queue.cancel()
        queue.waitUntilFinished()
        wait(for: [done], timeout: 10)
        var left = 0
        while case .some(.some) = try? queue.take() { left += 1 }
        XCTAssertLessThan(1 + left, 10, "the producer stopped before its last item")
    }
}
