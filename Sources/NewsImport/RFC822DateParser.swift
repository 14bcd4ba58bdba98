import Foundation
import NewsModel

/// RFC 822 / 1123 / 2822 dates as RSS writes them: optional weekday, day,
/// month name, 2- or 4-digit year, time with optional seconds, zone.
/// Feeds produced by French-localised software write the names in French
/// ("jeu., 24 oct. 2024 10:00:00 +0200"); both languages are read.
enum RFC822DateParser {
    static func parse(_ text: String) -> PublicationDate? {
        parseCommonForm(text) ?? parseAnyForm(text)
    }

    /// Every form this parser reads, token by token.
    static func parseAnyForm(_ text: String) -> PublicationDate? {
        var tokens = Self.tokens(text)
        guard let first = tokens.first else { return nil }
        if !isNumber(first) {
            guard weekdays.contains(normalizedName(first)) else { return nil }
            tokens.removeFirst()
        }
        guard tokens.count >= 3, isNumber(tokens[0]), let day = Int(tokens[0]),
              let month = months[normalizedName(tokens[1])],
              isNumber(tokens[2]), let year = fullYear(tokens[2]) else { return nil }
        guard tokens.count >= 4 else {
            return PublicationDate(year: year, month: month, day: day)
        }
        guard let time = parseTime(tokens[3]) else { return nil }
        // Anything after the zone is a comment such as "(CEST)".
        let zoneToken = tokens.count >= 5 && !tokens[4].hasPrefix("(") ? tokens[4] : nil
        let offset: Int?
        if let zoneToken {
            guard let zone = parseZone(zoneToken) else { return nil }
            offset = zone
        } else {
            offset = nil
        }
        guard let instant = CivilTime.instant(year: year, month: month, day: day, hour: time.hour,
                                              minute: time.minute, second: time.second,
                                              offsetSeconds: offset ?? 0) else { return nil }
        return PublicationDate(instant: instant, utcOffset: offset, hasTime: true)
    }

    /// The form nearly every feed writes, "Thu, 24 Oct 2024 14:05:00 +0200",
    /// read straight from its bytes (splitting it into strings cost more
    /// than anything else in an item's metadata). Nil for anything else,
    /// which the general reading then handles.
    static func parseCommonForm(_ text: String) -> PublicationDate? {
        var text = text
        return text.withUTF8 { b -> PublicationDate? in
            let n = b.count
            guard n == 30 || n == 31, b[3] == 0x2C, b[4] == 0x20 else { return nil }
            func digits(_ at: Int, _ count: Int) -> Int? {
                var value = 0
                for k in at..<(at + count) {
                    guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                    value = value * 10 + Int(b[k] - 0x30)
                }
                return value
            }
            func name(_ at: Int, in list: StaticString) -> Int? {
                let names = list.utf8Start
                for index in 0..<(list.utf8CodeUnitCount / 3)
                where names[3 * index] == b[at] && names[3 * index + 1] == b[at + 1] && names[3 * index + 2] == b[at + 2] {
                    return index + 1
                }
                return nil
            }
            let dayLength = n - 29   // "4 Oct" or "24 Oct"
            let m = 6 + dayLength    // where the month starts, after the day's space
            guard name(0, in: "MonTueWedThuFriSatSun") != nil, b[m - 1] == 0x20,
                  let day = digits(5, dayLength), let month = name(m, in: "JanFebMarAprMayJunJulAugSepOctNovDec"),
                  b[m + 3] == 0x20, let year = digits(m + 4, 4), b[m + 8] == 0x20,
                  let hour = digits(m + 9, 2), b[m + 11] == 0x3A, let minute = digits(m + 12, 2), b[m + 14] == 0x3A,
                  let second = digits(m + 15, 2), b[m + 17] == 0x20,
                  b[m + 18] == 0x2B || b[m + 18] == 0x2D, let zoneHours = digits(m + 19, 2),
                  let zoneMinutes = digits(m + 21, 2), zoneHours <= 23, zoneMinutes <= 59 else { return nil }
            let sign = b[m + 18] == 0x2D ? -1 : 1
            guard sign == 1 || zoneHours + zoneMinutes > 0 else { return nil }   // "-0000": offset unknown
            let offset = sign * (zoneHours * 3_600 + zoneMinutes * 60)
            guard let instant = CivilTime.instant(year: year, month: month, day: day, hour: hour, minute: minute,
                                                  second: second, offsetSeconds: offset) else { return nil }
            return PublicationDate(instant: instant, utcOffset: offset, hasTime: true)
        }
    }

    // MARK: - Fields

