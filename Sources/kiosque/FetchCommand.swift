import ArgumentParser
import Foundation
import NewsImport
import NewsModel
import NewsStore

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Récupère les flux abonnés, en parallèle, par requêtes conditionnelles.",
        discussion: "Un flux en échec est signalé avec sa raison, gardé dans son état et réessayé la fois suivante ; les autres continuent."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .long, help: ArgumentHelp("Connexions simultanées (au plus deux par serveur).", valueName: "N")) var jobs = 8
    @Flag(name: .long, help: "Lit la page web des articles dont le flux ne donne qu'un résumé (comme « kiosque add URL --full » pour un flux).")
    var full = false
    @Argument(help: ArgumentHelp("Adresses ou noms des flux (tous par défaut).", valueName: "URL|NOM")) var only: [String] = []

    func validate() throws {
        if !(1...64).contains(jobs) { throw ValidationError("--jobs va de 1 à 64") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let all: [FeedState]
        do { all = try store.feeds() } catch { throw CLIError(error.message) }
        let chosen = only.isEmpty ? all : all.filter { only.contains($0.url) || ($0.name.map(only.contains) ?? false) }
        if chosen.isEmpty {
            throw CLIError(all.isEmpty ? "aucun abonnement : « kiosque add URL » d'abord" : "aucun abonnement ne correspond à \(only.joined(separator: ", "))")
        }
        let timeout = Self.timeout
        let report = FetchReport(total: chosen.count, terminal: Output.terminalWidth != nil)
        FetchPool(jobs: jobs, fullText: full).fetch(chosen, into: store, timeout: timeout, report: report.record)
        report.finish()
        if report.failures > 0 { throw ExitCode(1) }
    }

    /// Seconds a request may take: KIOSQUE_FETCH_TIMEOUT changes it, for
    /// tests and slow links alike.
    static var timeout: TimeInterval {
        ProcessInfo.processInfo.environment["KIOSQUE_FETCH_TIMEOUT"].flatMap(Double.init) ?? 20
    }

    enum Result { case unchanged, saved(SaveOutcome, FullTextCount?), failed(String) }

    /// Pages read in full during a fetch, and pages that could not be.
    struct FullTextCount { var read: Int; var failed: Int }

    /// Parses and saves a fetched feed in one transaction, then records its
    /// state. A store that cannot record (disk full…) makes the feed fail
    /// with that reason rather than pass in silence.
    static func apply(_ outcome: FeedFetcher.Outcome, to feed: FeedState, store: NewsStore,
                      fullText: FullTextPages? = nil) -> Result {
        func record(_ status: String, _ reason: String?, movedTo: String? = nil, etag: String? = nil,
                    lastModified: String? = nil) -> String? {
            do {
                try store.recordFetch(url: feed.url, movedTo: movedTo, etag: etag, lastModified: lastModified,
                                      status: status, error: reason)
                return nil
            } catch {
                return error.message
            }
        }
        switch outcome {
        case .notModified:
            return record("inchangé", nil).map(Result.failed) ?? .unchanged
        case .failed(let reason):
            return .failed(record("erreur", reason) ?? reason)
        case .fetched(let body, let etag, let lastModified, let finalURL, let movedTo):
            let saved: SaveOutcome
            var pages: FullTextCount?
            do {
                let origin = Origin(kind: .feed, location: movedTo ?? feed.url)
                // Into the store, as an import does: an article's body is
                // then stored (and hashed) the same whichever way it came.
                let parsed = try DocumentImporter.parse(body, origin: origin, baseURL: finalURL,
                                                        bodies: .deferredWhenSimple)
                guard [.rss2, .rss1, .atom].contains(parsed.format) else {
                    throw ImportError("ce n'est pas un flux RSS ou Atom")
                }
                var articles = parsed.articles
                var extracted: [String] = []
                if let fullText {
                    let filled = try fullText.fill(articles, store: store)
                    (articles, extracted) = (filled.articles, filled.extracted)
                    pages = FullTextCount(read: filled.extracted.count, failed: filled.failed)
                }
                saved = try store.save(articles: articles, teasers: parsed.teasers)
                try store.markFullText(extracted)
            } catch let error as ImportError {
                return .failed(record("erreur", error.description) ?? error.description)
            } catch {
                return .failed((error as? StoreError)?.message ?? "\(error)")
            }
            return record("ok", nil, movedTo: movedTo, etag: etag, lastModified: lastModified).map(Result.failed)
                ?? .saved(saved, pages)
        }
    }
}

