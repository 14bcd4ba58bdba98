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
        var reference = reference
        return reference.withUTF8 { bytes in   // indices into raw bytes: every link and image goes through here
            let n = bytes.count
            var i: Int
            if n >= 8, bytes[0] == 0x68, bytes[1] == 0x74, bytes[2] == 0x74, bytes[3] == 0x70, bytes[4] == 0x73,
               bytes[5] == 0x3A, bytes[6] == 0x2F, bytes[7] == 0x2F {
                i = 8                                                        // https://
            } else if n >= 7, bytes[0] == 0x68, bytes[1] == 0x74, bytes[2] == 0x74, bytes[3] == 0x70,
                      bytes[4] == 0x3A, bytes[5] == 0x2F, bytes[6] == 0x2F {
                i = 7                                                        // http://
            } else {
                return false
            }
            var hostLength = 0
            var inPort = false
            var portLength = 0
            while i < n, bytes[i] != UInt8(ascii: "/"), bytes[i] != UInt8(ascii: "?") {
                switch bytes[i] {
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
                i += 1
            }
            guard hostLength > 0, !inPort || portLength > 0,
                  i == n || bytes[i] != UInt8(ascii: "?") else { return false }   // "http://a?x" has no path
            // The rest: allowed bytes only, and no "." or ".." path segment
            // (Foundation resolves those).
            var inQuery = false
            var segmentStart = i + 1   // just after a "/"
            while i < n {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"),
                     UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: "&"), UInt8(ascii: "."),
                     UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"):
                    break
                default:
                    return false
                }
                if !inQuery && (byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?")) {
                    if Self.isDotSegment(bytes, from: segmentStart, to: i) { return false }
                    if byte == UInt8(ascii: "?") { inQuery = true }
                    segmentStart = i + 1
                }
                i += 1
            }
            return inQuery || !Self.isDotSegment(bytes, from: segmentStart, to: n)
        }
    }

    private static func isDotSegment(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let length = end - start
        guard length == 1 || length == 2, start >= 0 else { return false }
        return bytes[start] == UInt8(ascii: ".") && (length == 1 || bytes[start + 1] == UInt8(ascii: "."))
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
