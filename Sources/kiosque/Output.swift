import Foundation
import NewsModel

/// Everything printed goes through here, and through the sanitizer once more:
/// the model is already clean, but text reaching a terminal is checked at the
/// last step too, so no path can forget it.
enum Output {
    static func line(_ text: String) {
        print(TextSanitizer.clean(text))
    }

    /// A message on standard error that is not a failure (the exit
    /// status says which).
    static func note(_ text: String) {
        error(text)
    }

    static func error(_ text: String) {
        let clean = TextSanitizer.cleanLine(text)
        FileHandle.standardError.write(Data(("kiosque : " + clean + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        // JSON escapes C0 controls but leaves C1 controls and bidi overrides
        // raw; the model holds none, and they are escaped here all the same.
        print(escapeUnsafe(String(decoding: data, as: UTF8.self)))
    }

    /// Writes every character the sanitizer would remove as a JSON \u escape.
    static func escapeUnsafe(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F, TextSanitizer.isUnsafe(scalar) {
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Columns of the terminal on standard output, or nil when it is not one.
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
