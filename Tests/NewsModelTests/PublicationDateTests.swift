import Foundation
import XCTest
@testable import NewsModel

final class PublicationDateTests: XCTestCase {
    func testDayOnlyKeepsItsCalendarDay() throws {
        let date = try XCTUnwrap(PublicationDate(year: 2024, month: 7, day: 28))
        XCTAssertFalse(date.hasTime)
        XCTAssertEqual(date.day, "2024-07-28")
        XCTAssertEqual(date.iso8601, "2024-07-28T00:00:00Z")
    }

    func testImpossibleDaysAreRefused() {
        XCTAssertNil(PublicationDate(year: 2025, month: 2, day: 30))
        XCTAssertNil(PublicationDate(year: 2025, month: 13, day: 1))
    }

    func testISO8601KeepsTheSourceOffset() {
        // 2024-10-24 12:05 UTC, written by the source at +02:00.
        let date = PublicationDate(instant: Date(timeIntervalSince1970: 1_729_771_500), utcOffset: 7200)
        XCTAssertEqual(date.iso8601, "2024-10-24T14:05:00+02:00")
        let west = PublicationDate(instant: Date(timeIntervalSince1970: 1_729_771_500), utcOffset: -14400)
        XCTAssertEqual(west.iso8601, "2024-10-24T08:05:00-04:00")
    }
}
