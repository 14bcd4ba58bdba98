import Foundation

/// One HTTP fetch of a feed, done politely: conditional (ETag and
/// Last-Modified, so an unchanged feed costs a 304), with a timeout, a
/// clear User-Agent, gzip, and redirects followed while noting whether they
/// were permanent.
public enum FeedFetcher {
    public static let userAgent = "kiosque/0.1 (lecteur de presse francophone; +https://example.invalid/kiosque)"

    public enum Outcome: Sendable {
        case notModified
        case fetched(body: [UInt8], etag: String?, lastModified: String?, finalURL: String, movedTo: String?)
        case failed(String)
    }

    /// What a feed fetch asks for; a page fetch asks for HTML first.
    public static let acceptFeed = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
    public static let acceptPage = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

    /// Redirects followed at most, one after the other.
    static let maxRedirects = 10

    public static func fetch(_ url: String, etag: String?, lastModified: String?, timeout: TimeInterval = 20,
                             accept: String = acceptFeed) -> Outcome {
        guard var address = webAddress(url) else {
            return .failed("adresse non prise en charge (http ou https seulement)")
        }
        var headers = ["User-Agent: " + userAgent, "Accept: " + accept]
        // Values the store kept from an earlier answer: one line each, whatever they hold.
        if let etag { headers.append("If-None-Match: " + oneLine(etag)) }
        if let lastModified { headers.append("If-Modified-Since: " + oneLine(lastModified)) }
        let seconds = max(1, Int(timeout.rounded(.up)))

        // The first permanent redirect's target, while no temporary hop
        // says the address should stay.
        var permanentTarget: String?
        var temporaryHop = false
        for _ in 0...maxRedirects {
            let answer: HTTPGet
            switch HTTPGet.run(address, headers: headers, timeout: seconds) {
            case .success(let got): answer = got
            case .failure(let failure): return .failed(describe(failure))
            }
            if (300...399).contains(answer.status), answer.status != 304, let next = answer.redirect {
                guard let target = webAddress(next) else {
                    return .failed("redirection vers une adresse qui n'est pas du web")
                }
                if answer.status == 301 || answer.status == 308 {
                    if permanentTarget == nil { permanentTarget = target }
                } else {
                    temporaryHop = true
                }
                address = target
                continue
            }
            switch answer.status {
            case 304:
                return .notModified
            case 200...299:
                let body = CharsetFromHeader.normalise(answer.body, contentType: answer.value(of: "Content-Type"))
                return .fetched(body: body, etag: answer.value(of: "ETag"),
                                lastModified: answer.value(of: "Last-Modified"),
                                finalURL: address, movedTo: temporaryHop ? nil : permanentTarget)
            default:
                return .failed("HTTP \(answer.status) (\(statusText(answer.status)))")
            }
        }
        return .failed("trop de redirections")
    }

    /// The address as sent (Foundation's form: a space or an accent
    /// percent-encoded), when it is http or https.
    private static func webAddress(_ url: String) -> String? {
        guard let address = URL(string: url), let scheme = address.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else { return nil }
        return address.absoluteString
    }

    private static func oneLine(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
    }

    /// What an HTTP error status means, in French.
    static func statusText(_ code: Int) -> String {
        switch code {
        case 400: return "requête refusée"
        case 401: return "authentification requise"
        case 403: return "accès interdit"
        case 404: return "introuvable"
        case 410: return "supprimé"
        case 429: return "trop de requêtes, réessayez plus tard"
        case 500: return "erreur du serveur"
        case 502, 504: return "passerelle en échec"
        case 503: return "service indisponible"
        default: return code >= 500 ? "erreur du serveur" : "réponse inattendue"
        }
    }

    /// libcurl's failures in French; its error codes are stable (curl.h).
    static func describe(_ failure: HTTPGet.Failure) -> String {
        switch failure {
        case .noLibrary:
            return "libcurl introuvable : installez-la (apt-get install libcurl4) pour aller chercher les flux"
        case .tooLarge:
            return "réponse trop grande (plus de \(HTTPGet.maxBody >> 20) Mo)"
        case .transfer(let code, let message):
            switch code {
            case 28: return "délai dépassé"
            case 5, 6: return "serveur introuvable (DNS)"
            case 7: return "connexion refusée"
            case 18, 52, 55, 56: return "connexion perdue"
            case 60: return "certificat du serveur refusé : \(message)"
            default: return "échec réseau : \(message)"
            }
        }
    }
}

/// The charset of the Content-Type header applies when the document does not
/// declare its own: a Latin-1 or Windows-1252 body is turned into UTF-8.
enum CharsetFromHeader {
    static func normalise(_ body: [UInt8], contentType: String?) -> [UInt8] {
        guard let contentType, let range = contentType.lowercased().range(of: "charset=") else { return body }
        let charset = contentType.lowercased()[range.upperBound...]
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"' ;"))
        guard DeclaredEncoding.meansWindows1252(charset), !DeclaredEncoding.declaresEncoding(body) else {
            return body   // UTF-8 by the header, or the document says what it is
        }
        return Array(TextDecoding.decodeWindows1252(body).utf8)
    }
}
