import ArgumentParser
import Foundation
import NewsModel
import NewsStore
import ReaderUI

/// What `flag` and `unflag` share: the store, the threshold, the person
/// and the image.
struct ImageFlagArguments: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var userOptions: UserOptions

    @Argument(help: ArgumentHelp("Numéro de l'image (voir « kiosque show ID --json »).", valueName: "IMAGE-ID"))
    var imageID: Int64

    /// Runs `body` with the open store, the person and the threshold,
    /// turning store errors into one line.
    func withStore(_ body: (NewsStore, String, Int) throws(StoreError) -> Void) throws {
        let user = try userOptions.resolved()
        let store = try storeOptions.open()
        let threshold = try configOptions.flagThreshold()
        do {
            try body(store, user, threshold)
        } catch {
            throw CLIError(error.message)
        }
    }
}

struct FlagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag",
        abstract: "Signale une image. Elle est bloquée pour tous après plusieurs signalements."
    )

    @OptionGroup var arguments: ImageFlagArguments

    func run() throws {
        let imageID = arguments.imageID
        try arguments.withStore { store, user, threshold throws(StoreError) in
            let before = try store.image(id: imageID)
            let status = try store.flag(imageID: imageID, user: user, threshold: threshold)
            let count = min(status.flagCount, threshold)
            if before?.isFlagged(by: user) == true {
                Output.line("\(user) a déjà signalé cette image ; un signalement compte une fois. (\(count)/\(threshold))")
                return
            }
            Output.line(Strings(.fr).flagThanks(count: count, threshold: threshold))
            if status.isBlocked(threshold: threshold) { Output.line("L'image \(imageID) est maintenant bloquée.") }
        }
    }
}

struct UnflagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unflag",
        abstract: "Retire votre signalement d'une image, tant qu'elle n'est pas bloquée."
    )

    @OptionGroup var arguments: ImageFlagArguments

    func run() throws {
        let imageID = arguments.imageID
        try arguments.withStore { store, user, threshold throws(StoreError) in
            let status = try store.unflag(imageID: imageID, user: user, threshold: threshold)
            Output.line(Strings(.fr).flagWithdrawn(count: status.flagCount, threshold: threshold))
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
