import ArgumentParser
import Foundation
import NewsModel
import NewsStore

/// `--store PATH`, shared by every command; `KIOSQUE_STORE` and the XDG
/// default apply when it is absent.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Fichier de la base (sinon $KIOSQUE_STORE, sinon $XDG_DATA_HOME/kiosque/kiosque.sqlite).", valueName: "CHEMIN"))
    var store: String?

    var path: String { store ?? NewsStore.defaultPath() }

    func open() throws -> NewsStore {
        try opened(NewsStore.init(path:beforeReindex:))
    }

    /// For the commands that change nothing (see `NewsStore.forReading`).
    func openForReading() throws -> NewsStore {
        try opened(NewsStore.forReading(path:beforeReindex:))
    }

    private func opened(_ open: (String, (Int) -> Void) throws(StoreError) -> NewsStore) throws -> NewsStore {
        do {
            return try open(path) { articles in
                Output.note("reconstruction de l'index de recherche (" + French.count(articles, "article", "articles")
                            + ", une seule fois après une mise à jour)…")
            }
        } catch {
            throw CLIError(error.message)
        }
    }
}

/// `--user`, for the commands that act as a person.
struct UserOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Nom de la personne qui signale (sinon $USER, sinon le compte).", valueName: "NOM"))
    var user: String?

    func resolved() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let name = user ?? environment["USER"] ?? environment["LOGNAME"] ?? Self.accountName() ?? ""
        let clean = TextSanitizer.cleanLine(name)
        guard !clean.isEmpty else {
            throw CLIError("personne inconnue : donnez --user NOM (ou définissez $USER)")
        }
        return clean
    }

    /// The login name of the account running kiosque, when the environment
    /// does not say (cron, some containers).
    private static func accountName() -> String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
