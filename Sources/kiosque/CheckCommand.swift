import ArgumentParser
import NewsStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Vérifie que la base est intacte (après une panne, un arrêt brutal…)."
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        do {
            let problems = try store.integrityProblems()
            guard problems.isEmpty else {
                for problem in problems { Output.error("\(store.path) : \(problem)") }
                throw ExitCode(1)
            }
            Output.line("Base intacte : \(French.count(try store.articleCount(), "article", "articles")), "
                        + "\(French.count(try store.teaserCount(), "titre du bandeau", "titres du bandeau")).")
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }
}
