import Foundation

/// Calendar arithmetic for the proleptic Gregorian calendar in UTC, done by
/// hand: feeds carry thousands of dates and `Calendar`/`DateFormatter` are
/// slow and locale-dependent, while the arithmetic is a few integer steps.
enum CivilTime {
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isValidDay(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// Days from 1970-01-01 to the given day. Years are counted from March so
    /// that the leap day falls at the end of a year, which turns the month
    /// lengths into a linear formula (153 days per 5 months).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The instant of a wall-clock time written with a UTC offset (seconds
    /// east of Greenwich), or nil when a field is out of range.
    static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                        fraction: Double = 0, offsetSeconds: Int) -> Date? {
        guard isValidDay(year: year, month: month, day: day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
