import Foundation

/// A closed terminal (SIGHUP) or a polite kill (SIGTERM) ends the reader
/// through its normal exit path, which restores the terminal.
enum Signals {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0

    static var hangup: Bool { received != 0 }

    static func install() {
        signal(SIGHUP) { _ in Signals.received = 1 }
        signal(SIGTERM) { _ in Signals.received = 1 }
    }
}
