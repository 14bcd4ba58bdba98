import ArgumentParser
import Foundation
import NewsImport
import NewsModel
import NewsStore

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "S'abonne à un flux RSS ou Atom.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("Adresse du flux (http ou https).", valueName: "URL")) var url: String
    @Option(name: .long, help: ArgumentHelp("Nom à donner au flux.", valueName: "NOM")) var name: String?
    @Flag(name: .customLong("full"), inversion: .prefixedNo,
          help: "Lit la page web des articles dont le flux ne donne qu'un résumé (--no-full l'arrête).")
    var full: Bool?

    func run() throws {
        guard let address = CanonicalURL.resolve(url, against: nil) else {
            throw CLIError("« \(url) » n'est pas une adresse http ou https")
        }
        let store = try storeOptions.open()
        do {
            let added = try store.addFeeds([Subscription(url: address, name: name.map(TextSanitizer.cleanLine))])
            if let full { _ = try store.setFullText(full, forFeed: address) }
            let setting = full.map { $0 ? " Texte intégral : la page des articles résumés sera lue." : " Texte intégral arrêté." } ?? ""
            Output.line((added == 1 ? "Abonné à \(address). « kiosque fetch » le récupère." : "Déjà abonné à \(address).") + setting)
        } catch {
            throw CLIError(error.message)
        }
    }
}

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove",
                                                    abstract: "Se désabonne d'un flux (ses articles restent).")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("Adresse ou nom du flux.", valueName: "URL|NOM")) var feed: String

    func run() throws {
        let store = try storeOptions.open()
        do {
            guard try store.removeFeed(feed) else {
                throw CLIError("aucun abonnement à « \(feed) » ; « kiosque feeds » les liste")
            }
            Output.line("Désabonné de \(feed).")
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }
}

struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feeds", abstract: "Liste les abonnements et leur état.")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() throws {
        let store = try storeOptions.open()
        do {
            let feeds = try store.feeds()
            if json { return try Output.json(feeds.map(FeedJSON.init)) }
            if feeds.isEmpty { return Output.line("Aucun abonnement. « kiosque add URL » ou « kiosque import abonnements.opml ».") }
            for feed in feeds {
                let state = feed.status.map { $0 + (feed.error.map { " : \($0)" } ?? "") } ?? "jamais récupéré"
                Output.line("\(feed.name ?? feed.url)  \(French.count(feed.articleCount, "article", "articles"))  \(state)"
                            + (feed.fullText ? "  texte intégral" : "") + (feed.name == nil ? "" : "  \(feed.url)"))
            }
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }
}

struct FeedJSON: Encodable {
    var feed: FeedState
    init(_ feed: FeedState) { self.feed = feed }
    enum Key: String, CodingKey { case url, name, articles, status, error, lastFetch = "last_fetch", etag, fullText = "full_text" }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(feed.url, forKey: .url)
        try c.encode(feed.name, forKey: .name)
        try c.encode(feed.articleCount, forKey: .articles)
        try c.encode(feed.fullText, forKey: .fullText)
        try c.encode(feed.status, forKey: .status)
        try c.encode(feed.error, forKey: .error)
        try c.encode(feed.lastFetch.map { ISO8601DateFormatter().string(from: $0) }, forKey: .lastFetch)
        try c.encode(feed.etag, forKey: .etag)
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Écrit les abonnements en OPML sur la sortie.")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(name: .long, help: "Format OPML (le seul pour l'instant).") var opml = false

    func validate() throws {
        if !opml { throw ValidationError("précisez le format : --opml") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let feeds: [FeedState]
        do { feeds = try store.feeds() } catch { throw CLIError(error.message) }
        print(OPMLWriter.document(feeds.map { Subscription(url: $0.url, name: $0.name, fullText: $0.fullText) }))
    }
}

/// OPML 2.0, every value escaped for XML.
enum OPMLWriter {
    static func document(_ subscriptions: [Subscription]) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<opml version=\"2.0\">",
                     "  <head><title>Abonnements kiosque</title></head>", "  <body>"]
        for subscription in subscriptions {
            let name = escape(subscription.name ?? subscription.url)
            let full = subscription.fullText ? " fullText=\"true\"" : ""
            lines.append("    <outline type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(escape(subscription.url))\"\(full)/>")
        }
        lines += ["  </body>", "</opml>"]
        return lines.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        TextSanitizer.cleanLine(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