/// Runs fetches on `jobs` threads, never more than two at once per server.
struct FetchPool {
    var jobs: Int
    /// Read the page of summary-only items for every feed, not only for
    /// those subscribed with --full.
    var fullText = false

    /// Fetches and saves every feed, calling `report` as each one ends.
    func fetch(_ feeds: [FeedState], into store: NewsStore, timeout: TimeInterval,
               report: @escaping @Sendable (FeedState, FetchCommand.Result) -> Void) {
        run(feeds) { feed in
            let outcome = FeedFetcher.fetch(feed.url, etag: feed.etag, lastModified: feed.lastModified, timeout: timeout)
            let pages = (fullText || feed.fullText) ? FullTextPages(timeout: timeout) : nil
            report(feed, FetchCommand.apply(outcome, to: feed, store: store, fullText: pages))
        }
    }

    func run(_ feeds: [FeedState], _ work: @escaping @Sendable (FeedState) -> Void) {
        let hosts = HostLimits(perHost: 2)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = jobs
        for feed in feeds {
            queue.addOperation {
                let host = URL(string: feed.url)?.host ?? feed.url
                hosts.withSlot(for: host) { work(feed) }
            }
        }
        queue.waitUntilAllOperationsAreFinished()
    }
}

final class HostLimits: @unchecked Sendable {
    private let lock = NSLock()
    private var semaphores: [String: DispatchSemaphore] = [:]
    private let perHost: Int

    init(perHost: Int) { self.perHost = perHost }

    func withSlot(for host: String, _ body: () -> Void) {
        let semaphore = lock.withLock {
            if let existing = semaphores[host] { return existing }
            let made = DispatchSemaphore(value: perHost)
            semaphores[host] = made
            return made
        }
        semaphore.wait()
        defer { semaphore.signal() }
        body()
    }
}

/// Progress on a terminal (one line redrawn), or one line per feed for a
/// script; a summary at the end either way.
final class FetchReport: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let terminal: Bool
    private var done = 0
    private var added = 0
    private(set) var failures = 0
    private var lines: [String] = []

    init(total: Int, terminal: Bool) {
        self.total = total
        self.terminal = terminal
    }

    func record(_ feed: FeedState, _ result: FetchCommand.Result) {
        lock.withLock {
            done += 1
            let label = feed.name ?? feed.url
            let line: String
            switch result {
            case .unchanged: line = "\(label) : inchangé (304)"
            case .saved(let outcome, let pages):
                added += outcome.added
                line = "\(label) : \(French.count(outcome.added, "nouvel article", "nouveaux articles")), \(French.count(outcome.updated, "mis à jour", "mis à jour"))"
                    + (pages.map { Self.describe($0) } ?? "")
            case .failed(let reason):
                failures += 1
                line = "\(label) : échec, \(reason)"
            }
            if terminal {
                let width = 20
                let filled = done * width / max(1, total)
                let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
                FileHandle.standardOutput.write(Data("\r[\(bar)] \(done)/\(total) flux, \(added) nouveaux, \(failures) en échec".utf8))
                lines.append(line)
            } else {
                Output.line(line)
            }
        }
    }

    /// ", 3 pages lues en entier, 1 illisible (résumé gardé)".
    static func describe(_ pages: FetchCommand.FullTextCount) -> String {
        guard pages.read + pages.failed > 0 else { return "" }
        var text = ", " + French.count(pages.read, "page lue en entier", "pages lues en entier")
        if pages.failed > 0 { text += ", \(French.count(pages.failed, "page illisible", "pages illisibles")) (résumé gardé)" }
        return text
    }

    func finish() {
        lock.withLock {
            if terminal {
                FileHandle.standardOutput.write(Data("\n".utf8))
                for line in lines where line.contains("échec") { Output.line(line) }
            }
            Output.line("\(French.count(total, "flux récupéré", "flux récupérés")) : \(French.count(added, "nouvel article", "nouveaux articles")), \(French.count(failures, "échec", "échecs")).")
        }
    }
}
