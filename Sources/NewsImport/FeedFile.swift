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

    init(path: String, descriptor: Int32, size: Int, head: [UInt8]) {
        self.path = path
        self.descriptor = descriptor
        self.size = size
        self.head = head
    }

    deinit { close(descriptor) }

    /// Size and hash of the whole file, read in 1 MB pieces (a 200 MB feed
    /// takes a tenth of a second once cached): a file imported before and
    /// unchanged since is recognised without being parsed.
    public func fingerprint() throws(ImportError) -> DocumentFingerprint {
        var hasher = ContentHasher()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        var offset = 0
        while true {
            let count = pread(descriptor, buffer.baseAddress, chunk, off_t(offset))
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportError.readFailed()
            }
            if count == 0 { break }
            hasher.add(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            offset += count
        }
        return DocumentFingerprint(size: offset, hash: hasher.value)
    }

    /// Streams the feed's articles to `emit` (see `FeedParser.stream`).
    public func stream(origin: Origin, baseURL: String?, hint: FeedRestart?, isKnown: (UInt64) -> Bool,
                       bodies: FeedBodies, emit: (FeedItem) throws -> Void) throws -> DocumentFormat {
        try Self.rewind(descriptor)
        let descriptor = descriptor, head = head
        return try FeedParser.stream(
            plain: { () throws(PlainFeedReader.Declined) in try PlainFeedReader(fileDescriptor: descriptor) },
            libxml2: { () throws(ImportError) in
                try Self.rewind(descriptor)   // from the start again, after whatever the plain reader read
                return try FeedReader(fileDescriptor: descriptor, head: head)
            },
            origin: origin, baseURL: baseURL, hint: hint, isKnown: isKnown, bodies: bodies, emit: emit)
    }

    private static func rewind(_ descriptor: Int32) throws(ImportError) {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw ImportError.readFailed() }
    }
}
