import ArgumentParser
import Foundation
import NewsModel
import NewsStore
import Typesetting

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Liste les articles, du plus récent au plus ancien (ou les titres du bandeau)."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Nombre maximal de lignes.", valueName: "N"))
    var limit: Int = 50

    @Option(name: .long, help: ArgumentHelp("Sauter les N premières lignes.", valueName: "N"))
    var offset: Int = 0

    @Flag(name: .long, help: "Les titres du bandeau (connus sans leur article) au lieu des articles.")
    var teasers = false

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit doit être positif ou nul") }
        if offset < 0 { throw ValidationError("--offset doit être positif ou nul") }
    }

    func run() throws {
        let store = try storeOptions.openForReading()
        do {
            if teasers {
                let rows = try store.teasers(offset: offset, limit: limit)
                if json { try Output.json(rows.map(TeaserJSON.init)) } else { printTeasers(rows) }
            } else {
                let rows = try store.headlines(offset: offset, limit: limit)
                if json {
                    try Output.json(rows.map(HeadlineJSON.init))
                } else if rows.isEmpty, try store.articleCount() == 0 {
                    Output.line("Aucun article. Ajoutez-en avec « kiosque import FICHIER-OU-DOSSIER ».")
                } else {
                    printHeadlines(rows)
                }
            }
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    private func printHeadlines(_ rows: [Headline]) {
        let idWidth = rows.map { String($0.id).count }.max() ?? 1
        let total = Output.terminalWidth
        for row in rows {
            let id = String(repeating: " ", count: idWidth - String(row.id).count) + String(row.id)
            let mark = row.isRead ? " " : "•"
            let date = row.published.map { FrenchDates.short($0, in: .current) } ?? "          "
            let source = DisplayWidth.pad(row.source, to: 18)
            var line = "\(id) \(mark) \(date)  \(source)  "
            if let total {
                line += DisplayWidth.truncate(row.title, to: max(10, total - DisplayWidth.of(line)))
            } else {
                line += row.title
            }
            Output.line(line)
        }
    }

    private func printTeasers(_ rows: [Teaser]) {
        for row in rows {
            Output.line(row.source.map { "\($0) · \(row.title)" } ?? row.title)
        }
    }
}

struct HeadlineJSON: Encodable {
    var headline: Headline
    init(_ headline: Headline) { self.headline = headline }

    enum Key: String, CodingKey { case id, title, source, published, url, unread }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(headline.id, forKey: .id)
        try c.encode(headline.title, forKey: .title)
        try c.encode(headline.source, forKey: .source)
        try c.encode(headline.published?.iso8601, forKey: .published)
        try c.encode(headline.url, forKey: .url)
        try c.encode(!headline.isRead, forKey: .unread)
    }
}

struct TeaserJSON: Encodable {
    var teaser: Teaser
    init(_ teaser: Teaser) { self.teaser = teaser }

    enum Key: String, CodingKey { case title, source, url, origin }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(teaser.title, forKey: .title)
        try c.encode(teaser.source, forKey: .source)
        try c.encode(teaser.url, forKey: .url)
        try c.encode(teaser.origin.location, forKey: .origin)
    }
}
