import Foundation
import GRDB

/// Finds and ranks the articles matching a query in the search index.
///
/// Only the `candidates` matches written last are ranked: a common word
/// matches most of a large store, and segments are read newest first until
/// there are that many. For any rarer query that is every match, and the
/// ranking is complete. Ranked by BM25 (k1 1.2, b 0.75, as FTS5's bm25()),
/// a phrase in the title counting `titleWeight` times, with each phrase's
/// rarity only when there are several.
enum SearchIndexQuery {
    struct Match: Equatable {
        var article: Int64
        var rank: Double
    }

    static let k1 = 1.2
    static let b = 0.75

    /// A phrase's matches in one segment: documents in order, and the
    /// phrase's occurrences in each, weighted by column.
    typealias Occurrences = [(document: Int64, frequency: Double)]

    static func best(required: [[String]], excluded: [[String]], limit: Int, candidates: Int,
                     titleWeight: Double, db: Database) throws -> [Match] {
        let phrases = required.map { $0.map { Array($0.utf8) } }
        let exclusions = excluded.map { $0.map { Array($0.utf8) } }
        let segments = try SearchSegments.segments(db)
        var found: [(document: Int64, article: Int64, length: Int, frequencies: [Double])] = []

        // Positions are read only for the terms of phrases.
        let placed = Set((phrases + exclusions).filter { $0.count > 1 }.flatMap { $0 })
        var read: [Int64: [[UInt8]: PostingList]] = [:]
        func postings(_ term: [UInt8], _ segment: Int64) throws -> PostingList {
            if let known = read[segment]?[term] { return known }
            var decoded = PostingList()
            if let entry = try SearchSegments.lookUp(term, segment: segment, in: db) {
                guard let list = entry.postings.withUnsafeBytes({
                    PostingList($0, withPositions: placed.contains(term))
                }) else { throw SearchSegments.damaged }
                decoded = list
            }
            read[segment, default: [:]][term] = decoded
            return decoded
        }

        for segment in segments where found.count < candidates {
            func list(_ term: [UInt8]) throws -> PostingList { try postings(term, segment) }
            var matches: [Occurrences] = []
            for phrase in phrases {
                let occurrences = occurrencesOf(phrase: try phrase.map(list), titleWeight: titleWeight)
                if occurrences.isEmpty { break }
                matches.append(occurrences)
            }
            guard matches.count == phrases.count else { continue }
            var left = Set<Int64>()
            for phrase in exclusions {
                left.formUnion(occurrencesOf(phrase: try phrase.map(list), titleWeight: titleWeight).map(\.document))
            }
            // The documents holding every phrase and no excluded one, last first.
            var wanted: [(document: Int64, frequencies: [Double])] = []
            var cursors = [Int](repeating: 0, count: matches.count)
            for (document, frequency) in matches[0].reversed() where !left.contains(document) {
                var frequencies = [frequency]
                for index in 1..<max(1, matches.count) {
                    let other = matches[index]
                    // Walking from the end, as the first phrase's documents are.
                    while cursors[index] < other.count && other[other.count - 1 - cursors[index]].document > document {
                        cursors[index] += 1
                    }
                    guard cursors[index] < other.count, other[other.count - 1 - cursors[index]].document == document else { break }
                    frequencies.append(other[other.count - 1 - cursors[index]].frequency)
                }
                if frequencies.count == matches.count { wanted.append((document, frequencies)) }
            }
            // Looked up a few more than are missing at a time: some may be
            // the old versions of articles since changed.
            var next = 0
            while next < wanted.count && found.count < candidates {
                let batch = wanted[next..<min(wanted.count, next + candidates - found.count + 64)]
                next = batch.endIndex
                let live = try liveDocuments(batch.map(\.document), db)
                for candidate in batch where found.count < candidates {
                    guard let document = live[candidate.document] else { continue }
                    found.append((candidate.document, document.article, document.length, candidate.frequencies))
                }
            }
        }
        guard !found.isEmpty else { return [] }

        guard let totals = try Row.fetchOne(db, sql: "SELECT documents, terms FROM search_total") else {
            throw SearchSegments.damaged
        }
        let rows = max(1, totals["documents"] as Int)
        let averageLength = Double(max(1, totals["terms"] as Int)) / Double(rows)
        var rarity = [Double](repeating: 1, count: phrases.count)
        if phrases.count + exclusions.count > 1 {
            for (index, phrase) in phrases.enumerated() {
                var holding = 0
                for segment in segments {
                    if phrase.count == 1 && read[segment]?[phrase[0]] == nil {
                        // A word's count is kept beside its list: nothing to read.
                        holding += try SearchSegments.lookUp(phrase[0], segment: segment, in: db)?.documents ?? 0
                    } else {
                        holding += occurrencesOf(phrase: try phrase.map { try postings($0, segment) },
                                                 titleWeight: titleWeight).count
                    }
                }
                let value = log((Double(rows - holding) + 0.5) / (Double(holding) + 0.5))
                // A phrase in more than half the documents still counts, a little.
                rarity[index] = value > 0 ? value : 1e-6
            }
        }
        var ranked = found.map { candidate in
            let damping = k1 * (1 - b + b * Double(candidate.length) / averageLength)
            var score = 0.0
            for (index, frequency) in candidate.frequencies.enumerated() {
                score += rarity[index] * frequency * (k1 + 1) / (frequency + damping)
            }
            return (document: candidate.document, match: Match(article: candidate.article, rank: -score))
        }
        ranked.sort { $0.match.rank != $1.match.rank ? $0.match.rank < $1.match.rank : $0.document > $1.document }
        return ranked.prefix(max(0, limit)).map(\.match)
    }

    /// The documents still standing among `documents`, with their article
    /// and length, in one query.
    private static func liveDocuments(_ documents: [Int64], _ db: Database) throws -> [Int64: (article: Int64, length: Int)] {
        guard !documents.isEmpty else { return [:] }
        let list = "[" + documents.map(String.init).joined(separator: ",") + "]"
        var live: [Int64: (article: Int64, length: Int)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT doc, article, title_terms + body_terms FROM json_each(?) JOIN search_doc ON doc = json_each.value
            """, arguments: [list])
        while let row = try rows.next() { live[row[0]] = (row[1], row[2]) }
        return live
    }

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
