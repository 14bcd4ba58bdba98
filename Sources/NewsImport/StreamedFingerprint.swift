import Foundation
import NewsModel

/// A file's fingerprint worked out from the bytes a reader reads, as it
/// reads them: the same value as `FeedFile.fingerprint()`, which reads the
/// whole file again (a feed of 200 MB: a twentieth of a second, at the end
/// of its import, and the bytes copied from the page cache twice).
///
/// `ContentHasher` mixes eight bytes at a time and mixes the bytes left
/// over at the end of each piece it is given: `fingerprint()` gives it
/// pieces of 1 MB, so only the last piece has such bytes. Here the bytes
/// left over from each read wait for the next, so the pieces line up the
/// same way whatever the reads.
final class StreamedFingerprint {
    private var hasher = ContentHasher()
    /// Fewer than eight bytes, waiting for the next read.
    private var leftOver: [UInt8] = []
    /// How many bytes from the file's start were given.
    private(set) var offset = 0

    /// The next bytes of the file, in order from its start.
    func add(_ bytes: UnsafeRawBufferPointer) {
        offset += bytes.count
        var rest = bytes[...]
        if !leftOver.isEmpty {
            let taken = min(8 - leftOver.count, rest.count)
            leftOver.append(contentsOf: rest.prefix(taken))
            rest = rest.dropFirst(taken)
            guard leftOver.count == 8 else { return }
            leftOver.withUnsafeBytes { hasher.add($0) }
            leftOver.removeAll(keepingCapacity: true)
        }
        let whole = rest.count - rest.count % 8
        hasher.add(UnsafeRawBufferPointer(rebasing: rest.prefix(whole)))
        leftOver.append(contentsOf: rest.dropFirst(whole))
    }

    /// Reads what the reader left of the file (past `offset`), then gives
    /// the fingerprint of the whole.
    func finish(reading descriptor: Int32) throws(ImportError) -> DocumentFingerprint {
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = pread(descriptor, buffer.baseAddress, chunk, off_t(offset))
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportError.readFailed()
            }
            if count == 0 { break }
            add(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        leftOver.withUnsafeBytes { hasher.add($0) }
        leftOver.removeAll()
        return DocumentFingerprint(size: offset, hash: hasher.value)
    }
}
