import ArgumentParser
import Configuration
import Foundation
import NewsModel

/// `--config PATH`: the reader and the commands that count flags read the
/// same file, so the threshold is one setting everywhere.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Fichier de réglages (sinon $XDG_CONFIG_HOME/kiosque/config.toml).", valueName: "CHEMIN"))
    var config: String?

    func load() throws -> ConfigFile {
        let path = config ?? ConfigFile.defaultPath(environment: ProcessInfo.processInfo.environment)
        do {
            return try ConfigFile.load(path: path)
        } catch {
            throw CLIError(error.description)
        }
    }

    func flagThreshold() throws -> Int {
        try load().flagThreshold ?? FlagPolicy.defaultThreshold
    }
}
