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
        let list = segments.map(String.init).joined(separator: ",")
        guard let span = try Row.fetchOne(db, sql: """
            SELECT min(first_document) AS first, max(last_document) AS last FROM search_segment
            WHERE segment IN (\(list))
            """), let first = span["first"] as Int64?, let last = span["last"] as Int64?, last >= first else {
            throw damaged
        }
        var live = [Bool](repeating: false, count: Int(last - first + 1))
        let documents = try Int64.fetchCursor(db, sql: "SELECT doc FROM search_doc WHERE doc BETWEEN ? AND ?",
                                              arguments: [first, last])
        while let document = try documents.next() { live[Int(document - first)] = true }

        let writer = try Writer(firstDocument: first, lastDocument: last, in: db)
        var readers = try segments.map { try SegmentReader(segment: $0, db) }
        while true {
            var smallest: [UInt8]? = nil
            for reader in readers {
                guard let term = reader.term else { continue }
                if smallest == nil || term.lexicographicallyPrecedes(smallest!) { smallest = term }
            }
            guard let term = smallest else { break }
            var lists: [PostingList] = []
            for index in readers.indices where readers[index].term == term {
                guard let list = readers[index].postings.withUnsafeBytes({ PostingList($0) }) else { throw damaged }
                lists.append(list)
                try readers[index].advance()
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
        try db.execute(sql: "DELETE FROM search_block WHERE segment IN (\(list))")
        try db.execute(sql: "DELETE FROM search_segment WHERE segment IN (\(list))")
        return try Int.fetchOne(db, sql: "SELECT level FROM search_segment WHERE segment = ?",
                                arguments: [writer.segment]) ?? merged
    }
}
