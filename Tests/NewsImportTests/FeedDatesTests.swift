import Foundation
import NewsModel
import XCTest
@testable import NewsImport

final class FeedDatesTests: XCTestCase {
    /// The instant of a UTC timestamp, read by Foundation as an independent check.
    private func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    private func assertDate(_ date: PublicationDate?, instant: String, offset: Int?,
                            file: StaticString = #filePath, line: UInt = #line) {
        guard let date else { return XCTFail("not parsed", file: file, line: line) }
        XCTAssertEqual(date.instant, utc(instant), file: file, line: line)
        XCTAssertEqual(date.utcOffset, offset, file: file, line: line)
        XCTAssertTrue(date.hasTime, file: file, line: line)
    }

    // MARK: - RFC 822 / 1123

    func testRFC822WithNumericOffset() {
        assertDate(FeedDates.parseRFC822("Thu, 24 Oct 2024 14:05:00 +0200"),
                   instant: "2024-10-24T12:05:00Z", offset: 7200)
        assertDate(FeedDates.parseRFC822("Tue, 22 Oct 2024 19:45:00 -0430"),
                   instant: "2024-10-23T00:15:00Z", offset: -(4 * 3600 + 1800))
    }

    /// The common form is read from its bytes; it must agree with the
    /// general reading on every such date, and leave every other form to it.
    func testCommonFormReadsAsTheGeneralParserDoes() {
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var generator = SystemRandomNumberGenerator()
        var read = 0
        for _ in 0..<3_000 {
            let day = Int.random(in: 0...32, using: &generator)
            let dayText = Bool.random() ? String(day) : String(format: "%02d", day)
            let zone = String(format: "%@%02d%02d", Bool.random() ? "+" : "-",
                              Int.random(in: 0...25, using: &generator), [0, 30, 45, 60].randomElement()!)
            let text = "\(weekdays.randomElement()!), \(dayText) \(months.randomElement()!) "
                + "\(Int.random(in: 1960...2040)) "
                + String(format: "%02d:%02d:%02d ", Int.random(in: 0...24), Int.random(in: 0...60), Int.random(in: 0...61))
                + zone
            let common = RFC822DateParser.parseCommonForm(text)
            if common != nil { read += 1 }
            XCTAssertEqual(common ?? RFC822DateParser.parseAnyForm(text), RFC822DateParser.parseAnyForm(text), text)
        }
        XCTAssertGreaterThan(read, 1_500)
        for other in ["Thu, 24 Oct 2024 14:05:00 -0000", "Thu, 24 Oct 2024 14:05:00 GMT", "24 Oct 2024 14:05:00 +0200",
                      "jeu., 24 oct. 2024 10:00:00 +0200", "Thu, 24 Oct 2024 14:05 +0200", "Thu, 24 Oct 24 14:05:00 +0200"] {
            XCTAssertNil(RFC822DateParser.parseCommonForm(other), other)
        }
        XCTAssertNil(RFC822DateParser.parse("Thu, 24 Oct 2024 14:05:00 -0000")?.utcOffset)
    }

