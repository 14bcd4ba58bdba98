import Foundation
import TestSupport
import XCTest

/// Runs the built `kiosque` binary, as a user or a script would, against a
/// store in a fresh temporary folder.
class CLITestCase: XCTestCase {
    struct Run: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    var folder: URL!
    var storePath: String { folder.appendingPathComponent("kiosque.sqlite").path }

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures")

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosque-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func fixture(_ relative: String) -> String { Self.fixtures.appendingPathComponent(relative).path }

    /// The binary sits beside the test bundle in SwiftPM's build folder.
    var binary: URL { Bundle.main.bundleURL.appendingPathComponent("kiosque") }

    @discardableResult
    func kiosque(_ arguments: String..., environment: [String: String] = [:]) throws -> Run {
        try run(arguments, environment: environment)
    }

    /// The environment every run gets: a private HOME and store.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "KIOSQUE_STORE": storePath, "USER": "testeur"]
        env.merge(extra) { _, new in new }
        return env
    }

    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
        try Self.execute(binary, arguments, environment: environment(extra))
    }

    static func execute(_ binary: URL, _ arguments: [String], environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a large output
        // cannot fill a pipe and stall the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs several kiosque processes at once on this test's store; returns
    /// what each wrote on standard error.
    func runConcurrently(_ runs: [[String]]) -> [String] {
        let results = LockedList()
        let binary = binary
        let env = environment()
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            let run = try? Self.execute(binary, runs[index], environment: env)
            results.add(run?.stderr ?? "could not start")
        }
        return results.values
    }

    func json(_ run: Run) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }
}
