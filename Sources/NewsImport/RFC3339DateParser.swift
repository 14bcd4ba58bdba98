import Foundation
import NewsModel

/// RFC 3339 timestamps and their ISO 8601 relatives: "2024-10-24T14:05:00Z",
/// "2024-10-24 14:05:00.25+02:00", "2024-10-24T14:05+0200", "2024-10-24".
enum RFC3339DateParser {
    /// A cheap test on the first bytes ("dddd-"), to pick the parser to try first.
    static func looksLikeRFC3339(_ text: String) -> Bool {
        // Four digits and a dash, looked at in place (twice per item).
        var count = 0
        for byte in text.utf8 {
            if count == 4 { return byte == UInt8(ascii: "-") }
            guard ByteScanner.isDigit(byte) else { return false }
            count += 1
        }
        return false
    }

    static func parse(_ text: String) -> PublicationDate? {
        var scanner = ByteScanner(TextSanitizer.trimmingWhitespace(text))
        guard let year = scanner.digits(exactly: 4), scanner.skip("-"),
              let month = scanner.digits(exactly: 2), scanner.skip("-"),
              let day = scanner.digits(exactly: 2) else { return nil }
        if scanner.isAtEnd {
            return PublicationDate(year: year, month: month, day: day)
        }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.digits(exactly: 2), scanner.skip(":"),
              let minute = scanner.digits(exactly: 2) else { return nil }
        var second = 0
        var fraction = 0.0
        if scanner.skip(":") {
            guard let s = scanner.digits(exactly: 2) else { return nil }
            second = s
            if scanner.skip(".") || scanner.skip(",") {
                guard let f = scanner.fraction() else { return nil }
                fraction = f
            }
        }
        let offset: Int?
        if scanner.skip("Z") || scanner.skip("z") {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.digits(exactly: 2) else { return nil }
            var minutes = 0
            if scanner.skip(":") {
                guard let m = scanner.digits(exactly: 2) else { return nil }
                minutes = m
            } else if let m = scanner.digits(exactly: 2) {
                minutes = m
            }
            guard hours <= 23, minutes <= 59 else { return nil }
            offset = sign * (hours * 3_600 + minutes * 60)
        } else {
            offset = nil  // local time of an unknown place: read as UTC, offset unknown
        }
        guard scanner.isAtEnd,
              let instant = CivilTime.instant(year: year, month: month, day: day, hour: hour, minute: minute,
                                              second: second, fraction: fraction, offsetSeconds: offset ?? 0)
        else { return nil }
        return PublicationDate(instant: instant, utcOffset: offset, hasTime: true)
    }
}
