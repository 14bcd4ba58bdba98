import Foundation
import NewsModel

/// Dates written as a French newspaper writes them: "28 juillet 2024",
/// "1er août 2024", "jeudi 24 octobre 2024 à 14 h 05".
public enum FrenchDates {
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                         "août", "septembre", "octobre", "novembre", "décembre"]
    static let weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]

    /// Calendar fields of the date in the source's own offset (UTC when the
    /// source gave none), so that the byline says what the paper printed.
    static func components(_ date: PublicationDate) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: date.utcOffset ?? 0)!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date.instant)
    }

    /// "28 juillet 2024", "1er août 2024".
    public static func day(_ date: PublicationDate) -> String {
        let c = components(date)
        let day = c.day! == 1 ? "1er" : String(c.day!)
        return "\(day) \(months[c.month! - 1]) \(c.year!)"
    }

    /// "jeudi 24 octobre 2024 à 14 h 05", or the day alone when the time is
    /// not known.
    public static func long(_ date: PublicationDate) -> String {
        let c = components(date)
        let weekday = weekdays[c.weekday! - 1]
        guard date.hasTime else { return "\(weekday) \(day(date))" }
        return "\(weekday) \(day(date)) à \(time(date))"
    }

    /// "14 h 05", French style.
    public static func time(_ date: PublicationDate) -> String {
        let c = components(date)
        return "\(c.hour!) h \(String(format: "%02d", c.minute!))"
    }

    /// "24/10/2024", for narrow columns.
    public static func short(_ date: PublicationDate) -> String {
        let c = components(date)
        return String(format: "%02d/%02d/%04d", c.day!, c.month!, c.year!)
    }
}

/// The interface language of a layout.
public enum LayoutLanguage: Sendable, Equatable { case fr, en }

/// Dates for the English interface: "28 July 2024", "14:05".
public enum EnglishDates {
    static let months = ["January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"]

    public static func day(_ date: PublicationDate) -> String {
        let c = FrenchDates.components(date)
        return "\(c.day!) \(months[c.month! - 1]) \(c.year!)"
    }

    public static func time(_ date: PublicationDate) -> String {
        let c = FrenchDates.components(date)
        return String(format: "%02d:%02d", c.hour!, c.minute!)
    }
}
