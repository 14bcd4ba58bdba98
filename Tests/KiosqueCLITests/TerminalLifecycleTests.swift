import Foundation
import XCTest

/// Suspending, resuming and closing the terminal under the reader.
final class TerminalLifecycleTests: CLITestCase {
    private func shellSession() throws -> TmuxSession {
        try kiosque("import", fixture("pages"))
        let env = ["TERM": "tmux-256color", "HOME": folder.path, "KIOSQUE_STORE": storePath,
                   "USER": "amina", "PATH": "/usr/bin:/bin", "PS1": "prompt$ "]
        return try TmuxSession(command: ["bash", "--norc", "--noprofile", "-i"], environment: env)
    }

    func testCtrlZThenFgRestoresTheScreen() throws {
        let session = try shellSession()
        try session.waitFor("the shell") { $0.contains { $0.hasPrefix("prompt$") } }
        try session.send(binary.path, "Enter")
        try session.waitFor("the list") { $0.contains { $0.contains("Titre") } }
        try session.send("C-z")
        try session.waitFor("the job stopped and the terminal given back") { lines in
            lines.contains { $0.contains("Stopped") } && !lines.contains { $0.contains("Titre") }
        }
        try session.send("fg", "Enter")
        try session.waitFor("the list again") { $0.contains { $0.contains("Titre") } }
        try session.send("q")
        let after = try session.waitFor("the prompt after quitting") { $0.last { !$0.isEmpty }?.hasPrefix("prompt$") == true }
        XCTAssertFalse(after.contains { $0.contains("Titre") }, "the terminal is restored on exit")
    }

    func testCtrlCEndsTheReaderAndRestoresTheTerminal() throws {
        let session = try shellSession()
        try session.waitFor("the shell") { $0.contains { $0.hasPrefix("prompt$") } }
        try session.send(binary.path, "Enter")
        try session.waitFor("the list") { $0.contains { $0.contains("Titre") } }
        try session.send("C-c")
        try session.waitFor("the prompt") { $0.last { !$0.isEmpty }?.hasPrefix("prompt$") == true }
        // Echo and line editing are back: what is typed shows and runs.
        try session.send("echo restaure-$((40+2))", "Enter")
        try session.waitFor("the shell to echo and run a command") { $0.contains { $0 == "restaure-42" } }
    }

    func testClosingTheTerminalEndsTheReader() throws {
        try kiosque("import", fixture("pages"))
        let env = ["TERM": "tmux-256color", "HOME": folder.path, "KIOSQUE_STORE": storePath, "PATH": "/usr/bin:/bin"]
        let session = try TmuxSession(command: [binary.path], environment: env)
        try session.waitFor("the list") { $0.contains { $0.contains("Titre") } }
        XCTAssertTrue(readerRunning())
        try session.tmux(["kill-session", "-t", "k"])     // the pane's terminal goes away: SIGHUP
        let deadline = Date().addingTimeInterval(10)
        while readerRunning() && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(readerRunning(), "the reader should exit on SIGHUP, not spin")
    }

    func testALostTerminalEndsTheReaderEvenWithoutTheHangUpSignal() throws {
        // In a session of its own (setsid), the reader gets no SIGHUP when the
        // pane closes: it must notice that the keyboard is gone, not spin.
        try kiosque("import", fixture("pages"))
        let env = ["TERM": "tmux-256color", "HOME": folder.path, "KIOSQUE_STORE": storePath, "PATH": "/usr/bin:/bin"]
        let session = try TmuxSession(command: ["setsid", "-w", binary.path], environment: env)
        try session.waitFor("the list") { $0.contains { $0.contains("Titre") } }
        XCTAssertTrue(readerRunning())
        try session.tmux(["kill-session", "-t", "k"])
        let deadline = Date().addingTimeInterval(10)
        while readerRunning() && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(readerRunning(), "the reader should exit when its terminal is gone")
    }

    /// Whether a kiosque process still runs on this test's store.
    private func readerRunning() -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
        for pid in entries where Int(pid) != nil {
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ"),
                  let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            let env = String(decoding: data, as: UTF8.self)
            let cmd = String(decoding: command, as: UTF8.self)
            if cmd.hasPrefix(binary.path), env.contains("KIOSQUE_STORE=\(storePath)") { return true }
        }
        return false
    }
}
