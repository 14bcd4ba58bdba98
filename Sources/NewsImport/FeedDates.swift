import Foundation
import NewsModel

/// Dates as feeds write them: RFC 822/1123 in RSS (`pubDate`), RFC 3339 in
/// Atom and Dublin Core (`dc:date`). The result keeps the offset the feed
/// wrote, so an article can be shown in its own time.
public enum FeedDates {
    /// Either format, chosen from the text's shape.
    public static func parse(_ text: String) -> PublicationDate? {
        let trimmed = TextSanitizer.trimmingWhitespace(text)
        if RFC3339DateParser.looksLikeRFC3339(trimmed) {
            return RFC3339DateParser.parse(trimmed) ?? RFC822DateParser.parse(trimmed)
        }
        return RFC822DateParser.parse(trimmed) ?? RFC3339DateParser.parse(trimmed)
    }

    /// "Thu, 24 Oct 2024 14:05:00 +0200", "24 Oct 24 14:05 EDT",
    /// "jeu., 24 oct. 2024 14:05:00 +0200".
    public static func parseRFC822(_ text: String) -> PublicationDate? {
        RFC822DateParser.parse(text)
    }

    /// "2024-10-24T14:05:00.250+02:00", "2024-10-24T12:05:00Z",
    /// "2024-10-24" (a day without time: `hasTime` is false).
    public static func parseRFC3339(_ text: String) -> PublicationDate? {
        RFC3339DateParser.parse(text)
    }
}
