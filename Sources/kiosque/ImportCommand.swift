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
        let (files, missing) = FileCollector.collect(paths)
        FreedMemory.keepIfWorthIt(files: files)
        for path in missing { Output.error("\(path) : fichier ou dossier introuvable") }
        let report = try importIntoNewStore(files) ?? importAll(files, into: try storeOptions.open())
        let rejected = report.rejected + missing.count
        Output.line(ImportSummary(files: report.imported, rejected: rejected, outcome: report.outcome,
                                  subscribed: report.subscribed).text)
        if rejected > 0 { throw ExitCode(1) }
    }

    /// A store that does not exist yet is built out of sight and put in
    /// place when the import is over (see `StoreUnderConstruction`): its
    /// pages are written once instead of twice. Nil when the store exists,
    /// or when another process made it meanwhile: the files then go into
    /// that store as usual.
    private func importIntoNewStore(_ files: [String]) throws -> ImportReport? {
        do {
            guard !files.isEmpty, let building = try StoreUnderConstruction.begin(at: storeOptions.path) else {
                return nil
            }
            let report: ImportReport
            do {
                report = try importAll(files, into: building.store)
            } catch {
                // The documents written before the failure are kept whole, as
                // they would be in a store in place.
                _ = try? building.publish()
                throw error
            }
            guard try building.publish() else {
                Output.note("une base a été créée à \(storeOptions.path) pendant l'import : les fichiers y sont importés")
                return nil
            }
            return report
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    /// What one pass over the files did.
    struct ImportReport {
        var imported = 0
        var rejected = 0
        var outcome = SaveOutcome()
        var subscribed = 0
    }

    /// How many articles of small feeds a store under construction commits
    /// at a time (see `NewsStore.importDocumentInGroup`): a failure loses at
    /// most these, whole feeds only, and the search index writes its terms
    /// out ten times for a hundred feeds of a thousand items, not a hundred.
    /// `KIOSQUE_IMPORT_GROUP` sets another number: the tests of a full disk
    /// have only room for a few feeds.
    static let groupedArticles = ProcessInfo.processInfo.environment["KIOSQUE_IMPORT_GROUP"].flatMap { Int($0) } ?? 10_000

    /// How many files are parsed ahead of the one being written. With one,
    /// the parse of a small feed often ended before the writer was done
    /// with the file before it, and a core waited a seventh of the time
    /// (a hundred feeds of a thousand items: 3.95 s, 3.77 s with two; three
    /// did no better, and each file ahead holds its articles in memory).
    /// Measured again once one thread parsed them all in turn: 2.70 s with
    /// one, 2.55 s with two, 2.59 s with four.
    static let filesAhead = 2

    private func importAll(_ files: [String], into store: NewsStore) throws -> ImportReport {
        var report = ImportReport()
        var grouped = 0
        // The feeds are parsed on one thread, in turn (see `ParsingThread`).
        let parsing = ParsingThread()
        defer { parsing.close() }
        try store.withBulkImport {
            // Files ahead are opened and parsed while this one is written.
            var ahead: [Prepared] = []
            var opened = 0
            for (index, file) in files.enumerated() {
                while opened < files.count && opened <= index + Self.filesAhead {
                    ahead.append(Self.prepare(files[opened], store: store, parsing: parsing))
                    opened += 1
                }
                let current = ahead.removeFirst()
                do {
                    switch current {
                    case .refused(let error):
                        throw error
                    case .storeFailed(let error):
                        throw error
                    case .unchanged(let count):
                        var outcome = SaveOutcome()
                        outcome.unchanged = count
                        report.outcome = report.outcome + outcome
                    case .feed(let parse) where parse.wholeFirst:
                        let outcome = try parse.writeInGroup(into: store)
                        report.outcome = report.outcome + outcome
                        grouped += outcome.added + outcome.updated
                        if grouped >= Self.groupedArticles {
                            try store.commitGroup()
                            grouped = 0
                        }
                    case .feed(let parse):
                        report.outcome = report.outcome + (try parse.writeRestarting(into: store))
                    case .parsed(let result):
                        report.outcome = report.outcome + (try store.save(articles: result.articles, teasers: result.teasers))
                        report.subscribed += try store.addFeeds(result.subscriptions)
                    }
                    report.imported += 1
                } catch let error as ImportError {
                    Output.error("\(file) : \(error)")
                    report.rejected += 1
                } catch let error as StoreError {
                    // The store failing (disk full, read-only) stops the batch:
                    // every later file would fail the same way.
                    throw CLIError("\(file) : \(error.message)")
                }
            }
            do throws(StoreError) { try store.commitGroup() } catch { throw CLIError(error.message) }
        }
        return report
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

    static func prepare(_ path: String, store: NewsStore, parsing: ParsingThread) -> Prepared {
        do {
            switch try DocumentImporter.open(atPath: path) {
            case .parsed(let result):
                return .parsed(result)
            case .feed(let file):
                // A store under construction holds no file yet: the parse
                // starts at once, and its thread hashes the file after it.
                var fingerprint: DocumentFingerprint?
                if !store.groupsDocuments {
                    let known = try file.fingerprint()
                    if let count = try store.unchangedDocument(location: path, fingerprint: known) {
                        return .unchanged(count)
                    }
                    fingerprint = known
                }
                return .feed(FeedParse(file: file, fingerprint: fingerprint,
                                       known: try store.knownRawHashes(from: path), hint: nil,
                                       wholeFirst: store.groupsDocuments && file.size <= FeedParse.wholeFirstLimit,
                                       parsing: parsing))
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
