import Foundation

/// When an article was published, as precisely as the source said it.
///
/// The instant is absolute; `utcOffset` is the offset the source wrote
/// ("+0200"), kept so that the article can be shown in its own time as well
/// as the reader's. A scraped page gives only a day: `hasTime` is false and
/// the instant is that day's midnight UTC, so the calendar day never shifts.
public struct PublicationDate: Sendable, Equatable, Hashable, Codable {
    public var instant: Date
    public var utcOffset: Int?
    public var hasTime: Bool

    public init(instant: Date, utcOffset: Int?, hasTime: Bool = true) {
        self.instant = instant
        self.utcOffset = utcOffset
        self.hasTime = hasTime
    }

    /// A calendar day with no time of day, as scraped pages give it.
    public init?(year: Int, month: Int, day: Int) {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard (1...12).contains(month), (1...31).contains(day),
              let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        self.init(instant: date, utcOffset: nil, hasTime: false)
    }

    /// ISO 8601 with the source's offset ("2024-10-24T14:05:00+02:00"); UTC
    /// ("…Z") when the source gave no offset.
    public var iso8601: String {
        let offset = utcOffset ?? 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let stamp = String(format: "%04d-%02d-%02dT%02d:%02d:%02d",
                           c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        guard let given = utcOffset, given != 0 else { return stamp + "Z" }
        let sign = given < 0 ? "-" : "+"
        let minutes = abs(given) / 60
        return stamp + String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }

    /// The calendar day in the source's own time ("2024-07-28").
    public var day: String { String(iso8601.prefix(10)) }
}
