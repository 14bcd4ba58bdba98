import Foundation
@testable import kiosque
import Synchronization
import XCTest

/// The import's parsing thread: jobs in turn, and memory freed where it
/// was made.
final class ParsingThreadTests: XCTestCase {
    private typealias Recorder = HandOffTests.Recorder

    func testJobsRunOneAfterAnotherInTheOrderGivenOnOneThread() {
        let parsing = ParsingThread()
        let runs = Mutex<[(Int, pthread_t)]>([])
        let done = expectation(description: "last job")
        for index in 0..<20 {
            parsing.submit {
                Thread.sleep(forTimeInterval: index == 0 ? 0.02 : 0)   // the first is slow: the others wait
                runs.withLock { $0.append((index, pthread_self())) }
                if index == 19 { done.fulfill() }
            }
        }
        parsing.close()
        wait(for: [done], timeout: 10)
        let seen = runs.withLock { $0 }
        XCTAssertEqual(seen.map(\.0), Array(0..<20))
        XCTAssertTrue(seen.allSatisfy { pthread_equal($0.1, seen[0].1) != 0 }, "one thread for all")
        XCTAssertEqual(pthread_equal(seen[0].1, pthread_self()), 0, "not the caller's")
    }

    func testWhatIsGivenBackIsFreedOnTheParsingThreadDuringAJobAndWhenIdle() throws {
        let parsing = ParsingThread()
        let thread = Handed<pthread_t>()
        let started = DispatchSemaphore(value: 0), givenBack = DispatchSemaphore(value: 0)
        let jobDone = expectation(description: "job done")
        parsing.submit {
            thread.set(pthread_self())
            started.signal()
            givenBack.wait()
            parsing.freeGivenBack()   // as a parse does between two batches
            jobDone.fulfill()
        }
        started.wait()
        let duringJob = (0..<10).map { _ in Recorder() }
        let slots = duringJob.map(\.freedOn)
        parsing.giveBack(consume duringJob)
        givenBack.signal()
        wait(for: [jobDone], timeout: 10)
        // Idle now: woken to free what comes back.
        let whenIdle = Recorder()
        let idleSlot = whenIdle.freedOn
        parsing.giveBack(consume whenIdle)
        let deadline = Date().addingTimeInterval(10)
        while idleSlot.value == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
        parsing.close()
        for slot in slots + [idleSlot] {
            let freedOn = try XCTUnwrap(slot.value, "freed")
            XCTAssertNotEqual(pthread_equal(freedOn, thread.value!), 0, "freed by the parsing thread")
        }
    }

    func testOnceClosedAndDoneTheThreadEndsAndTheCallerFreesWhatItGivesBack() {
        let parsing = ParsingThread()
        let ran = expectation(description: "job ran")
        parsing.submit { ran.fulfill() }
        parsing.close()
        wait(for: [ran], timeout: 10)
        let deadline = Date().addingTimeInterval(10)
        var freedHere = false
        while !freedHere && Date() < deadline {
            let recorder = Recorder()
            let slot = recorder.freedOn
            parsing.giveBack(consume recorder)
            freedHere = slot.value.map { pthread_equal($0, pthread_self()) != 0 } ?? false
            if !freedHere { Thread.sleep(forTimeInterval: 0.001) }
        }
        XCTAssertTrue(freedHere, "the thread has ended: nothing is left waiting for it")
    }
}
