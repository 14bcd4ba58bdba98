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

    /// Resolves a possibly relative reference against a base, keeping only
    /// absolute http and https addresses with a server, scheme in lowercase.
    public static func resolve(_ reference: String, against base: String?) -> String? {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
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
