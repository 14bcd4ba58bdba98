import Foundation

/// Memory given back by another thread than the writer's. Freeing a
/// feed's written articles (a dozen allocations each, made by the parsing
/// thread) took the writer 0.07 s of a hundred feeds of a thousand items,
/// while it is the one both cores wait for and the parsing threads idle.
enum ReleasedElsewhere {
    /// Of the same priority as the import's threads: starved, it would let
    /// freed articles pile up.
    private static let queue = DispatchQueue(label: "kiosque.release")

    /// `value` must be the last reference: the caller gives it up
    /// (`consume`) and it moves into a box that only the queue empties, so
    /// its memory is freed there whichever thread finishes first.
    static func release<T: Sendable>(_ value: consuming T) {
        let box = Box(consume value)
        queue.async { box.empty() }
    }

    private final class Box<T: Sendable>: @unchecked Sendable {
        private var value: T?
        init(_ value: consuming T) { self.value = consume value }
        /// Only the queue calls it, once.
        func empty() { value = nil }
    }
}
