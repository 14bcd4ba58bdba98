/// A growing run of plain values in memory of its own, for the hottest
/// loops: appending to an array checked its uniqueness and room, and each
/// access to a class's array its exclusivity, for every one of the fifteen
/// million terms of a large import (the search index), and for each run of
/// a feed's character data (the XML reader). The owner frees it.
/// Inlinable: used from other modules, it is specialised there.
public struct GrowingBuffer<Element: BitwiseCopyable> {
    // Set by the inlinable methods, so not private; read through `base`
    // and `count`.
    @usableFromInline var storage: UnsafeMutablePointer<Element>
    @usableFromInline var stored = 0
    @usableFromInline var capacity: Int

    @inlinable public var base: UnsafeMutablePointer<Element> { storage }
    @inlinable public var count: Int { stored }

    @inlinable
    public init(capacity: Int) {
        self.capacity = max(16, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    @inlinable
    public func free() { storage.deallocate() }

    @inlinable
    public var isEmpty: Bool { stored == 0 }

    /// Empty again, its memory kept for the next values.
    @inlinable
    public mutating func removeAll() { stored = 0 }

    /// The first `count` values kept, the others dropped.
    @inlinable
    public mutating func truncate(to count: Int) {
        precondition(count >= 0 && count <= stored)
        stored = count
    }

    /// Room for `count` values, to be written before they are read.
    @inlinable
    public mutating func resize(toUnwritten count: Int) {
        if count > capacity { grow(to: count) }
        stored = count
    }

    /// `count` values, all `value`.
    @inlinable
    public mutating func reset(count: Int, to value: Element) {
        if count > capacity { grow(to: count) }
        storage.update(repeating: value, count: count)
        stored = count
    }

    @inlinable @inline(__always)
    public mutating func append(_ value: Element) {
        if stored == capacity { grow(to: capacity * 2) }
        storage[stored] = value
        stored += 1
    }

    @inlinable
    public mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        if stored + values.count > capacity { grow(to: max(capacity * 2, stored + values.count)) }
        if values.count <= 8 {
            // Element by element: mostly a search term's few bytes, for
            // which a call to memmove cost more than copying them (runs of
            // character data are longer: copied a byte at a time up to 32,
            // they cost twice as much as with memmove).
            for index in 0..<values.count { storage[stored + index] = values[index] }
        } else {
            (storage + stored).update(from: values.baseAddress!, count: values.count)
        }
        stored += values.count
    }

    @inlinable @inline(__always)
    public subscript(index: Int) -> Element {
        get { storage[index] }
        nonmutating set { storage[index] = newValue }
    }

    @inlinable
    public var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: storage, count: stored) }

    @usableFromInline
    mutating func grow(to newCapacity: Int) {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        larger.update(from: storage, count: stored)
        storage.deallocate()
        storage = larger
        capacity = newCapacity
    }
}
