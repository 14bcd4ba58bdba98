import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MallocSettings

/// A large import keeps the memory it frees, rather than giving it back to
/// the kernel as soon as 128 KiB lie free at the top of malloc's heap, or,
/// for a block over 128 KiB, as soon as the block is freed.
///
/// The import frees and takes again tens of megabytes over and over (each
/// batch of articles, the search index's buffers). Given back, that memory
/// was each time new pages for the kernel to find and zero; on this
/// project's machine, a virtual machine whose balloon hands freed memory
/// back to the host, a page touched again after a few seconds costs
/// 0.4-0.6 ms a megabyte. Kept, a feed of 100,000 items takes half the
/// page faults (session 14: 12,000 → 5,700).
///
/// Until session 16 the import started itself again with glibc's huge
/// pages as well (`glibc.malloc.hugetlb=1`, which glibc reads only when a
/// program starts). Once the search index's tables were looked up in
/// order and by token, they no longer paid: interleaved runs of two feeds
/// of 100,000 items, 16 pairs, gave the same time or better with the
/// ordinary pages, a fifth less system time (huge pages freed to the host
/// came back at 1.3-2.8 ms a megabyte, against 0.1 when warm), a few
/// megabytes less memory, and no second start.
///
/// `KIOSQUE_KEEP_FREED_MEMORY=0` leaves malloc as it is; so does a
/// `glibc.malloc.trim_threshold` of one's own in `GLIBC_TUNABLES`.
enum FreedMemory {
    /// 256 MiB: no freed memory is given back while the import runs.
    static let keptBytes: Int32 = 256 << 20
    /// 32 MiB, the most glibc takes: no block an import allocates is mapped
    /// apart (and given back when freed).
    static let heapBlocksBelow: Int32 = 32 << 20
    static let switchName = "KIOSQUE_KEEP_FREED_MEMORY"
    /// Below this much input, the import frees too little to matter.
    static let worthFromBytes = 32 << 20

    /// Whether to keep freed memory: a large input, and nobody who said
    /// otherwise.
    static func isWorthIt(inputBytes: Int, environment: [String: String]) -> Bool {
        inputBytes >= worthFromBytes && environment[switchName] != "0"
            && !(environment["GLIBC_TUNABLES"] ?? "").contains("glibc.malloc.trim_threshold")
    }

    /// Keeps freed memory in the process for the rest of its life when the
    /// files to import are large enough to gain from it.
    static func keepIfWorthIt(files: [String]) {
        let bytes = files.reduce(0) { total, path in
            var status = stat()
            return total + (stat(path, &status) == 0 ? Int(status.st_size) : 0)
        }
        guard isWorthIt(inputBytes: bytes, environment: ProcessInfo.processInfo.environment) else { return }
        _ = kiosque_keep_freed_memory(keptBytes, heapBlocksBelow)
    }
}
