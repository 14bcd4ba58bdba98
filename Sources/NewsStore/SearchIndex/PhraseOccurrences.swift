/// Where a query's phrases stand in a segment's documents.
extension SearchIndexQuery {
    /// The documents where the terms stand one after the other, in the
    /// same column, with how often (title occurrences weighted).
    static func occurrencesOf(phrase lists: [PostingList], titleWeight: Double) -> Occurrences {
        guard let first = lists.first, lists.allSatisfy({ $0.count > 0 }) else { return [] }
        if lists.count == 1 {
            return first.documents.indices.map {
                (first.documents[$0], Double(first.titleCounts[$0]) * titleWeight + Double(first.bodyCounts[$0]))
            }
        }
        var result: Occurrences = []
        var rows = [Int](repeating: 0, count: lists.count)
        documents: for n in 0..<first.count {
            let document = first.documents[n]
            rows[0] = n
            for index in 1..<lists.count {
                let other = lists[index]
                var row = rows[index]
                while row < other.count && other.documents[row] < document { row += 1 }
                rows[index] = row
                guard row < other.count, other.documents[row] == document else { continue documents }
            }
            let inTitle = following(lists, rows) { $0.titlePositions($1) }
            let inBody = following(lists, rows) { $0.bodyPositions($1) }
            if inTitle + inBody > 0 { result.append((document, Double(inTitle) * titleWeight + Double(inBody))) }
        }
        return result
    }

    /// How many positions p of the first list's column have p + k in the
    /// k-th list's: the lists are in order, so each is walked once.
    private static func following(_ lists: [PostingList], _ rows: [Int],
                                  _ column: (PostingList, Int) -> ArraySlice<Int>) -> Int {
        let columns = lists.indices.map { column(lists[$0], rows[$0]) }
        var cursors = columns.map(\.startIndex)
        var count = 0
        starts: for start in columns[0] {
            for k in 1..<columns.count {
                let wanted = start + k
                while cursors[k] < columns[k].endIndex && columns[k][cursors[k]] < wanted { cursors[k] += 1 }
                guard cursors[k] < columns[k].endIndex else { break starts }
                if columns[k][cursors[k]] != wanted { continue starts }
            }
            count += 1
        }
        return count
    }
}
