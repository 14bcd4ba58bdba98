import Foundation
import ReaderUI

/// Opens a web link in `$BROWSER` (else xdg-open) as an argument vector:
/// no shell ever sees the URL. Only http and https are opened.
enum URLOpener {
    /// The argument vector, or nil when the URL is not a web link.
    static func command(for url: String, environment: [String: String]) -> [String]? {
        guard SafeURL.isOpenable(url) else { return nil }
        let browser = environment["BROWSER"].flatMap { $0.isEmpty ? nil : $0 } ?? "xdg-open"
        // $BROWSER may hold a command with options ("firefox --new-window");
        // it is split on spaces, never given to a shell.
        let words = browser.split(separator: " ").map(String.init)
        return words + [url]
    }

    /// Returns a message when the browser could not be started.
    static func open(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let arguments = command(for: url, environment: environment) else {
            return "lien refusé : seuls http et https s'ouvrent"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return nil
        } catch {
            return "navigateur introuvable (\(arguments[0])) : définissez $BROWSER"
        }
    }
}
