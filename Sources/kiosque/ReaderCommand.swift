import ArgumentParser
import Configuration
import Foundation
import NewsModel
import ReaderUI
import TerminalCurses

/// `kiosque` with no subcommand: the full-screen reader.
struct ReaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Ouvre le lecteur plein écran (la commande par défaut)."
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var userOptions: UserOptions

    @Flag(name: .long, help: "Garde le bandeau immobile.")
    var noTicker = false

    @Option(name: .long, help: ArgumentHelp("Langue de l'interface : fr (par défaut) ou en. Aussi $KIOSQUE_LANG.", valueName: "LANGUE"))
    var lang: String?

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let file = try configOptions.load()
        let settings = try ReaderSetup.settings(file: file, user: userOptions.resolved(),
                                                lang: lang ?? environment["KIOSQUE_LANG"], noTicker: noTicker)
        let store = try storeOptions.open()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(colors: file.colors)
        } catch {
            throw CLIError("\(error)")
        }
        let loop = ReaderLoop(store: store, terminal: terminal, settings: settings)
        loop.run()
    }
}

enum ReaderSetup {
    /// Command line over config file over defaults.
    static func settings(file: ConfigFile, user: String, lang: String?, noTicker: Bool) throws -> ReaderSettings {
        var language = file.language ?? .fr
        if let lang {
            guard let chosen = Strings.Language(rawValue: lang.lowercased().prefix(2).description) else {
                throw CLIError("langue inconnue « \(lang) » : fr ou en")
            }
            language = chosen
        }
        var keys = KeyTable.defaults
        for (action, bound) in file.keys { keys.rebind(action, to: bound) }
        return ReaderSettings(user: user, flagThreshold: file.flagThreshold ?? FlagPolicy.defaultThreshold,
                              keys: keys, strings: Strings(language),
                              tickerMoving: !noTicker && (file.tickerMoving ?? true),
                              tickerSpeed: file.tickerSpeed ?? 8, measure: file.measure ?? 76,
                              justify: file.justify ?? false, timeZone: .current)
    }
}
