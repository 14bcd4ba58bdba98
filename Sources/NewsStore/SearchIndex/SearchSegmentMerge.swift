import Foundation
import GRDB

/// Merging segments: sixteen of a level into one of the next.
extension SearchSegments {
    /// Merges the segments of any level that has `mergedAtOnce` of them,
    /// then of the levels above.
    static func mergeIfNeeded(_ db: Database) throws {
        var top = try Int.fetchOne(db, sql: "SELECT max(level) FROM search_segment") ?? 0
        var level = 0
        while level <= top {
            let segments = try Int64.fetchAll(db, sql: """
                SELECT segment FROM search_segment WHERE level = ? ORDER BY last_document
                """, arguments: [level])
            if segments.count >= mergedAtOnce {
                top = max(top, try merge(segments, above: level, db))
            }
            level += 1
        }
    }

    /// One segment in place of `segments`: each term's documents merged in
    /// order, those of articles changed since (no longer in `search_doc`)
    /// left out. Gives the new segment's level.
    static func merge(_ segments: [Int64], above level: Int, _ db: Database) throws -> Int {
        // The segments, bound as one JSON array.
        let list = jsonArray(segments)
        guard let span = try Row.fetchOne(db, sql: """
            SELECT min(first_document) AS first, max(last_document) AS last FROM search_segment
            WHERE segment IN (SELECT value FROM json_each(?))
            """, arguments: [list]), let first = span["first"] as Int64?, let last = span["last"] as Int64?, last >= first else {
            throw damaged
        }
        var live = [Bool](repeating: false, count: Int(last - first + 1))
        let documents = try Int64.fetchCursor(db, sql: "SELECT doc FROM search_doc WHERE doc BETWEEN ? AND ?",
                                              arguments: [first, last])
        while let document = try documents.next() { live[Int(document - first)] = true }
        // No article changed since: a term held by one segment only keeps
        // its list as it is, unread (most terms, with made-up words).
        let allLive = !live.contains(false)

        let writer = try Writer(firstDocument: first, lastDocument: last, in: db)
        var readers = try segments.map { try SegmentReader(segment: $0, db) }
        // The readers by their next term: the one with the smallest on top.
        var heap = ReaderHeap(readers)
        var holders: [Int] = []
        while let top = heap.top {
            let term = readers[top].term!
            holders.removeAll(keepingCapacity: true)
            while let next = heap.top, ReaderHeap.compare(readers[next].term!, term) == 0 {
                holders.append(heap.pop(readers))
            }
            if holders.count == 1 && allLive {
                let reader = readers[holders[0]]
                try term.withUnsafeBufferPointer { term in
                    try reader.postings.withUnsafeBufferPointer { postings in
                        try writer.add(term: term, documents: reader.documents, postings: postings)
                    }
                }
                try reader.advance()
                if reader.term != nil { heap.push(holders[0], readers) }
                continue
            }
            var lists: [PostingList] = []
            for index in holders {
                guard let list = readers[index].postings.withUnsafeBytes({ PostingList($0) }) else { throw damaged }
                lists.append(list)
                try readers[index].advance()
                if readers[index].term != nil { heap.push(index, readers) }
            }
            var encoder = PostingList.Encoder()
            var cursors = [Int](repeating: 0, count: lists.count)
            while true {
                // The smallest document left among the lists.
                var next: (list: Int, document: Int64)? = nil
                for (index, list) in lists.enumerated() where cursors[index] < list.count {
                    let document = list.documents[cursors[index]]
                    if next == nil || document < next!.document { next = (index, document) }
                }
                guard let (index, document) = next else { break }
                let row = cursors[index]
                cursors[index] += 1
                guard document >= first, document <= last else { throw damaged }
                if live[Int(document - first)] {
                    encoder.add(document: document, titles: lists[index].titlePositions(row),
                                bodies: lists[index].bodyPositions(row))
                }
            }
            guard encoder.documents > 0 else { continue }
            let postings = encoder.finish()
            try term.withUnsafeBufferPointer { term in
                try postings.withUnsafeBufferPointer { postings in
                    try writer.add(term: term, documents: encoder.documents, postings: postings)
                }
            }
        }
        let merged = level + 1
        try writer.finish(atLeast: merged)
        readers.removeAll()
        try db.execute(sql: "DELETE FROM search_block WHERE segment IN (SELECT value FROM json_each(?))",
                       arguments: [list])
        try db.execute(sql: "DELETE FROM search_segment WHERE segment IN (SELECT value FROM json_each(?))",
                       arguments: [list])
        return try Int.fetchOne(db, sql: "SELECT level FROM search_segment WHERE segment = ?",
                                arguments: [writer.segment]) ?? merged
    }
}

/// Segment readers ordered by their next term, smallest on top (a binary
/// heap of their indices): a merge finds the next term in a few
/// comparisons rather than one per segment.
private struct ReaderHeap {
    private var items: [Int] = []

    init(_ readers: [SearchSegments.SegmentReader]) {
        for index in readers.indices where readers[index].term != nil { push(index, readers) }
    }

    var top: Int? { items.first }

    /// Negative, zero or positive as `a` comes before, with or after `b`.
    static func compare(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let shared = min(a.count, b.count)
                let order = shared == 0 ? 0 : Int(memcmp(a.baseAddress!, b.baseAddress!, shared))
                return order != 0 ? order : a.count - b.count
            }
        }
    }

    /// Whether reader `a` goes above reader `b`: its term first, or the
    /// same term in an older segment.
    private static func above(_ a: Int, _ b: Int, _ readers: [SearchSegments.SegmentReader]) -> Bool {
        let order = compare(readers[a].term!, readers[b].term!)
        return order != 0 ? order < 0 : a < b
    }

    mutating func push(_ reader: Int, _ readers: [SearchSegments.SegmentReader]) {
        items.append(reader)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.above(items[child], items[parent], readers) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop(_ readers: [SearchSegments.SegmentReader]) -> Int {
        let first = items[0]
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < items.count && Self.above(items[left], items[best], readers) { best = left }
            if right < items.count && Self.above(items[right], items[best], readers) { best = right }
            if best == parent { return first }
            items.swapAt(parent, best)
            parent = best
        }
    }
}
