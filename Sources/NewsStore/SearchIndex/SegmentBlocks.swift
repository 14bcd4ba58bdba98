import NewsModel

/// A segment's entries, given in the order of their terms, cut into
/// blocks as `SearchSegments` lays them out: a block closes before the
/// entry that would take it past `SearchSegments.blockSize`, or once an
/// entry takes it there. Knows nothing of the database: the segment
/// writer inserts each block as it closes, the search indexer keeps them
/// for the writer (`SegmentPiece`).
struct BlockCutter {
    /// The block under way; freed by `free`.
    private var block = GrowingBuffer<UInt8>(capacity: 2 * SearchSegments.blockSize)
    private var firstTerm: [UInt8] = []

    /// A closed block: its first term and its entries.
    typealias Closed = (_ firstTerm: UnsafeBufferPointer<UInt8>, _ entries: UnsafeBufferPointer<UInt8>) throws -> Void

    mutating func add(term: UnsafeBufferPointer<UInt8>, documents: Int, postings: UnsafeBufferPointer<UInt8>,
                      closed: Closed) rethrows {
        let size = SearchSegments.entrySize(term: term.count, documents: documents, postings: postings.count)
        if block.count > 0 && block.count + size > SearchSegments.blockSize { try close(closed) }
        if block.count == 0 { firstTerm = Array(term) }
        Varint.append(UInt64(term.count), to: &block)
        block.append(contentsOf: term)
        Varint.append(UInt64(documents), to: &block)
        Varint.append(UInt64(postings.count), to: &block)
        block.append(contentsOf: postings)
        if block.count >= SearchSegments.blockSize { try close(closed) }
    }

    /// Closes the last block, if it holds anything.
    mutating func finish(_ closed: Closed) rethrows {
        if block.count > 0 { try close(closed) }
    }

    func free() { block.free() }

    private mutating func close(_ closed: Closed) rethrows {
        try firstTerm.withUnsafeBufferPointer { first in try closed(first, block.buffer) }
        block.removeAll()
    }
}

/// A run of a segment's blocks made away from the database (see
/// `SearchIndexer`), to be written as they are. A segment comes in pieces
/// of about a megabyte, written as they are made, so that a whole segment
/// (ten megabytes and more) never waits in memory: its first piece gives
/// the documents it spans, its last one ends it.
struct SegmentPiece: Sendable {
    /// On the segment's first piece only.
    let span: (firstDocument: Int64, lastDocument: Int64)?
    var endsSegment = false
    /// Each block's first term then its entries, block after block.
    private(set) var bytes: [UInt8] = []
    private var blocks: [(firstTerm: Range<Int>, entries: Range<Int>)] = []

    /// The bytes past which a piece is handed over.
    static let handedAt = 1 << 20

    init(span: (firstDocument: Int64, lastDocument: Int64)?) {
        self.span = span
    }

    mutating func append(firstTerm: UnsafeBufferPointer<UInt8>, entries: UnsafeBufferPointer<UInt8>) {
        if bytes.isEmpty { bytes.reserveCapacity(Self.handedAt + 2 * SearchSegments.blockSize) }
        let start = bytes.count
        bytes.append(contentsOf: firstTerm)
        bytes.append(contentsOf: entries)
        blocks.append((start..<start + firstTerm.count, start + firstTerm.count..<bytes.count))
    }

    /// The blocks in order.
    func forEachBlock(_ body: (_ firstTerm: UnsafeBufferPointer<UInt8>, _ entries: UnsafeBufferPointer<UInt8>) throws -> Void)
    rethrows {
        try bytes.withUnsafeBufferPointer { bytes in
            for block in blocks {
                try body(UnsafeBufferPointer(rebasing: bytes[block.firstTerm]),
                         UnsafeBufferPointer(rebasing: bytes[block.entries]))
            }
        }
    }
}
