import Foundation
import NewsModel

/// Makes the search index's segments on a thread of its own: the writer
/// hands it each document's terms and goes on with the article's rows;
/// the indexer adds them to its pending postings and, when those are full
/// or the writer asks, encodes them into a segment's blocks, handed over
/// a piece at a time (`SegmentPiece`) for the writer to insert as they are.
///
/// An import's writer was the thread both cores waited for on a large
/// vocabulary: with the postings made on it, a feed of 100,000 made-up
/// words drawn evenly kept it busy throughout while the parsing thread
/// idled a quarter of the time. With 220,000 words, the postings were
/// nearly half the writer's instructions; made here, that import took
/// 3.00 s instead of 3.30 (8 interleaved pairs), other feeds the same.
///
/// The segments are those `PendingPostings` makes on its own, in the same
/// order: the indexer only moves where they are made.
final class SearchIndexer: @unchecked Sendable {
    /// Documents handed over at once: one wake-up per batch.
    static let batchSize = 64
    /// Batches waiting at most before the writer waits for the indexer.
    private static let queueLimit = 16

    private let condition = NSCondition()
    // Under the lock: the batches waiting, the empty ones to fill again,
    // the segments made, and whether the indexer is at work or told to end.
    private var queue: [DocumentBatch] = []
    private var spare: [DocumentBatch] = []
    private var ready: [SegmentPiece] = []
    private var working = false
    private var closed = false

    /// The batch the writer fills (the writer's only).
    private var current = DocumentBatch()
    /// The indexer's only.
    private let postings = PendingPostings()

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "kiosque-index"
        thread.start()
    }

    /// Ends the thread once the batches handed over are done. Called by the
    /// owner when it lets go: the thread holds the indexer until then.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: - The writer's side

    /// The document's terms, copied: the article they came with is freed
    /// by the thread that made it, not here.
    func add(document: Int64, terms: SearchTerms) {
        current.append(document: document, terms: terms)
        if current.count >= Self.batchSize { handOver() }
    }

    /// The pieces of segments made since last asked, in order.
    func takeReady() -> [SegmentPiece] {
        condition.lock()
        defer { condition.unlock() }
        let taken = ready
        ready = []
        return taken
    }

    /// Hands `write` the pieces not taken yet, in order, the last segment
    /// holding every document handed over and still pending. Each piece as
    /// soon as it is made: the writer inserts the last segment's blocks
    /// while the indexer is still encoding the next ones.
    func finish(_ write: (SegmentPiece) throws -> Void) rethrows {
        current.then = .endSegment
        handOver()
        while true {
            condition.lock()
            while ready.isEmpty && (!queue.isEmpty || working) { condition.wait() }
            let taken = ready
            ready = []
            // Idle now means every piece was made before: none comes later.
            let done = queue.isEmpty && !working
            condition.unlock()
            for piece in taken { try write(piece) }
            if done { return }
        }
    }

    /// Forgets every document handed over and every piece made and not
    /// taken: the transaction rolled back.
    func discard() {
        condition.lock()
        for var batch in queue {
            batch.removeAll()
            spare.append(batch)
        }
        queue = []
        condition.unlock()
        current.removeAll()
        current.then = .discard
        handOver()
        waitUntilIdle()
        _ = takeReady()
    }

    private func handOver() {
        condition.lock()
        while queue.count >= Self.queueLimit { condition.wait() }
        queue.append(current)
        current = spare.popLast() ?? DocumentBatch()
        condition.broadcast()
        condition.unlock()
    }

    private func waitUntilIdle() {
        condition.lock()
        while !queue.isEmpty || working { condition.wait() }
        condition.unlock()
    }

    // MARK: - The indexer's side

    private func run() {
        while var batch = nextBatch() {
            batch.forEachDocument { document, title, titleTokens, body, bodyTokens in
                _ = postings.add(document: document, title: title, titleTokens: titleTokens,
                                 body: body, bodyTokens: bodyTokens)
                if postings.isFull { encodeSegment() }
            }
            switch batch.then {
            case .nothing: break
            case .endSegment: if !postings.isEmpty { encodeSegment() }
            case .discard: postings.reset()
            }
            batch.removeAll()
            condition.lock()
            spare.append(batch)
            working = false
            condition.broadcast()
            condition.unlock()
        }
        postings.reset()
    }

    private func nextBatch() -> DocumentBatch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        guard !queue.isEmpty else { return nil }
        working = true
        condition.broadcast()   // room in the queue
        return queue.removeFirst()
    }

    private func made(_ piece: SegmentPiece) {
        condition.lock()
        ready.append(piece)
        condition.broadcast()   // a writer finishing waits for pieces
        condition.unlock()
    }

    /// The pending postings as a segment, handed over in pieces; they are
    /// then empty.
    private func encodeSegment() {
        var piece = SegmentPiece(span: (postings.documents.first!, postings.documents.last!))
        var cutter = BlockCutter()
        defer { cutter.free() }
        func closed(_ firstTerm: UnsafeBufferPointer<UInt8>, _ entries: UnsafeBufferPointer<UInt8>) {
            piece.append(firstTerm: firstTerm, entries: entries)
            if piece.bytes.count >= SegmentPiece.handedAt {
                made(piece)
                piece = SegmentPiece(span: nil)
            }
        }
        postings.forEachTermInOrder { term, documents, bytes in
            cutter.add(term: term, documents: documents, postings: bytes, closed: closed)
        }
        cutter.finish(closed)
        piece.endsSegment = true
        made(piece)
        postings.reset()
    }

    deinit {
        current.free()
        for batch in queue + spare { batch.free() }
    }
}

