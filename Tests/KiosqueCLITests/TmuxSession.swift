import Foundation
import XCTest

/// The real reader running in a tmux pane: keys go in with send-keys, the
/// screen comes out with capture-pane. Each session has its own tmux server
/// socket, so tests never see each other or the developer's tmux.
final class TmuxSession {
    let socket: String

    /// `config` is a tmux configuration file (none by default).
    let config: String

    init(command: [String], environment: [String: String], width: Int = 100, height: Int = 30,
         config: String = "/dev/null") throws {
        self.config = config
        socket = "kiosque-test-\(UUID().uuidString.prefix(8))"
        let env = environment.map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        // tmux runs the command through sh -c; every piece is quoted here,
        // and the values are test-controlled paths.
        let line = "env -i \(env) " + command.map(Self.quote).joined(separator: " ") + "; echo KIOSQUE-EXIT=$?; sleep 30"
        // The first command starts the tmux server, which keeps whatever
        // descriptors it was given: it gets /dev/null only.
        try Self.spawn(["tmux", "-L", socket, "-f", config, "new-session", "-d", "-s", "k",
                        "-x", String(width), "-y", String(height), line], output: nil)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        try Self.spawn(["tmux", "-L", socket, "-f", config] + arguments, output: output)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// posix_spawn and waitpid, with standard output to a file: Foundation's
    /// Process waits on descriptors that a daemonising tmux server keeps open.
    static func spawn(_ arguments: [String], output: String?) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
        guard status == 0 else { throw NSError(domain: "tmux", code: Int(status)) }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "k"] + keys) }

    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "k"]).components(separatedBy: "\n")
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "k", "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until the condition holds; fails the test after a
    /// generous limit. Nothing is asserted about how long it took.
    @discardableResult
    func waitFor(_ what: String, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(15)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out waiting for \(what); screen:\n" + last.joined(separator: "\n"), file: file, line: line)
        return last
    }
}
