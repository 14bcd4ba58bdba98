import Foundation

/// `KIOSQUE_KEY_TRACE=FILE`: for each key, one line "KEY MICROSECONDS" with
/// the time from the key being read to its frame being drawn, for the
/// benchmarks (bench/scale.sh) to report the slowest answers. Costs nothing
/// when the variable is unset.
final class KeyTrace {
    private let handle: FileHandle
    private var pending: (key: String, start: UInt64)?

    init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["KIOSQUE_KEY_TRACE"], !path.isEmpty,
              FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { return nil }
        self.handle = handle
    }

    deinit { try? handle.close() }

    func keyRead(_ name: String) {
        pending = (name, DispatchTime.now().uptimeNanoseconds)
    }

    func frameDrawn() {
        guard let (key, start) = pending else { return }
        pending = nil
        let micros = (DispatchTime.now().uptimeNanoseconds - start) / 1_000
        // Written at once, so a benchmark can read the file while the reader runs.
        try? handle.write(contentsOf: Data("\(key.replacingOccurrences(of: " ", with: "_")) \(micros)\n".utf8))
    }
}
