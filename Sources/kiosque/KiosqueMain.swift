import ArgumentParser
import Foundation
import NewsModel

/// Runs the command line so that every error is one line on stderr with a
/// non-zero exit, never a stack trace.
enum KiosqueMain {
    static func run() {
        do {
            var command = try Kiosque.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)     // the command already said what went wrong
        } catch let error as CLIError {
            Output.error(error.message)
            exit(error.exitCode)
        } catch {
            if Kiosque.exitCode(for: error) == .success {
                Kiosque.exit(withError: error)  // --help and --version print and exit 0
            }
            let detail = Kiosque.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "\(error)"
            Output.error("\(ParserMessages.french(detail)) (voir « kiosque --help »)")
            exit(Kiosque.exitCode(for: error).rawValue)
        }
    }
}

/// A failure the user can act on, already phrased for them.
struct CLIError: Error {
    var message: String
    var exitCode: Int32 = 1

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}