/// Documents' terms on their way to the indexer, copied end to end into
/// memory of the batch's own, which goes back and forth between the two
/// threads and is never freed before the indexer is.
struct DocumentBatch: @unchecked Sendable {
    /// What the indexer does once the batch's documents are added.
    enum Then { case nothing, endSegment, discard }
    var then = Then.nothing

    private var documents: [(number: Int64, title: Range<Int>, titleTokens: Range<Int>, body: Range<Int>,
                             bodyTokens: Range<Int>)] = []
    private var bytes = GrowingBuffer<UInt8>(capacity: 64 << 10)
    private var tokens = GrowingBuffer<UInt32>(capacity: 16 << 10)

    var count: Int { documents.count }

    mutating func append(document: Int64, terms: SearchTerms) {
        let title = append(terms.titleUTF8), titleTokens = append(terms.titleTokens)
        let body = append(terms.bodyUTF8), bodyTokens = append(terms.bodyTokens)
        documents.append((document, title, titleTokens, body, bodyTokens))
    }

    private mutating func append(_ values: [UInt8]) -> Range<Int> {
        let start = bytes.count
        values.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
        return start..<bytes.count
    }

    private mutating func append(_ values: [UInt32]) -> Range<Int> {
        let start = tokens.count
        values.withUnsafeBufferPointer { tokens.append(contentsOf: $0) }
        return start..<tokens.count
    }

    func forEachDocument(_ body: (Int64, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>,
                                  UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>) -> Void) {
        let bytes = bytes.buffer, tokens = tokens.buffer
        for document in documents {
            body(document.number, UnsafeBufferPointer(rebasing: bytes[document.title]),
                 UnsafeBufferPointer(rebasing: tokens[document.titleTokens]),
                 UnsafeBufferPointer(rebasing: bytes[document.body]),
                 UnsafeBufferPointer(rebasing: tokens[document.bodyTokens]))
        }
    }

    /// Empty, its memory kept.
    mutating func removeAll() {
        documents.removeAll(keepingCapacity: true)
        bytes.removeAll()
        tokens.removeAll()
        then = .nothing
    }

    func free() {
        bytes.free()
        tokens.free()
    }
}
