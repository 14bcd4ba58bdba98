import Foundation
import NewsModel

/// French pages write local time without an offset. France keeps Central
/// European Time (+01:00) with summer time (+02:00) from the last Sunday of
/// March, 01:00 UTC, to the last Sunday of October, 01:00 UTC, the rule of
/// the whole European Union since 1996; it is computed here rather than
/// read from a time zone database a fresh machine may lack.
enum ParisTime {
    static func offset(year: Int, month: Int, day: Int, hour: Int) -> Int {
        let marchSwitch = lastSunday(year: year, month: 3)
        let octoberSwitch = lastSunday(year: year, month: 10)
        // Local wall-clock hours of the switches: 02:00 in March, 03:00 in October.
        let summer: Bool
        switch month {
        case 4...9: summer = true
        case 3: summer = day > marchSwitch || (day == marchSwitch && hour >= 2)
        case 10: summer = day < octoberSwitch || (day == octoberSwitch && hour < 3)
        default: summer = false
        }
        return summer ? 7_200 : 3_600
    }

    /// A wall-clock time in France as a publication date.
    static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int) -> PublicationDate? {
        let offset = offset(year: year, month: month, day: day, hour: hour)
        guard let instant = CivilTime.instant(year: year, month: month, day: day, hour: hour, minute: minute,
                                              second: 0, offsetSeconds: offset) else { return nil }
        return PublicationDate(instant: instant, utcOffset: offset, hasTime: true)
    }

    private static func lastSunday(year: Int, month: Int) -> Int {
        let last = CivilTime.daysInMonth(year: year, month: month)
        let days = CivilTime.daysSinceEpoch(year: year, month: month, day: last)
        let weekday = ((days % 7) + 7 + 4) % 7   // 1970-01-01 was a Thursday; 0 = Sunday
        return last - weekday
    }
}
