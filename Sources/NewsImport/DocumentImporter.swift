import Foundation
import NewsModel

/// Reads one file and turns it into articles and teasers, choosing the
/// parser from the content. Nothing is stored here: a file is parsed whole
/// before the store sees any of it, so a bad file leaves no trace.
public enum DocumentImporter {
    /// Files larger than this are refused rather than read into memory.
    public static let maximumFileSize = 64 * 1024 * 1024
    /// Feeds are streamed from the file (`FeedFile`), so they may be much
    /// larger; past this, a file is refused all the same.
    public static let maximumFeedSize = 1024 * 1024 * 1024

    /// A file ready to import: a feed to stream, or any other document
    /// already parsed whole.
    public enum Opened {
        case feed(FeedFile)
        case parsed(ImportResult)
    }

    /// Opens a file for import, choosing from its first bytes: feeds are
    /// streamed (up to `maximumFeedSize`), other documents read whole (up
    /// to `maximumFileSize`).
    public static func open(atPath path: String) throws(ImportError) -> Opened {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError("fichier introuvable")
        }
        if isDirectory.boolValue { throw ImportError("c'est un dossier") }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ImportError("lecture impossible (droits insuffisants ?)") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw ImportError.readFailed()
        }
        let size = Int(status.st_size)
        if size > maximumFeedSize {
            close(descriptor)
            throw tooLargeFeed
        }
        var head = [UInt8](repeating: 0, count: min(size, 4096))
        let read = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        head.removeLast(head.count - max(0, read))
        if !head.isEmpty, [.feed, .xmlOther].contains(DocumentSniffer.guess(head)) {
            // A feed that declares no encoding and is not UTF-8 is read whole,
            // as Windows-1252 (see `DeclaredEncoding`); the rest is streamed.
            if size > maximumFileSize || DeclaredEncoding.declaresEncoding(head) || isUTF8(descriptor: descriptor, size: size) {
                return .feed(FeedFile(path: path, descriptor: descriptor, size: size, head: head))
            }
        }
        close(descriptor)
        return .parsed(try importFile(atPath: path))
    }

    /// Whether a file's bytes (at most `maximumFileSize` of them) are all valid UTF-8.
    private static func isUTF8(descriptor: Int32, size: Int) -> Bool {
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, size, 0) }
        guard read == size else { return true }   // let the streaming reader report the problem
        return UTF8Census(bytes).invalid == 0
    }

    public static func importFile(atPath path: String) throws(ImportError) -> ImportResult {
        let bytes = try readFile(atPath: path)
        return try parse(bytes, origin: Origin(kind: .file, location: path), baseURL: nil)
    }

    /// `bodies`: how a feed's item bodies come out (see `FeedBodies`).
    public static func parse(_ bytes: [UInt8], origin: Origin, baseURL: String?,
                             bodies: FeedBodies = .blocks) throws(ImportError) -> ImportResult {
        if bytes.isEmpty { throw ImportError("fichier vide") }
        switch DocumentSniffer.guess(bytes) {
        case .feed, .xmlOther:
            return try FeedParser.parse(DeclaredEncoding.undeclaredWindows1252AsUTF8(bytes), origin: origin,
                                        baseURL: baseURL, bodies: bodies)
        case .opml:
            return try OPMLParser.parse(bytes)
        case .html:
            let page = try ArticleExtractor.extract(bytes, url: baseURL)
            return ImportResult(format: .html, articles: [page.article(origin: origin)])
        case .text:
            let text = try TextDecoding.decode(bytes)
            if let subscriptions = NewsboatURLs.parse(text) {
                return ImportResult(format: .urls, articles: [], subscriptions: subscriptions)
            }
            guard ScrapedPageParser.recognises(text) else {
                if ScrapedPageParser.hasPageFurniture(text) {
                    throw ImportError("page extraite sans ligne « Publié dans SOURCE le JJ - MM - AAAA »")
                }
                throw ImportError("format non reconnu : ni page extraite, ni RSS, ni Atom")
            }
            return try ScrapedPageParser.parse(text, origin: origin)
        }
    }

    static let tooLargeFeed = ImportError("fichier trop volumineux (plus de \(maximumFeedSize / 1024 / 1024) Mo) : découpez-le ou importez le flux par morceaux")
    static let tooLarge = ImportError("fichier trop volumineux (plus de \(maximumFileSize / 1024 / 1024) Mo) : découpez-le ou importez le flux par morceaux")

    public static func readFile(atPath path: String) throws(ImportError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError("fichier introuvable")
        }
        if isDirectory.boolValue { throw ImportError("c'est un dossier") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maximumFileSize { throw tooLarge }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError("lecture impossible (droits insuffisants ?)")
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit to know whether the file is larger,
            // without ever holding more than the limit in memory.
            let data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
            if data.count > maximumFileSize { throw tooLarge }   // it grew while we read
            return [UInt8](data)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError("lecture impossible : \(error.localizedDescription)")
        }
    }
}
