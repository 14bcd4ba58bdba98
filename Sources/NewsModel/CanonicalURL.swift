import Foundation

/// Canonical form of an article URL, so that the same page reached through
/// "HTTP://Example.org/a?utm_source=x#top" and "http://example.org/a" is
/// recognised as one article.
public enum CanonicalURL {
    /// Tracking parameters that never change what a page shows.
    private static let trackingPrefixes = ["utm_", "xtor", "fbclid", "gclid", "at_medium", "at_campaign"]

    public static func canonical(_ string: String) -> String? {
        guard var parts = URLComponents(string: string.trimmingCharacters(in: .whitespaces)),
              let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parts.host, !host.isEmpty else { return nil }
        parts.scheme = scheme
        parts.host = host.lowercased()
        parts.fragment = nil
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) {
            parts.port = nil
        }
        let kept = (parts.queryItems ?? []).filter { item in
            !trackingPrefixes.contains { item.name.lowercased().hasPrefix($0) }
        }
        parts.queryItems = kept.isEmpty ? nil : kept
        if parts.path.isEmpty { parts.path = "/" }
        return parts.string
    }

    /// True for an absolute http(s) address that Foundation would hand back
    /// exactly as written, so feeds' links skip URL and URLComponents: a
    /// lowercase scheme, a lowercase host of letters, digits, dots and
    /// dashes with an optional port, then only characters that URLs allow
    /// unescaped, no percent sign, and no "." or ".." segment.
    static func isPlainAbsolute(_ reference: String) -> Bool {
        var bytes = reference.utf8[...]
        if bytes.starts(with: "https://".utf8) {
            bytes = bytes.dropFirst(8)
        } else if bytes.starts(with: "http://".utf8) {
            bytes = bytes.dropFirst(7)
        } else {
            return false
        }
        var hostLength = 0
        var inPort = false
        var portLength = 0
        while let byte = bytes.first, byte != UInt8(ascii: "/"), byte != UInt8(ascii: "?") {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if inPort { return false }
                hostLength += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inPort { portLength += 1 } else { hostLength += 1 }
            case UInt8(ascii: ":"):
                if inPort { return false }
                inPort = true
            default:
                return false
            }
            bytes = bytes.dropFirst()
        }
        guard hostLength > 0, !inPort || portLength > 0,
              bytes.first != UInt8(ascii: "?") else { return false }   // "http://a?x" has no path
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"),
                 UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: "&"), UInt8(ascii: "."),
                 UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"):
                continue
            default:
                return false
            }
        }
        // Dot segments are for Foundation to resolve.
        let path = bytes.split(separator: UInt8(ascii: "?"), maxSplits: 1, omittingEmptySubsequences: false)[0]
        for segment in path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        where segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) {
            return false
        }
        return true
    }

    /// Resolves a possibly relative reference against a base, keeping only
    /// absolute http and https addresses with a server, scheme in lowercase.
    public static func resolve(_ reference: String, against base: String?) -> String? {
        let trimmed = TextSanitizer.trimmingWhitespace(reference)
        guard !trimmed.isEmpty else { return nil }
        if isPlainAbsolute(trimmed) { return trimmed }
        let baseURL = base.flatMap { URL(string: $0) }
        guard let url = URL(string: trimmed, relativeTo: baseURL)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty,
              var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return nil   // "http:foo" has a scheme but no server
        }
        components.scheme = scheme
        return components.string
    }
}
