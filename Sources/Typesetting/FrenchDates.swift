import Foundation
import NewsModel

/// Dates written as a French newspaper writes them: "28 juillet 2024",
/// "1er août 2024", "jeudi 24 octobre 2024 à 14 h 05".
public enum FrenchDates {
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                         "août", "septembre", "octobre", "novembre", "décembre"]
    static let weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]

    /// Calendar fields of the date in a time zone, by default the source's
    /// own offset (UTC when it gave none). A day without a time is a
    /// calendar day: it is never moved to another zone.
    static func components(_ date: PublicationDate, in zone: TimeZone? = nil) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        let own = TimeZone(secondsFromGMT: date.utcOffset ?? 0)!
        calendar.timeZone = date.hasTime ? (zone ?? own) : own
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date.instant)
    }

    /// "28 juillet 2024", "1er août 2024".
    public static func day(_ date: PublicationDate, in zone: TimeZone? = nil) -> String {
        let c = components(date, in: zone)
        let day = c.day! == 1 ? "1er" : String(c.day!)
        return "\(day) \(months[c.month! - 1]) \(c.year!)"
    }

    /// "jeudi 24 octobre 2024 à 14 h 05", or the day alone when the time is
    /// not known.
    public static func long(_ date: PublicationDate, in zone: TimeZone? = nil) -> String {
        let c = components(date, in: zone)
        let weekday = weekdays[c.weekday! - 1]
        guard date.hasTime else { return "\(weekday) \(day(date))" }
        return "\(weekday) \(day(date, in: zone)) à \(time(date, in: zone))"
    }

    /// "14 h 05", French style.
    public static func time(_ date: PublicationDate, in zone: TimeZone? = nil) -> String {
        let c = components(date, in: zone)
        return "\(c.hour!) h \(String(format: "%02d", c.minute!))"
    }

    /// "24/10/2024", for narrow columns.
    public static func short(_ date: PublicationDate, in zone: TimeZone? = nil) -> String {
        let c = components(date, in: zone)
        return String(format: "%02d/%02d/%04d", c.day!, c.month!, c.year!)
    }

    /// The list's date column: "à l'instant", "il y a 5 min", "il y a 3 h"
    /// for fresh news ("just now", "5 min ago" in English), else the day;
    /// in the reader's zone.
    public static func relative(_ date: PublicationDate, now: Date, in zone: TimeZone,
                                language: LayoutLanguage = .fr) -> String {
        let age = now.timeIntervalSince(date.instant)
        guard date.hasTime, age >= 0, age < 12 * 3600 else { return short(date, in: zone) }
        let fr = language == .fr
        if age < 60 { return fr ? "à l'instant" : "just now" }
        let (amount, unit) = age < 3600 ? (Int(age / 60), "min") : (Int(age / 3600), "h")
        return fr ? "il y a \(amount) \(unit)" : "\(amount) \(unit) ago"
    }

    /// "UTC+2", "UTC−4:30", "UTC".
    static func offsetName(_ seconds: Int) -> String {
        if seconds == 0 { return "UTC" }
        let sign = seconds < 0 ? "−" : "+"
        let minutes = abs(seconds) / 60
        return "UTC" + sign + String(minutes / 60) + (minutes % 60 == 0 ? "" : String(format: ":%02d", minutes % 60))
    }
}

/// The interface language of a layout.
public enum LayoutLanguage: Sendable, Equatable { case fr, en }

/// Dates for the English interface: "28 July 2024", "14:05".
public enum EnglishDates {
    static let months = ["January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"]

    public static func day(_ date: PublicationDate, in zone: TimeZone? = nil) -> String {
        let c = FrenchDates.components(date, in: zone)
        return "\(c.day!) \(months[c.month! - 1]) \(c.year!)"
    }

    public static func time(_ date: PublicationDate, in zone: TimeZone? = nil) -> String {
        let c = FrenchDates.components(date, in: zone)
        return String(format: "%02d:%02d", c.hour!, c.minute!)
    }
}
