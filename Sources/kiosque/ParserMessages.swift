import Foundation

/// swift-argument-parser speaks English; its usual complaints are said
/// again in French. Anything not recognised is passed on as it is.
enum ParserMessages {
    private static let patterns: [(String, String)] = [
        (#"^(?:Error: )?Unknown option '([^']*)'.*$"#, "option inconnue « $1 »"),
        (#"^(?:Error: )?Unexpected argument '([^']*)'.*$"#, "argument inattendu « $1 »"),
        (#"^(?:Error: )?Missing expected argument '([^']*)'.*$"#, "argument manquant : $1"),
        (#"^(?:Error: )?Missing value for '([^']*)'.*$"#, "valeur manquante pour $1"),
        (#"^(?:Error: )?The value '([^']*)' is invalid for '([^']*)'.*$"#, "valeur « $1 » invalide pour $2"),
        (#"^(?:Error: )?(.*)$"#, "$1"),
    ]

    static func french(_ message: String) -> String {
        for (pattern, template) in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(message.startIndex..., in: message)
            if regex.firstMatch(in: message, range: range) != nil {
                return regex.stringByReplacingMatches(in: message, range: range, withTemplate: template)
            }
        }
        return message
    }
}
