import XCTest
@testable import NewsImport

/// Dates as French pages write them, read in France's time.
final class FrenchDateFinderTests: XCTestCase {
    private func iso(_ text: String) -> String? {
        FrenchDateFinder.find(in: text).map { $0.hasTime ? $0.iso8601 : $0.day }
    }

    func testWrittenDatesWithAndWithoutTime() {
        XCTAssertEqual(iso("Publié le 18 février 2025 à 11h20"), "2025-02-18T11:20:00+01:00")
        XCTAssertEqual(iso("1er août 2024"), "2024-08-01")
        XCTAssertEqual(iso("Lundi 14 octobre 2024 - 17:42"), "2024-10-14T17:42:00+02:00")
        XCTAssertEqual(iso("le 3 mars 2025 à 9 h 05"), "2025-03-03T09:05:00+01:00")
        XCTAssertEqual(iso("Mis à jour le 1er août 2024 à 8h05"), "2024-08-01T08:05:00+02:00")
        XCTAssertEqual(iso("le 03/03/2025 à 9h"), "2025-03-03T09:00:00+01:00")
        XCTAssertEqual(iso("12 déc. 2023"), "2023-12-12")
    }

    func testThePublicationDateWinsOverTheUpdate() {
        XCTAssertEqual(iso("Mis à jour le 19 février 2025 à 8h00. Publié le 18 février 2025 à 11h20"),
                       "2025-02-18T11:20:00+01:00")
        XCTAssertEqual(iso("Publié le 18 février 2025 à 11h20 - Mis à jour le 19 février 2025 à 8h00"),
                       "2025-02-18T11:20:00+01:00")
    }

    func testImpossibleDatesAreNotDates() {
        XCTAssertNil(iso("le 31 février 2025"))
        XCTAssertNil(iso("le 12 brumaire an VIII"))
        XCTAssertEqual(iso("le 18 février 2025 à 27h00"), "2025-02-18")   // the day stands, the time does not
    }

    func testSummerTimeChangesOnTheLastSundaysOfMarchAndOctober() {
        XCTAssertEqual(ParisTime.offset(year: 2025, month: 3, day: 30, hour: 1), 3_600)
        XCTAssertEqual(ParisTime.offset(year: 2025, month: 3, day: 30, hour: 3), 7_200)
        XCTAssertEqual(ParisTime.offset(year: 2025, month: 3, day: 29, hour: 12), 3_600)
        XCTAssertEqual(ParisTime.offset(year: 2025, month: 10, day: 26, hour: 2), 7_200)
        XCTAssertEqual(ParisTime.offset(year: 2025, month: 10, day: 26, hour: 3), 3_600)
        XCTAssertEqual(ParisTime.offset(year: 2024, month: 10, day: 27, hour: 4), 3_600)
        XCTAssertEqual(ParisTime.offset(year: 2024, month: 7, day: 1, hour: 0), 7_200)
    }

    func testADateLineIsToldFromASentenceHoldingADate() {
        XCTAssertTrue(FrenchDateFinder.isMostlyDate("Lundi 14 octobre 2024 - 17:42"))
        XCTAssertFalse(FrenchDateFinder.isMostlyDate("Le scrutin aura lieu le 12 mars 2026 dans toutes les communes de France."))
    }
}
