import Foundation
import NewsModel

/// A feed file opened for a streaming import: read from its descriptor a
/// few kilobytes at a time, never copied whole into memory, so the size
/// limit for feeds is far above the one for other documents. One import
/// reads it at a time (on its parsing thread), hence unchecked Sendable.
public final class FeedFile: @unchecked Sendable {
    public let path: String
    public let size: Int
    private let descriptor: Int32
    /// The first bytes, for the encoding declaration.
    private let head: [UInt8]
    /// Worked out once: by `fingerprint()`, or by `stream` as the plain
    /// reader read the file.
    private var fingerprinted: DocumentFingerprint?

    init(path: String, descriptor: Int32, size: Int, head: [UInt8]) {
        self.path = path
        self.descriptor = descriptor
        self.size = size
        self.head = head
    }

    deinit { close(descriptor) }

    /// Size and hash of the whole file, read in 1 MB pieces (a 200 MB feed
    /// takes a twentieth of a second once cached): a file imported before
    /// and unchanged since is recognised without being parsed. After a
    /// `stream`, usually known already.
    public func fingerprint() throws(ImportError) -> DocumentFingerprint {
        if let fingerprinted { return fingerprinted }
        let fingerprint = try StreamedFingerprint().finish(reading: descriptor)
        fingerprinted = fingerprint
        return fingerprint
    }

    /// Streams the feed's articles to `emit` (see `FeedParser.stream`).
    public func stream(origin: Origin, baseURL: String?, hint: FeedRestart?, isKnown: (UInt64) -> Bool,
                       bodies: FeedBodies, emit: (FeedItem) throws -> Void) throws -> DocumentFormat {
        try Self.rewind(descriptor)
        let descriptor = descriptor, head = head
        let streamed = fingerprinted == nil ? StreamedFingerprint() : nil
        let format = try FeedParser.stream(
            plain: { () throws(PlainFeedReader.Declined) in
                try PlainFeedReader(fileDescriptor: descriptor, fingerprint: streamed)
            },
            libxml2: { () throws(ImportError) in
                try Self.rewind(descriptor)   // from the start again, after whatever the plain reader read
                return try FeedReader(fileDescriptor: descriptor, head: head)
            },
            origin: origin, baseURL: baseURL, hint: hint, isKnown: isKnown, bodies: bodies, emit: emit)
        // The plain reader's bytes are the file's first ones, read in
        // order: when they end where the file was read to, the rest is read
        // here and the file is not read again for its fingerprint. (After
        // libxml2 read it from the start again, they seldom do, and the
        // whole file is read again if asked.)
        if let streamed, lseek(descriptor, 0, SEEK_CUR) == off_t(streamed.offset) {
            fingerprinted = try streamed.finish(reading: descriptor)
        }
        return format
    }

    private static func rewind(_ descriptor: Int32) throws(ImportError) {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw ImportError.readFailed() }
    }
}
