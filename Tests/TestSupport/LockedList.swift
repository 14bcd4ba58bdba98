import Foundation

/// A list that several threads append to, for tests that run work at once.
public final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    public init() {}

    public func add(_ value: String) { lock.withLock { stored.append(value) } }

    public var values: [String] { lock.withLock { stored } }
}
