import Foundation
import ReaderUI
import TOMLKit

/// The reader's config file, `$XDG_CONFIG_HOME/kiosque/config.toml`:
///
///     language = "fr"            # or "en"
///     justify = false            # justified paragraphs in the pager and `show`
///     [ticker]
///     moving = true              # false keeps the band still
///     speed = 8                  # columns per second
///     [flags]
///     threshold = 3              # different people before an image is blocked
///     [colors]
///     mode = "auto"              # "256", "16" or "none"
///     ticker = { fg = 231, bg = 24 }
///     [keys]
///     down = ["j", "Down"]
///
/// Every setting is optional; an unknown one is an error, so a typo is
/// never silently ignored.
public struct ConfigFile: Sendable, Equatable {
    public var language: Strings.Language?
    public var tickerMoving: Bool?
    public var tickerSpeed: Double?
    public var flagThreshold: Int?
    public var measure: Int?
    public var justify: Bool?
    public var colors = ColorSettings()
    public var keys: [Action: [Key]] = [:]

    public init() {}

    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// `$XDG_CONFIG_HOME/kiosque/config.toml`, else `~/.config/kiosque/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/kiosque/config.toml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/kiosque/config.toml"
    }

    /// Reads the file; a missing file is the default configuration.
    public static func load(path: String) throws(Failure) -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path) : lecture impossible")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String = "config.toml") throws(Failure) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure(description: "\(path) : ligne \(error.source.begin.line) : \(error.description)")
        } catch {
            throw Failure(description: "\(path) : TOML illisible (\(error))")
        }
        var config = ConfigFile()
        var reader = TableReader(table: table, path: path, section: nil)
        if let language = try reader.string("language") {
            guard let value = Strings.Language(rawValue: language) else {
                throw Failure(description: "\(path) : language doit valoir \"fr\" ou \"en\"")
            }
            config.language = value
        }
        config.measure = try reader.int("measure", in: 30...200)
        config.justify = try reader.bool("justify")
        if var ticker = try reader.table("ticker") {
            config.tickerMoving = try ticker.bool("moving")
            config.tickerSpeed = try ticker.double("speed", in: 0.5...60)
            try ticker.finish()
        }
        if var flags = try reader.table("flags") {
            config.flagThreshold = try flags.int("threshold", in: 1...1000)
            try flags.finish()
        }
        if var colors = try reader.table("colors") {
            config.colors = try Self.colors(&colors)
        }
        if var keys = try reader.table("keys") {
            config.keys = try Self.keys(&keys)
        }
        try reader.finish()
        return config
    }

    private static func colors(_ reader: inout TableReader) throws(Failure) -> ColorSettings {
        var settings = ColorSettings()
        if let mode = try reader.string("mode") {
            guard let value = ColorSettings.Mode(rawValue: mode) else {
                throw reader.failure("colors.mode doit valoir \"auto\", \"256\", \"16\" ou \"none\"")
            }
            settings.mode = value
        }
        for role in Role.allCases {
            guard var pair = try reader.table(role.configName) else { continue }
            let fg = try pair.int("fg", in: -1...255)
            let bg = try pair.int("bg", in: -1...255)
            try pair.finish()
            settings.overrides[role] = .init(foreground: fg.map(Int16.init), background: bg.map(Int16.init))
        }
        try reader.finish()
        return settings
    }

    private static func keys(_ reader: inout TableReader) throws(Failure) -> [Action: [Key]] {
        var result: [Action: [Key]] = [:]
        for action in Action.allCases {
            guard let names = try reader.strings(action.configName) else { continue }
            var keys: [Key] = []
            for name in names {
                guard let key = Key(name: name) else {
                    throw reader.failure("keys.\(action.configName) : touche inconnue « \(name) »")
                }
                keys.append(key)
            }
            result[action] = keys
        }
        try reader.finish()
        return result
    }
}

/// Reads typed values out of a TOML table and remembers which keys were
/// used, so that `finish` can refuse the unknown ones.
struct TableReader {
    let table: TOMLTable
    let path: String
    let section: String?
    private var used: Set<String> = []

    init(table: TOMLTable, path: String, section: String?) {
        self.table = table
        self.path = path
        self.section = section
    }

    private func name(_ key: String) -> String { section.map { "\($0).\(key)" } ?? key }

    func failure(_ message: String) -> ConfigFile.Failure {
        ConfigFile.Failure(description: "\(path) : \(message)")
    }

    private mutating func value(_ key: String) -> TOMLValueConvertible? {
        used.insert(key)
        return table[key]
    }

    mutating func string(_ key: String) throws(ConfigFile.Failure) -> String? {
        guard let value = value(key) else { return nil }
        guard let string = value.string else { throw failure("\(name(key)) doit être une chaîne") }
        return string
    }

    mutating func strings(_ key: String) throws(ConfigFile.Failure) -> [String]? {
        guard let value = value(key) else { return nil }
        if let one = value.string { return [one] }
        guard let array = value.array else { throw failure("\(name(key)) doit être une liste de touches") }
        var result: [String] = []
        for element in array {
            guard let string = element.string else { throw failure("\(name(key)) doit être une liste de touches") }
            result.append(string)
        }
        return result
    }

    mutating func bool(_ key: String) throws(ConfigFile.Failure) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool else { throw failure("\(name(key)) doit valoir true ou false") }
        return bool
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>) throws(ConfigFile.Failure) -> Int? {
        guard let value = value(key) else { return nil }
        guard let int = value.int, range.contains(int) else {
            throw failure("\(name(key)) doit être un entier de \(range.lowerBound) à \(range.upperBound)")
        }
        return int
    }

    mutating func double(_ key: String, in range: ClosedRange<Double>) throws(ConfigFile.Failure) -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.double ?? value.int.map(Double.init), range.contains(number) else {
            throw failure("\(name(key)) doit être un nombre de \(range.lowerBound) à \(range.upperBound)")
        }
        return number
    }

    mutating func table(_ key: String) throws(ConfigFile.Failure) -> TableReader? {
        guard let value = value(key) else { return nil }
        guard let inner = value.table else { throw failure("\(name(key)) doit être une table") }
        return TableReader(table: inner, path: path, section: name(key))
    }

    func finish() throws(ConfigFile.Failure) {
        if let unknown = table.keys.sorted().first(where: { !used.contains($0) }) {
            throw failure("réglage inconnu « \(name(unknown)) »")
        }
    }
}
