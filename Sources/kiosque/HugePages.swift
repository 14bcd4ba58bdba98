import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A large import runs with glibc's malloc asking the kernel for
/// transparent huge pages (2 MiB instead of 4 KiB).
///
/// Such an import reads tens of megabytes of memory at random: the search
/// index keeps one entry per distinct term, each allocated on its own, and
/// adds every word of every article to its term's entry. With 4 KiB pages
/// most of those reads also miss the processor's table of pages. Measured
/// on this project's machine, interleaved runs of a feed of 100,000 items
/// written with 30,000 different words: 2.90 → 2.66 s and 3.40 → 3.24 s
/// in two series, no difference in a third, all while the machine's speed
/// swung by a third; a feed of a few hundred words, the same time either
/// way. Peak memory grows by 3 to 8 MB.
///
/// The same start also keeps freed memory in the process rather than giving
/// it back to the kernel at once: the free memory at the end of malloc's
/// heaps was handed back as soon as it passed 128 KiB, and touched again
/// soon after (the next batch of articles, the search index's next
/// buffers), each page then zeroed by the kernel anew (3 % of a large
/// import in `clear_page_erms`). Kept, a feed of 100,000 items takes half
/// the page faults (12,000 → 5,700); interleaved runs of two such feeds:
/// 2.08 → 2.02 s and 2.25 → 2.02 s, peak memory 3 to 15 MB lower (freed
/// memory is reused rather than new memory taken beside it).
///
/// glibc takes these settings only from `GLIBC_TUNABLES`, read when a program
/// starts, so the import starts itself again once with it (a few
/// milliseconds) when its files are large enough to gain from it.
/// `KIOSQUE_HUGE_PAGES=0` keeps the pages as they are.
enum HugePages {
    static let tunable = "glibc.malloc.hugetlb=1"
    /// 256 MiB: no block an import allocates is mapped apart, and no freed
    /// memory is given back while the import runs.
    static let keptMemory = ["glibc.malloc.mmap_threshold=268435456", "glibc.malloc.trim_threshold=268435456"]
    /// Set in the environment of the import started again (or by someone
    /// who wants none): it is never started a third time.
    static let marker = "KIOSQUE_HUGE_PAGES"
    /// Below this much input, starting again costs more than it saves.
    static let worthFromBytes = 32 << 20

    /// The `GLIBC_TUNABLES` to start again with, or nil to go on as is.
    static func tunables(inputBytes: Int, environment: [String: String]) -> String? {
        guard environment[marker] == nil, inputBytes >= worthFromBytes else { return nil }
        let ours = ([tunable] + keptMemory).joined(separator: ":")
        guard let given = environment["GLIBC_TUNABLES"], !given.isEmpty else { return ours }
        // Someone who chose malloc's pages keeps their choice, and this
        // program's other settings go with it.
        if given.contains("glibc.malloc.hugetlb") { return nil }
        // A threshold they chose stays theirs.
        let added = [tunable] + keptMemory.filter { !given.contains($0.prefix { $0 != "=" }) }
        return ([given] + added).joined(separator: ":")
    }

    /// Starts this program again with the same arguments and huge pages
    /// when worth it; returns only when it does not (or cannot).
    static func restartWithThemIfWorthIt(files: [String]) {
        let environment = ProcessInfo.processInfo.environment
        guard environment[marker] == nil else { return }
        let bytes = files.reduce(0) { total, path in
            var status = stat()
            return total + (stat(path, &status) == 0 ? Int(status.st_size) : 0)
        }
        guard let tunables = tunables(inputBytes: bytes, environment: environment) else { return }
        setenv("GLIBC_TUNABLES", tunables, 1)
        setenv(marker, "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Not started again (no /proc?): the import goes on here, as it was.
        if let given = environment["GLIBC_TUNABLES"] { setenv("GLIBC_TUNABLES", given, 1) } else { unsetenv("GLIBC_TUNABLES") }
        unsetenv(marker)
    }
}
