import Foundation
import NewsModel
import XCTest
@testable import Typesetting

final class FrenchDatesTests: XCTestCase {
    func testDaysAreWrittenTheFrenchWay() throws {
        XCTAssertEqual(FrenchDates.day(try XCTUnwrap(PublicationDate(year: 2024, month: 7, day: 28))), "28 juillet 2024")
        XCTAssertEqual(FrenchDates.day(try XCTUnwrap(PublicationDate(year: 2024, month: 8, day: 1))), "1er août 2024")
    }

    func testLongFormUsesTheSourceOffset() {
        // 12:05 UTC is 14 h 05 in Paris summer time, a Thursday.
        let date = PublicationDate(instant: Date(timeIntervalSince1970: 1_729_771_500), utcOffset: 7200)
        XCTAssertEqual(FrenchDates.long(date), "jeudi 24 octobre 2024 à 14 h 05")
        XCTAssertEqual(FrenchDates.short(date), "24/10/2024")
    }
}