    func testRFC822NamedZones() {
        let zones: [(String, Int)] = [
            ("GMT", 0), ("UT", 0), ("Z", 0), ("EST", -5), ("EDT", -4), ("CST", -6), ("CDT", -5),
            ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7),
        ]
        for (zone, hours) in zones {
            let date = FeedDates.parseRFC822("Wed, 23 Oct 2024 16:30:00 \(zone)")
            XCTAssertEqual(date?.utcOffset, hours * 3600, zone)
            XCTAssertEqual(date?.instant, utc("2024-10-23T16:30:00Z").addingTimeInterval(Double(-hours * 3600)), zone)
        }
    }

    func testRFC822MilitaryZoneLetters() {
        let letters: [(String, Int)] = [("A", 1), ("I", 9), ("K", 10), ("M", 12), ("N", -1), ("Y", -12), ("Z", 0)]
        for (letter, hours) in letters {
            XCTAssertEqual(FeedDates.parseRFC822("23 Oct 2024 16:30 \(letter)")?.utcOffset, hours * 3600, letter)
        }
        // J is "local time": no offset is known.
        let local = FeedDates.parseRFC822("23 Oct 2024 16:30 J")
        XCTAssertNotNil(local)
        XCTAssertNil(local?.utcOffset)
    }

    func testRFC822OptionalWeekdayAndSecondsAndTwoDigitYears() {
        assertDate(FeedDates.parseRFC822("24 Oct 2024 14:05 +0200"), instant: "2024-10-24T12:05:00Z", offset: 7200)
        assertDate(FeedDates.parseRFC822("Thu, 24 Oct 24 14:05:09 GMT"), instant: "2024-10-24T14:05:09Z", offset: 0)
        assertDate(FeedDates.parseRFC822("Fri, 31 Dec 99 23:59:59 GMT"), instant: "1999-12-31T23:59:59Z", offset: 0)
    }

    func testRFC822FrenchMonthAndDayNames() {
        assertDate(FeedDates.parseRFC822("jeu., 24 oct. 2024 14:05:00 +0200"),
                   instant: "2024-10-24T12:05:00Z", offset: 7200)
        assertDate(FeedDates.parseRFC822("lundi 3 février 2025 08:00:00 +0100"),
                   instant: "2025-02-03T07:00:00Z", offset: 3600)
        assertDate(FeedDates.parseRFC822("sam., 17 août 2024 10:00 CEST"),
                   instant: "2024-08-17T08:00:00Z", offset: 7200)
    }

    func testRFC822UnknownOffsetIsNotAnOffset() {
        assertDate(FeedDates.parseRFC822("Thu, 24 Oct 2024 14:05:00 -0000"), instant: "2024-10-24T14:05:00Z", offset: nil)
        assertDate(FeedDates.parseRFC822("Thu, 24 Oct 2024 14:05:00"), instant: "2024-10-24T14:05:00Z", offset: nil)
    }

    func testRFC822Nonsense() {
        for text in ["", "hier", "Thu, 32 Oct 2024 10:00:00 GMT", "Thu, 24 Foo 2024 10:00:00 GMT",
                     "29 Feb 2023 10:00 GMT", "24 Oct 2024 25:00 GMT", "24 Oct 2024 10:00 +9900"] {
            XCTAssertNil(FeedDates.parseRFC822(text), text)
        }
        XCTAssertNotNil(FeedDates.parseRFC822("29 Feb 2024 10:00 GMT"))
    }

    // MARK: - RFC 3339 / ISO 8601

    func testRFC3339WithOffsetsAndFractions() throws {
        let fractional = try XCTUnwrap(FeedDates.parseRFC3339("2024-10-22T19:45:30.250-04:00"))
        XCTAssertEqual(fractional.utcOffset, -4 * 3600)
        XCTAssertEqual(fractional.instant.timeIntervalSince1970,
                       utc("2024-10-22T23:45:30Z").timeIntervalSince1970 + 0.25, accuracy: 0.0001)
        assertDate(FeedDates.parseRFC3339("2024-10-23T08:00:00Z"), instant: "2024-10-23T08:00:00Z", offset: 0)
        assertDate(FeedDates.parseRFC3339("2024-10-24T14:05:00+0200"), instant: "2024-10-24T12:05:00Z", offset: 7200)
        assertDate(FeedDates.parseRFC3339("2024-10-24 14:05+05:30"), instant: "2024-10-24T08:35:00Z", offset: 19800)
        assertDate(FeedDates.parseRFC3339("2024-10-24t14:05:00z"), instant: "2024-10-24T14:05:00Z", offset: 0)
    }

    func testRFC3339WithoutOffsetHasNoOffset() {
        assertDate(FeedDates.parseRFC3339("2024-10-24T14:05:00"), instant: "2024-10-24T14:05:00Z", offset: nil)
    }

    func testDateOnlyHasNoTime() throws {
        let date = try XCTUnwrap(FeedDates.parseRFC3339("2024-10-24"))
        XCTAssertFalse(date.hasTime)
        XCTAssertNil(date.utcOffset)
        XCTAssertEqual(date.instant, utc("2024-10-24T00:00:00Z"))
        XCTAssertEqual(date.day, "2024-10-24")
    }

    func testRFC3339Nonsense() {
        for text in ["2024-13-01", "2024-02-30T10:00:00Z", "2024-10-24T24:00:00Z", "2024-10-24T10:00:00+25:00",
                     "2024-10-24T10:00:00Z et demi", "24/10/2024", "2024-1-5"] {
            XCTAssertNil(FeedDates.parseRFC3339(text), text)
        }
    }

    // MARK: - Either

    func testParseRecognisesBothFormats() {
        XCTAssertEqual(FeedDates.parse(" 2024-10-24T14:05:00+02:00 ")?.iso8601, "2024-10-24T14:05:00+02:00")
        XCTAssertEqual(FeedDates.parse("Thu, 24 Oct 2024 14:05:00 +0200")?.iso8601, "2024-10-24T14:05:00+02:00")
        XCTAssertNil(FeedDates.parse("bientôt"))
    }
}
