import XCTest
@testable import ReaderUI

final class BufferTests: XCTestCase {
    func testWritesGraphemesWithTheirWidth() {
        var buffer = Buffer(width: 10, height: 1)
        XCTAssertEqual(buffer.write("Fe\u{301}s東", x: 0, y: 0), 5)
        XCTAssertEqual(buffer[1, 0].text, "e\u{301}")
        XCTAssertEqual(buffer[3, 0].width, 2)
        XCTAssertEqual(buffer[4, 0].text, "")
        XCTAssertEqual(buffer.trimmedLines, ["Fe\u{301}s東"])
    }

    func testAWideCharacterThatDoesNotFitIsNotDrawn() {
        var buffer = Buffer(width: 4, height: 1)
        XCTAssertEqual(buffer.write("abc東", x: 0, y: 0), 3)
        XCTAssertEqual(buffer[3, 0].text, " ")
    }

    func testOverwritingHalfAWideCharacterClearsTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("東京", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        XCTAssertEqual(buffer.lines, [" x京  "])
    }

    func testEscapeSequencesNeverReachTheCells() {
        var buffer = Buffer(width: 30, height: 1)
        buffer.write("A\u{1B}]0;PWNED\u{07}B\u{1B}[2JC\u{202E}D", x: 0, y: 0)
        XCTAssertEqual(buffer.trimmedLines, ["ABCD"])
    }

    func testChangesAreOnlyTheCellsThatDiffer() {
        var before = Buffer(width: 10, height: 2)
        before.write("Bonjour", x: 0, y: 0)
        var after = before
        after.write("j", x: 0, y: 1)
        XCTAssertEqual(after.changes(since: before).map { [$0.x, $0.y] }, [[0, 1]])
        XCTAssertEqual(after.changes(since: nil).count, 20)
        var wide = before
        wide.write("東", x: 3, y: 0)
        let changes = wide.changes(since: before)
        XCTAssertEqual(changes.map(\.x), [3])
        XCTAssertEqual(changes.first?.cell.text, "東")
    }
}
