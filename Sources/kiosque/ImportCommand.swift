import ArgumentParser
import Foundation
import NewsImport
import NewsModel
import NewsStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importe des fichiers ou des dossiers : pages extraites, flux RSS et Atom, pages web d’articles, abonnements OPML ou newsboat.",
        discussion: """
        Le format est reconnu au contenu, pas au nom du fichier. Chaque fichier est importé \
        en entier ou pas du tout ; un fichier refusé est signalé sur une ligne et les autres \
        sont importés quand même. Code de sortie 1 si un fichier a été refusé.
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Fichiers ou dossiers (parcourus récursivement).", valueName: "CHEMIN"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("donnez au moins un fichier ou un dossier à importer") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let (files, missing) = FileCollector.collect(paths)
        var rejected = missing.count
        for path in missing { Output.error("\(path) : fichier ou dossier introuvable") }

        var total = SaveOutcome()
        var imported = 0
        var subscribed = 0
        try store.withBulkImport {
            // One file ahead: the next feed is parsed while this one is written.
            var next = files.first.map { Self.prepare($0, store: store) }
            for (index, file) in files.enumerated() {
                guard let current = next else { break }
                next = index + 1 < files.count ? Self.prepare(files[index + 1], store: store) : nil
                do {
                    switch current {
                    case .refused(let error):
                        throw error
                    case .storeFailed(let error):
                        throw error
                    case .unchanged(let count):
                        var outcome = SaveOutcome()
                        outcome.unchanged = count
                        total = total + outcome
                    case .feed(let parse):
                        total = total + (try parse.writeRestarting(into: store))
                    case .parsed(let result):
                        total = total + (try store.save(articles: result.articles, teasers: result.teasers))
                        subscribed += try store.addFeeds(result.subscriptions)
                    }
                    imported += 1
                } catch let error as ImportError {
                    Output.error("\(file) : \(error)")
                    rejected += 1
                } catch let error as StoreError {
                    // The store failing (disk full, read-only) stops the batch:
                    // every later file would fail the same way.
                    throw CLIError("\(file) : \(error.message)")
                }
            }
        }
        Output.line(ImportSummary(files: imported, rejected: rejected, outcome: total, subscribed: subscribed).text)
        if rejected > 0 { throw ExitCode(1) }
    }
}

extension ImportCommand {
    /// A file opened for import, and for a feed, its parse under way.
    enum Prepared {
        case refused(ImportError)
        case storeFailed(StoreError)
        /// A feed whose bytes were imported before: its articles are counted
        /// unchanged without being read again.
        case unchanged(Int)
        case feed(FeedParse)
        case parsed(ImportResult)
    }

    static func prepare(_ path: String, store: NewsStore) -> Prepared {
        do {
            switch try DocumentImporter.open(atPath: path) {
            case .parsed(let result):
                return .parsed(result)
            case .feed(let file):
                let fingerprint = try file.fingerprint()
                if let count = try store.unchangedDocument(location: path, fingerprint: fingerprint) {
                    return .unchanged(count)
                }
                return .feed(FeedParse(file: file, fingerprint: fingerprint,
                                       known: try store.knownRawHashes(from: path), hint: nil))
            }
        } catch let error as ImportError {
            return .refused(error)
        } catch let error as StoreError {
            return .storeFailed(error)
        } catch {
            return .refused(ImportError("\(error)"))
        }
    }
}

/// "3 fichiers importés, 1 refusé : 14 articles ajoutés, 2 mis à jour…"
struct ImportSummary {
    var files: Int
    var rejected: Int
    var outcome: SaveOutcome
    var subscribed = 0

    var text: String {
        var head = French.count(files, "fichier importé", "fichiers importés")
        if rejected > 0 { head += ", " + French.count(rejected, "refusé", "refusés") }
        let parts = [
            French.count(outcome.added, "article ajouté", "articles ajoutés"),
            French.count(outcome.updated, "mis à jour", "mis à jour"),
            French.count(outcome.unchanged, "inchangé", "inchangés"),
            French.count(outcome.teasersAdded, "titre du bandeau ajouté", "titres du bandeau ajoutés"),
        ]
        let subscriptions = subscribed > 0 ? ", " + French.count(subscribed, "abonnement ajouté", "abonnements ajoutés") : ""
        return head + " : " + parts.joined(separator: ", ") + subscriptions + "."
    }
}

enum French {
    /// French puts 0 and 1 in the singular: "0 article ajouté", "1 refusé".
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) " + (n < 2 ? singular : plural)
    }
}
