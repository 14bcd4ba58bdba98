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
/// glibc takes this setting only from `GLIBC_TUNABLES`, read when a program
/// starts, so the import starts itself again once with it (a few
/// milliseconds) when its files are large enough to gain from it.
/// `KIOSQUE_HUGE_PAGES=0` keeps the pages as they are.
enum HugePages {
    static let tunable = "glibc.malloc.hugetlb=1"
    /// Set in the environment of the import started again (or by someone
    /// who wants none): it is never started a third time.
    static let marker = "KIOSQUE_HUGE_PAGES"
    /// Below this much input, starting again costs more than it saves.
    static let worthFromBytes = 32 << 20

    /// The `GLIBC_TUNABLES` to start again with, or nil to go on as is.
    static func tunables(inputBytes: Int, environment: [String: String]) -> String? {
        guard environment[marker] == nil, inputBytes >= worthFromBytes else { return nil }
        guard let given = environment["GLIBC_TUNABLES"], !given.isEmpty else { return tunable }
        // Someone who chose malloc's pages keeps their choice.
        if given.contains("glibc.malloc.hugetlb") { return nil }
        return given + ":" + tunable
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
