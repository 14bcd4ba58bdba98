import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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

    public static func fetch(_ url: String, etag: String?, lastModified: String?, timeout: TimeInterval = 20,
                             accept: String = acceptFeed) -> Outcome {
        guard let address = URL(string: url), let scheme = address.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else {
            return .failed("adresse non prise en charge (http ou https seulement)")
        }
        var request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("gzip", forHTTPHeaderField: "Accept-Encoding")
        request.setValue(accept, forHTTPHeaderField: "Accept")
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }

        let watcher = RedirectWatcher()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 3
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration, delegate: watcher, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }

        let done = DispatchSemaphore(value: 0)
        let box = ResponseBox()
        session.dataTask(with: request) { data, response, error in
            box.set(data, response, error)
            done.signal()
        }.resume()
        done.wait()

        let (data, response, error) = box.get()
        if let error { return .failed(describe(error)) }
        guard let http = response as? HTTPURLResponse else { return .failed("réponse qui n'est pas du HTTP") }
        switch http.statusCode {
        case 304:
            return .notModified
        case 200...299:
            var body = [UInt8](data ?? Data())
            body = CharsetFromHeader.normalise(body, contentType: http.value(forHTTPHeaderField: "Content-Type"))
            return .fetched(body: body, etag: http.value(forHTTPHeaderField: "ETag"),
                            lastModified: http.value(forHTTPHeaderField: "Last-Modified"),
                            finalURL: http.url?.absoluteString ?? url, movedTo: watcher.permanentTarget)
        default:
            return .failed("HTTP \(http.statusCode) (\(statusText(http.statusCode)))")
        }
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

    static func describe(_ error: any Error) -> String {
        let code = (error as? URLError)?.code
        switch code {
        case .timedOut?: return "délai dépassé"
        case .cannotFindHost?, .dnsLookupFailed?: return "serveur introuvable (DNS)"
        case .cannotConnectToHost?: return "connexion refusée"
        case .networkConnectionLost?: return "connexion perdue"
        case .notConnectedToInternet?: return "pas de réseau"
        case .httpTooManyRedirects?: return "trop de redirections"
        default: return "échec réseau : \(error.localizedDescription)"
        }
    }
}

/// Notes the target of the first permanent redirect (301, 308): the
/// subscription moves there.
private final class RedirectWatcher: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var target: String?
    private var broken = false

    var permanentTarget: String? { lock.withLock { broken ? nil : target } }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        lock.withLock {
            if response.statusCode == 301 || response.statusCode == 308 {
                if target == nil, !broken { target = request.url?.absoluteString }
            } else {
                broken = true   // a temporary hop in the chain: the address stays
            }
        }
        completionHandler(request)
    }
}

private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Data?, URLResponse?, (any Error)?) = (nil, nil, nil)
    func set(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) { lock.withLock { value = (data, response, error) } }
    func get() -> (Data?, URLResponse?, (any Error)?) { lock.withLock { value } }
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
