import Foundation
import NewsModel
import XCTest
@testable import ReaderUI

/// Compares a rendered screen with a recorded one in Golden/. Set
/// KIOSQUE_RECORD_SCREENS=1 to record the screens anew (then review the diff).
func assertScreen(_ buffer: Buffer, matches name: String, file: StaticString = #filePath, line: UInt = #line) {
    let folder = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden")
    let url = folder.appendingPathComponent(name + ".txt")
    let actual = buffer.trimmedLines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["KIOSQUE_RECORD_SCREENS"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("no recorded screen \(name).txt: run with KIOSQUE_RECORD_SCREENS=1", file: file, line: line)
        return
    }
    XCTAssertEqual(actual, expected, "screen \(name) differs", file: file, line: line)
}

/// Sample data for the reader's tests.
enum Sample {
    static let origin = Origin(kind: .file, location: "test")

    static func headlines(_ count: Int) -> [Headline] {
        (0..<count).map { i in
            Headline(id: Int64(i + 1), title: titles[i % titles.count] + (i >= titles.count ? " (\(i))" : ""),
                     source: sources[i % sources.count], url: nil,
                     published: PublicationDate(year: 2024, month: 10, day: 24 - (i % 20)), isRead: i % 3 == 2)
        }
    }

    static let titles = [
        "Bourse de Casablanca : clôture en hausse",
        "Classement FIFA : le Maroc au 13e rang, gagne une place",
        "L’ONDA compte investir 12,3 MMDH sur la période 2025-2027",
        "Les températures attendues ce jeudi 24 octobre 2024",
        "Archéologie : les travaux d’Igiliz primés en France",
    ]
    static let sources = ["Albayane", "Le Matin", "Aujourd'hui le Maroc", "Médias24"]

    static let photo = ImageRef(url: "https://img.example/ecole.jpg", alt: "Une école à Fès",
                                caption: "Une classe de l’école Ibn Khaldoun", credit: "MAP")

    static func article(id: Int64 = 3) -> Article {
        Article(id: id, title: "Une école pilote ouvre ses portes à Fès", source: "Albayane",
                url: "https://albayane.example/ecole-pilote",
                published: PublicationDate(year: 2024, month: 10, day: 24),
                blocks: [
                    .paragraph("La nouvelle école accueille depuis lundi trois cents élèves venus de toute la médina ; elle propose un enseignement bilingue."),
                    .heading(level: 2, text: "Un projet de dix ans"),
                    .paragraph("« Nous avons attendu ce moment longtemps », confie la directrice, qui rappelle que l’École normale a formé la moitié des enseignants."),
                    .image(photo),
                    .paragraph("Les parents saluent une initiative attendue : l’établissement offre aussi une cantine et une bibliothèque ouverte le samedi."),
                ], origin: origin)
    }

    static func settings(_ language: Strings.Language = .fr, moving: Bool = true) -> ReaderSettings {
        ReaderSettings(user: "amina", strings: Strings(language), tickerMoving: moving)
    }

    /// A reader with headlines and a ticker loaded, as after start-up.
    static func state(width: Int = 80, height: Int = 14, rows: Int = 5, moving: Bool = true,
                      language: Strings.Language = .fr) -> AppState {
        var state = AppState(width: width, height: height, settings: settings(language, moving: moving))
        let all = headlines(rows)
        _ = state.update(.headlines(offset: 0, rows: all, total: rows, unread: all.filter { !$0.isRead }.count))
        _ = state.update(.ticker(all.prefix(3).map { TickerItem(text: "\($0.source) · \($0.title)", articleID: $0.id) }))
        return state
    }
}
