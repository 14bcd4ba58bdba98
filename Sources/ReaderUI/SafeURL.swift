import Foundation

/// Only web links are opened, and only as an argument to a browser: a URL
/// from a feed could otherwise name a local file or a shell trick.
public enum SafeURL {
    public static func isOpenable(_ string: String) -> Bool {
        guard string.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }),
              let url = URL(string: string), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host?.isEmpty == false else { return false }
        return !string.hasPrefix("-")
    }
}
