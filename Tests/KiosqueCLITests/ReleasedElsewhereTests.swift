import Foundation
@testable import kiosque
import XCTest

/// Written articles are freed by another thread than the writer's.
final class ReleasedElsewhereTests: XCTestCase {
    /// Records the thread its memory is given back on.
    private final class Recorder: Sendable {
        let freedOn: Handed<pthread_t>
        let freed: XCTestExpectation

        init(_ freedOn: Handed<pthread_t>, _ freed: XCTestExpectation) {
            self.freedOn = freedOn
            self.freed = freed
        }

        deinit {
            freedOn.set(pthread_self())
            freed.fulfill()
        }
    }

    func testTheLastReferenceIsDroppedOnAnotherThread() {
        let caller = pthread_self()
        for _ in 0..<50 {   // whichever thread is quicker, every time
            let freedOn = Handed<pthread_t>()
            let freed = expectation(description: "freed")
            let articles = [Recorder(freedOn, freed)]
            ReleasedElsewhere.release(consume articles)
            wait(for: [freed], timeout: 5)
            let thread = freedOn.value
            XCTAssertNotNil(thread)
            XCTAssertEqual(pthread_equal(thread!, caller), 0, "freed by the caller's thread")
        }
    }
}
