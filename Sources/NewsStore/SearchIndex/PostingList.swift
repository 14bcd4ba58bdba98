/// Where a term occurs: for each document holding it, the positions of
/// the term in its title and in its body.
///
/// Stored as chunks, each its length then its documents; a document is
/// the gap from the one before (from 0 at a chunk's start), the number of
/// title then body positions, then each column's positions as gaps less
/// one (a position appears once). A segment writes one chunk per term;
/// the format takes several, in order of their documents.
struct PostingList {
    var documents: [Int64] = []
    var titleCounts: [Int] = []
    var bodyCounts: [Int] = []
    /// Read only when asked for (phrases need them, single words do not):
    /// the n-th document's positions are `positions[starts[n]..<starts[n + 1]]`,
    /// its title's first.
    var starts: [Int] = [0]
    var positions: [Int] = []

    var count: Int { documents.count }

    func titlePositions(_ n: Int) -> ArraySlice<Int> { positions[starts[n]..<(starts[n] + titleCounts[n])] }
    func bodyPositions(_ n: Int) -> ArraySlice<Int> { positions[(starts[n] + titleCounts[n])..<starts[n + 1]] }

    /// Nil when the bytes are not a posting list (a damaged index): cut
    /// short, or its documents not in order.
    init?(_ bytes: UnsafeRawBufferPointer, withPositions: Bool = true) {
        var offset = 0
        var last: Int64 = -1
        while offset < bytes.count {
            guard let length = Varint.read(bytes, at: &offset), length <= bytes.count - offset else { return nil }
            let end = offset + length
            var document: Int64 = 0
            while offset < end {
                guard let gap = Varint.read(bytes, at: &offset),
                      let titles = Varint.read(bytes, at: &offset),
                      let bodies = Varint.read(bytes, at: &offset) else { return nil }
                document &+= Int64(gap)
                guard document > last else { return nil }
                last = document
                documents.append(document)
                titleCounts.append(titles)
                bodyCounts.append(bodies)
                guard readPositions(titles, bytes, &offset, keep: withPositions),
                      readPositions(bodies, bytes, &offset, keep: withPositions) else { return nil }
                if withPositions { starts.append(positions.count) }
            }
            guard offset == end else { return nil }
        }
    }

    init() {}

    private mutating func readPositions(_ count: Int, _ bytes: UnsafeRawBufferPointer, _ offset: inout Int,
                                        keep: Bool) -> Bool {
        // Each position takes a byte at least: a count past the bytes left
        // is damage, not a loop to run.
        guard count <= bytes.count - offset else { return false }
        var position = -1
        for _ in 0..<count {
            guard let gap = Varint.read(bytes, at: &offset) else { return false }
            position &+= gap &+ 1
            if keep { positions.append(position) }
        }
        return true
    }

    /// Makes one chunk from whole documents given in order, for a merge.
    struct Encoder {
        private var payload: [UInt8] = []
        private var previous: Int64 = 0
        private(set) var documents = 0

        mutating func add(document: Int64, titles: ArraySlice<Int>, bodies: ArraySlice<Int>) {
            Varint.append(UInt64(document - previous), to: &payload)
            Varint.append(UInt64(titles.count), to: &payload)
            Varint.append(UInt64(bodies.count), to: &payload)
            for column in [titles, bodies] {
                var last = -1
                for position in column {
                    Varint.append(UInt64(position - last - 1), to: &payload)
                    last = position
                }
            }
            previous = document
            documents += 1
        }

        /// The chunk: its length, then its documents.
        func finish() -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(payload.count + 4)
            Varint.append(UInt64(payload.count), to: &bytes)
            bytes.append(contentsOf: payload)
            return bytes
        }
    }
}
