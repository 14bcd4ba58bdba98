import ArgumentParser
import Foundation
import NewsModel
import NewsStore
import Typesetting

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Cherche dans les titres et les textes, sans tenir compte des accents ni des pluriels.",
        discussion: """
        « ecole » trouve « École », « élection » trouve « élections », « etat » trouve « l’État ». \
        Les "expressions entre guillemets" doivent se suivre ; -mot exclut les articles qui contiennent mot.
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    // Unrecognised "-mot" are exclusions, not options.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Les mots à chercher ; -mot exclut.", valueName: "REQUÊTE"))
    var words: [String]

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Nombre maximal de résultats.", valueName: "N"))
    var limit: Int = 20

    func validate() throws {
        if words.isEmpty { throw ValidationError("donnez au moins un mot à chercher") }
        if limit < 0 { throw ValidationError("--limit doit être positif ou nul") }
    }

    func run() throws {
        let store = try storeOptions.openForReading()
        do {
            let hits = try store.search(words.joined(separator: " "), limit: limit)
            if json {
                try Output.json(hits.map(SearchHitJSON.init))
            } else if hits.isEmpty {
                Output.line("Aucun article ne correspond.")
            } else {
                for hit in hits {
                    let date = hit.headline.published.map { FrenchDates.short($0, in: .current) } ?? "          "
                    Output.line("\(hit.headline.id)  \(date)  \(hit.headline.source) · \(hit.headline.title)")
                    Output.line("    " + hit.snippet)
                }
            }
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }
}

/// The fields of `list --json`, plus the snippet.
struct SearchHitJSON: Encodable {
    var hit: SearchHit
    init(_ hit: SearchHit) { self.hit = hit }

    enum Key: String, CodingKey { case snippet }

    func encode(to encoder: any Encoder) throws {
        try HeadlineJSON(hit.headline).encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(hit.snippet, forKey: .snippet)
    }
}
