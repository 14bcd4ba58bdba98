import Foundation

/// The bytes the plain reader sees: a whole buffer, or a window on a file
/// that slides forward, keeping what the reader has not finished with.
final class ByteWindow {
    private(set) var bytes: UnsafeBufferPointer<UInt8>
    private(set) var end: Int
    /// No byte comes after `end`.
    private(set) var atEnd: Bool
    private let descriptor: Int32?
    private var storage: UnsafeMutableBufferPointer<UInt8>?
    /// Given every byte read from the file, in order.
    private let fingerprint: StreamedFingerprint?

    private static let initialCapacity = 1 << 20
    /// A single text, tag or comment larger than this is left to libxml2
    /// (which refuses texts above 10 MB anyway).
    private static let maximumCapacity = 24 << 20

    struct Failure: Error {}

    init(buffer: UnsafeBufferPointer<UInt8>) {
        bytes = buffer
        end = buffer.count
        atEnd = true
        descriptor = nil
        fingerprint = nil
    }

    init(fileDescriptor: Int32, fingerprint: StreamedFingerprint? = nil) {
        descriptor = fileDescriptor
        self.fingerprint = fingerprint
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.initialCapacity)
        self.storage = storage
        bytes = UnsafeBufferPointer(storage)
        end = 0
        atEnd = false
    }

    deinit { storage?.deallocate() }

    /// Moves the bytes from `keepingFrom` to the window's start and reads
    /// as many more as fit after them; returns where the kept bytes now
    /// start (0; a buffer, read whole from the start, does not move).
    @discardableResult
    func fill(keepingFrom start: Int) throws -> Int {
        guard let descriptor, var storage else { return start }
        let kept = end - start
        if kept > 0 && start > 0 {
            memmove(storage.baseAddress!, storage.baseAddress! + start, kept)   // the two may overlap
        }
        if kept >= storage.count / 2 {
            // One construct fills half the window: make it larger.
            guard storage.count < Self.maximumCapacity else { throw Failure() }
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count * 2)
            UnsafeMutableRawPointer(larger.baseAddress!).copyMemory(from: storage.baseAddress!, byteCount: kept)
            storage.deallocate()
            storage = larger
            self.storage = larger
        }
        end = kept
        repeat {
            let count = read(descriptor, storage.baseAddress! + end, storage.count - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure()
            }
            if count == 0 {
                atEnd = true
                break
            }
            fingerprint?.add(UnsafeRawBufferPointer(start: storage.baseAddress! + end, count: count))
            end += count
        } while end < storage.count
        bytes = UnsafeBufferPointer(storage)
        return 0
    }
}
