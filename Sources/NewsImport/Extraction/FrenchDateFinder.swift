import Foundation
import NewsModel

/// Finds the publication date written out in a French page's text:
/// "Publié le 18 février 2025 à 11h20", "1er août 2024", "Lundi 14 octobre
/// 2024 - 17:42", "le 03/03/2025 à 9 h 05". A date said to be an update
/// ("Mis à jour le…") only counts when no other date is there.
enum FrenchDateFinder {
    struct Found {
        var date: PublicationDate
        var isUpdate: Bool
    }

    static func find(in text: String) -> PublicationDate? {
        let found = all(in: text)
        return (found.first { !$0.isUpdate } ?? found.first)?.date
    }

    static func all(in text: String) -> [Found] {
        let range = NSRange(text.startIndex..., in: text)
        var result: [Found] = []
        for match in pattern.matches(in: text, range: range) {
            guard let date = date(from: match, in: text) else { continue }
            guard let matched = Range(match.range, in: text) else { continue }
            let start = matched.lowerBound
            let windowStart = text.index(start, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
            let before = BoilerplateRules.fold(String(text[windowStart..<start]))
            result.append(Found(date: date, isUpdate: saysUpdate(before)))
        }
        return result
    }

    /// Whether the words just before a date make it an update: the nearest
    /// of "mis à jour"/"modifié"/"actualisé" and "publié" decides.
    private static func saysUpdate(_ before: String) -> Bool {
        func lastOffset(_ words: [String]) -> Int {
            words.compactMap { before.range(of: $0, options: .backwards) }
                .map { before.distance(from: before.startIndex, to: $0.lowerBound) }.max() ?? -1
        }
        let update = lastOffset(["mis a jour", "mise a jour", "modifie", "actualise", "maj "])
        return update > lastOffset(["publie", "paru", "cree"])
    }

    /// Whether a short text is little more than a date ("Lundi 14 octobre
    /// 2024 - 17:42", "le 3 mars 2025 à 9h"): a date line, not a sentence.
    static func isMostlyDate(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        let matched = pattern.matches(in: text, range: range).reduce(0) { $0 + $1.range.length }
        let letters = text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
        return matched > 0 && Double(matched) >= 0.5 * Double(max(1, range.length)) && letters < 60
    }

    static let months: [String: Int] = [
        "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5,
        "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10,
        "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
    ]

    // Either "18 février 2025" (day may be "1er", month may be abbreviated)
    // or "18/02/2025" / "18.02.2025", then an optional time: "à 11h20",
    // "- 17:42", ", 9 h 05", "11H".
    private static let pattern: NSRegularExpression = {
        let month = "(janvier|janv\\.?|f[ée]vrier|f[ée]vr?\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|ao[uû]t|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|d[ée]cembre|d[ée]c\\.?)"
        let written = "\\b(\\d{1,2})(?:er|e)?[\\s\\u00A0\\u202F]+" + month + "[\\s\\u00A0\\u202F]+(\\d{4})"
        let numeric = "\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})"
        let time = "(?:[\\s\\u00A0\\u202F]*(?:à|a|-|–|,|\\|)?[\\s\\u00A0\\u202F]*(\\d{1,2})[\\s\\u00A0\\u202F]*(?:h|H|:)[\\s\\u00A0\\u202F]*(\\d{2})?\\b)?"
        return try! NSRegularExpression(pattern: "(?:" + written + "|" + numeric + ")" + time, options: [.caseInsensitive])
    }()

    private static func date(from match: NSTextCheckingResult, in text: String) -> PublicationDate? {
        func group(_ index: Int) -> String? {
            let range = match.range(at: index)
            guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return nil }
            return String(text[swiftRange])
        }
        let day: Int, month: Int, year: Int
        if let writtenDay = group(1).flatMap({ Int($0) }), let name = group(2), let writtenYear = group(3).flatMap({ Int($0) }) {
            let key = BoilerplateRules.fold(name).replacingOccurrences(of: ".", with: "")
            guard let number = months[key] else { return nil }
            (day, month, year) = (writtenDay, number, writtenYear)
        } else if let d = group(4).flatMap({ Int($0) }), let m = group(5).flatMap({ Int($0) }), let y = group(6).flatMap({ Int($0) }) {
            (day, month, year) = (d, m, y)
        } else {
            return nil
        }
        guard (1990...2100).contains(year), CivilTime.isValidDay(year: year, month: month, day: day) else { return nil }
        if let hour = group(7).flatMap({ Int($0) }), hour <= 23 {
            let minute = group(8).flatMap { Int($0) } ?? 0
            guard minute <= 59 else { return PublicationDate(year: year, month: month, day: day) }
            return ParisTime.date(year: year, month: month, day: day, hour: hour, minute: minute)
        }
        return PublicationDate(year: year, month: month, day: day)
    }
}