    /// Split at commas and white space. ASCII text (nearly every date) is
    /// split on its bytes; other text by characters, as `isWhitespace` says.
    private static func tokens(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.split(whereSeparator: { $0 == 0x2C || $0 == 0x20 || (0x09...0x0D).contains($0) })
                .map { String(decoding: $0, as: UTF8.self) }
        }
        return text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
    }

    private static func isNumber(_ token: String) -> Bool {
        !token.isEmpty && token.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// RFC 2822 §4.3: two-digit years below 50 are 20xx, the others 19xx;
    /// three-digit years count from 1900.
    private static func fullYear(_ token: String) -> Int? {
        guard let value = Int(token) else { return nil }
        switch token.count {
        case 4: return value
        case 3: return 1900 + value
        case 1, 2: return value < 50 ? 2000 + value : 1900 + value
        default: return nil
        }
    }

    private static func parseTime(_ token: String) -> (hour: Int, minute: Int, second: Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ (1...2).contains($0.count) && isNumber(String($0)) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) ?? 0 : 0
        return (hour, minute, second)
    }

    /// Seconds east of UTC. "-0000" means "offset unknown" (RFC 2822 §3.3):
    /// it yields nil inside the optional, and so does an unknown zone name.
    private static func parseZone(_ token: String) -> Int?? {
        let upper = token.uppercased()
        if let named = namedZones[upper] { return .some(named * 3_600) }
        if upper.count == 1, let letter = upper.unicodeScalars.first, let hours = militaryZoneHours(letter) {
            return .some(hours * 3_600)
        }
        // "GMT+2", "UTC+02:00": a named zero zone followed by a numeric offset.
        for prefix in ["GMT", "UTC", "UT"] where upper.hasPrefix(prefix) && upper.count > prefix.count {
            return numericOffset(String(upper.dropFirst(prefix.count)))
        }
        if let numeric = numericOffset(upper) { return numeric }
        if upper.allSatisfy(\.isLetter) { return .some(nil) }
        return nil
    }

    /// "+0200", "-05:00", "+2" (hours only).
    private static func numericOffset(_ token: String) -> Int?? {
        guard let signCharacter = token.first, signCharacter == "+" || signCharacter == "-" else { return nil }
        let sign = signCharacter == "-" ? -1 : 1
        let digits = token.dropFirst().filter { $0 != ":" }
        guard isNumber(String(digits)) else { return nil }
        let hours: Int, minutes: Int
        switch digits.count {
        case 1, 2: hours = Int(digits)!; minutes = 0
        case 4: hours = Int(digits.prefix(2))!; minutes = Int(digits.suffix(2))!
        default: return nil
        }
        guard hours <= 23, minutes <= 59 else { return nil }
        if sign == -1 && hours == 0 && minutes == 0 { return .some(nil) }
        return .some(sign * (hours * 3_600 + minutes * 60))
    }

    /// Military zones in their NATO meaning (A = UTC+1 … M = UTC+12, N = UTC−1
    /// … Y = UTC−12, Z = UTC; J is local time and unusable). RFC 822 printed
    /// the signs reversed; generators that still emit letters follow NATO.
    private static func militaryZoneHours(_ letter: Unicode.Scalar) -> Int? {
        switch letter {
        case "A"..."I": return Int(letter.value - 0x40)          // A=1 … I=9
        case "K"..."M": return Int(letter.value - 0x41)          // K=10 … M=12
        case "N"..."Y": return -Int(letter.value - 0x4D)         // N=-1 … Y=-12
        case "Z": return 0
        default: return nil
        }
    }

    private static let namedZones: [String: Int] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0,
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        // Not in RFC 822, but written by European feeds.
        "WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
    ]

    // MARK: - Names

    /// Lowercased, without accents and without the abbreviation point:
    /// "Févr." → "fevr".
    private static func normalizedName(_ token: String) -> String {
        var name = token.utf8.allSatisfy({ $0 < 0x80 }) ? token.lowercased()
            : token.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }

    private static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]

    private static let months: [String: Int] = {
        let spellings: [[String]] = [
            ["jan", "january", "janv", "janvier"],
            ["feb", "february", "fev", "fevr", "fevrier"],
            ["mar", "march", "mars"],
            ["apr", "april", "avr", "avril"],
            ["may", "mai"],
            ["jun", "june", "juin"],
            ["jul", "july", "juil", "juillet"],
            ["aug", "august", "aou", "aout"],
            ["sep", "sept", "september", "septembre"],
            ["oct", "october", "octobre"],
            ["nov", "november", "novembre"],
            ["dec", "december", "decembre"],
        ]
        var table: [String: Int] = [:]
        for (index, names) in spellings.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        return table
    }()
}
