import Foundation
import HTTPFetch
import NewsModel

/// One HTTP GET through libcurl (see HTTPFetch.h), no redirect followed:
/// `FeedFetcher` follows them itself, to know whether they were permanent.
struct HTTPGet {
    enum Failure: Error, Equatable {
        case noLibrary
        case tooLarge
        /// libcurl's code and its words.
        case transfer(code: Int32, message: String)
    }

    let status: Int
    let body: [UInt8]
    /// Header lines of the answer, names as they came.
    let headers: [(name: String, value: String)]
    /// Where a redirect points, made absolute.
    let redirect: String?

    /// The largest body taken, 512 MB unless KIOSQUE_FETCH_MAX_MB says
    /// otherwise (for tests and small machines): a feed or a page is
    /// megabytes; a hostile server's endless answer must not fill the memory.
    static var maxBody: Int {
        let megabytes = ProcessInfo.processInfo.environment["KIOSQUE_FETCH_MAX_MB"].flatMap(Int.init) ?? 512
        return max(1, min(megabytes, 1 << 20)) << 20
    }

    static func run(_ url: String, headers: [String], timeout: Int) -> Result<HTTPGet, Failure> {
        var answer = kiosque_http_answer()
        let lines = headers.map { strdup($0) }
        defer { lines.forEach { free($0) } }
        lines.map { UnsafePointer($0) }.withUnsafeBufferPointer { pointers in
            kiosque_http_get(url, pointers.baseAddress, Int32(pointers.count), timeout, maxBody, &answer)
        }
        defer { kiosque_http_answer_free(&answer) }
        switch answer.failure {
        case 0:
            break
        case KIOSQUE_HTTP_NO_LIBRARY:
            return .failure(.noLibrary)
        case KIOSQUE_HTTP_TOO_LARGE:
            return .failure(.tooLarge)
        default:
            // curl's words can quote the address, which a server chose
            // when it redirected here: cleaned like any outside text.
            let message = withUnsafeBytes(of: answer.message) { bytes in
                TextSanitizer.cleanLine(String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self))
            }
            return .failure(.transfer(code: answer.failure, message: message))
        }
        let body = answer.body.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: answer.body_length)) } ?? []
        let head = answer.headers.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: answer.headers_length),
                                               as: UTF8.self) } ?? ""
        return .success(HTTPGet(status: answer.status, body: body, headers: Self.headerLines(head),
                                redirect: answer.redirect.map { String(cString: $0) }))
    }

    /// "Name: value" lines; the status line and anything else without a
    /// colon is left out.
    static func headerLines(_ head: String) -> [(name: String, value: String)] {
        head.split(whereSeparator: \.isNewline).compactMap { (line: Substring) -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                    String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
    }

    /// The value of the last header of that name (names ignore case).
    func value(of name: String) -> String? {
        headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
