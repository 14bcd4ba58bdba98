import ArgumentParser

struct Kiosque: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosque",
        abstract: "Lecteur de presse francophone pour le terminal.",
        version: "0.1.0",
        subcommands: [ReaderCommand.self, ImportCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self, CheckCommand.self,
                      FlagCommand.self, UnflagCommand.self, FlagsCommand.self,
                      AddCommand.self, RemoveCommand.self, FeedsCommand.self, FetchCommand.self, ExportCommand.self, ExtractCommand.self],
        defaultSubcommand: ReaderCommand.self
    )
}
