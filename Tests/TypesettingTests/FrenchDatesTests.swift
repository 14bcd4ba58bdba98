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

final class ReaderDatesTests: XCTestCase {
    // 2024-10-24 12:05 UTC, written by the source at +02:00 (a Thursday).
    private let date = PublicationDate(instant: Date(timeIntervalSince1970: 1_729_771_500), utcOffset: 7200)

    func testFreshNewsIsRelative() {
        let zone = TimeZone(identifier: "UTC")!
        XCTAssertEqual(FrenchDates.relative(date, now: date.instant.addingTimeInterval(20), in: zone), "à l'instant")
        XCTAssertEqual(FrenchDates.relative(date, now: date.instant.addingTimeInterval(5 * 60 + 10), in: zone), "il y a 5 min")
        XCTAssertEqual(FrenchDates.relative(date, now: date.instant.addingTimeInterval(3 * 3600), in: zone), "il y a 3 h")
        XCTAssertEqual(FrenchDates.relative(date, now: date.instant.addingTimeInterval(2 * 86400), in: zone), "24/10/2024")
        XCTAssertEqual(FrenchDates.relative(date, now: date.instant.addingTimeInterval(300), in: zone, language: .en), "5 min ago")
    }

    func testBylineInTheReadersZoneKeepsTheSourcesTime() {
        let article = Article(title: "t", source: "Le Quotidien de Lyon", published: date,
                              origin: Origin(kind: .file, location: "x"))
        XCTAssertEqual(ArticleLayout.byline(article, timeZone: TimeZone(secondsFromGMT: 7200)),
                       "Publié dans Le Quotidien de Lyon le jeudi 24 octobre 2024 à 14 h 05")
        XCTAssertEqual(ArticleLayout.byline(article, timeZone: TimeZone(identifier: "America/Montreal")),
                       "Publié dans Le Quotidien de Lyon le jeudi 24 octobre 2024 à 8 h 05 (14 h 05 à la source, UTC+2)")
        XCTAssertEqual(ArticleLayout.byline(article, language: .en, timeZone: TimeZone(identifier: "UTC")),
                       "Published in Le Quotidien de Lyon on 24 October 2024 at 12:05 (14:05 at the source, UTC+2)")
    }

    func testADayWithoutTimeNeverMovesToAnotherDay() throws {
        let day = try XCTUnwrap(PublicationDate(year: 2024, month: 7, day: 28))
        XCTAssertEqual(FrenchDates.short(day, in: TimeZone(identifier: "America/Montreal")), "28/07/2024")
        let article = Article(title: "t", source: "Albayane", published: day, origin: Origin(kind: .file, location: "x"))
        XCTAssertEqual(ArticleLayout.byline(article, timeZone: TimeZone(identifier: "Pacific/Honolulu")),
                       "Publié dans Albayane le 28 juillet 2024")
    }
}
