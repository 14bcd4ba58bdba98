import ArgumentParser
import Foundation
import NewsModel
import NewsStore

struct FlagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag",
        abstract: "Signale une image. Elle est bloquée pour tous après plusieurs signalements."
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var userOptions: UserOptions

    @Argument(help: ArgumentHelp("Numéro de l'image (voir « kiosque show ID --json »).", valueName: "IMAGE-ID"))
    var imageID: Int64

    func run() throws {
        let user = try userOptions.resolved()
        let store = try storeOptions.open()
        let threshold = try configOptions.flagThreshold()
        do {
            let before = try store.image(id: imageID)
            let status = try store.flag(imageID: imageID, user: user, threshold: threshold)
            if before?.isFlagged(by: user) == true {
                Output.line("\(user) a déjà signalé cette image ; un signalement compte une fois. (\(min(status.flagCount, threshold))/\(threshold))")
                return
            }
            Output.line("Merci d'avoir signalé ! Cette image sera bloquée automatiquement après avoir été signalée par plusieurs personnes. (\(min(status.flagCount, threshold))/\(threshold))")
            if status.isBlocked(threshold: threshold) { Output.line("L'image \(imageID) est maintenant bloquée.") }
        } catch {
            throw CLIError(error.message)
        }
    }
}

struct UnflagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unflag",
        abstract: "Retire votre signalement d'une image, tant qu'elle n'est pas bloquée."
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var userOptions: UserOptions

    @Argument(help: ArgumentHelp("Numéro de l'image.", valueName: "IMAGE-ID"))
    var imageID: Int64

    func run() throws {
        let user = try userOptions.resolved()
        let store = try storeOptions.open()
        let threshold = try configOptions.flagThreshold()
        do {
            let status = try store.unflag(imageID: imageID, user: user, threshold: threshold)
            Output.line("Signalement retiré. (\(status.flagCount)/\(threshold))")
        } catch {
            throw CLIError(error.message)
        }
    }
}

struct FlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "Liste les images signalées, avec qui les a signalées et si elles sont bloquées."
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var configOptions: ConfigOptions

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() throws {
        let store = try storeOptions.open()
        let threshold = try configOptions.flagThreshold()
        do {
            let images = try store.flaggedImages()
            if json {
                try Output.json(images.map { FlagJSON(status: $0, threshold: threshold) })
            } else if images.isEmpty {
                Output.line("Aucune image signalée.")
            } else {
                for image in images {
                    let state = image.isBlocked(threshold: threshold) ? "bloquée" : "\(image.flagCount)/\(threshold)"
                    Output.line("\(image.id)  \(state)  \(image.url)  (\(image.flaggers.joined(separator: ", ")))")
                }
            }
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }
}

struct FlagJSON: Encodable {
    var status: ImageStatus
    var threshold: Int

    enum Key: String, CodingKey { case id, url, flags, flaggers, blocked }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(status.id, forKey: .id)
        try c.encode(status.url, forKey: .url)
        try c.encode(status.flagCount, forKey: .flags)
        try c.encode(status.flaggers, forKey: .flaggers)
        try c.encode(status.isBlocked(threshold: threshold), forKey: .blocked)
    }
}
