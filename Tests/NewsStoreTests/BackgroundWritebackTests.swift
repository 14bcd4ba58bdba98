import FileWriteback
import Foundation
@testable import NewsStore
import XCTest

/// A store under construction is sent to the disk while it is built, by a
/// thread that holds the file open until it is told to stop.
final class BackgroundWritebackTests: XCTestCase {
    private var path = ""

    override func setUpWithError() throws {
        path = NSTemporaryDirectory() + "writeback-\(UUID().uuidString)"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(repeating: 7, count: 1 << 20)))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The process's descriptors open on `path`, read from /proc.
    private func descriptorsOpen(on path: String) throws -> Int {
        let folder = "/proc/self/fd"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0)) == path
        }.count
    }

    func testTheFileIsHeldOpenUntilTheWritingStops() throws {
        let writeback = try XCTUnwrap(BackgroundWriteback(path: path))
        XCTAssertEqual(try descriptorsOpen(on: path), 1)
        writeback.stop()
        // The thread wakes at once when stopped, and closes the file.
        let deadline = Date(timeIntervalSinceNow: 5)
        while try descriptorsOpen(on: path) > 0 && Date() < deadline { usleep(1_000) }
        XCTAssertEqual(try descriptorsOpen(on: path), 0, "the file is closed once the writing stopped")
    }

    func testAFileThatCannotBeOpenedIsLeftToTheLastSync() {
        XCTAssertNil(BackgroundWriteback(path: path + "-absent"))
    }

    func testStartingTheWritingNeedsAnOpenFile() throws {
        let file = open(path, O_RDWR | O_CLOEXEC)
        XCTAssertGreaterThanOrEqual(file, 0)
        defer { close(file) }
        XCTAssertEqual(pwrite(file, "changed", 7, 4096), 7)
        XCTAssertEqual(kiosque_start_writeback(file), 0)

        XCTAssertEqual(kiosque_start_writeback(-1), -1)
        XCTAssertEqual(errno, EBADF)
    }
}
