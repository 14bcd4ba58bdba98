/// A growing run of plain values in memory of its own, for the index's
/// hottest loops: appending to an array checked its uniqueness and room,
/// and each access to a class's array its exclusivity, for every one of
/// the fifteen million terms of a large import. The owner frees it.
struct GrowingBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    /// Empty again, its memory kept for the next values.
    mutating func removeAll() { count = 0 }

    /// Room for `count` values, to be written before they are read.
    mutating func resize(toUnwritten count: Int) {
        if count > capacity { grow(to: count) }
        self.count = count
    }

    /// `count` values, all `value`.
    mutating func reset(count: Int, to value: Element) {
        if count > capacity { grow(to: count) }
        base.update(repeating: value, count: count)
        self.count = count
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(to: capacity * 2) }
        base[count] = value
        count += 1
    }

    mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        if count + values.count > capacity { grow(to: max(capacity * 2, count + values.count)) }
        if values.count <= 32 {
            // Element by element: mostly a search term's few bytes, for
            // which a call to memmove cost more than copying them.
            for index in 0..<values.count { base[count + index] = values[index] }
        } else {
            (base + count).update(from: values.baseAddress!, count: values.count)
        }
        count += values.count
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    private mutating func grow(to newCapacity: Int) {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }
}
