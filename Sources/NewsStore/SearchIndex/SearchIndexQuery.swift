import Foundation
import GRDB

/// Finds and ranks the articles matching a query in the search index.
///
/// Only the `candidates` matches written last are ranked: a common word
/// matches most of a large store, and segments are read newest first until
/// that many are found that are newer than anything the next segment holds
/// (a merged segment can span a larger one's documents). For any rarer
/// query that is every match, and the ranking is complete. Ranked by BM25 (k1 1.2, b 0.75, as FTS5's bm25()),
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
        let reader = try Reader(required: required, excluded: excluded, titleWeight: titleWeight, db: db)
        // The newest matches so far, newest first once there are `candidates`.
        var found: [Candidate] = []
        for (segment, lastDocument) in reader.segments {
            if found.count >= candidates, let oldest = found.last, oldest.document > lastDocument { break }
            let wanted = try reader.matches(in: segment)
            // The segment's newest live matches, looked up a few more than
            // are missing at a time: some may be the old versions of
            // articles since changed.
            var taken = 0
            var next = 0
            while next < wanted.count && taken < candidates {
                let batch = wanted[next..<min(wanted.count, next + candidates - taken + 64)]
                next = batch.endIndex
                let live = try liveDocuments(batch.map(\.document), db)
                for candidate in batch where taken < candidates {
                    guard let document = live[candidate.document] else { continue }
                    found.append(Candidate(document: candidate.document, article: document.article,
                                           length: document.length, frequencies: candidate.frequencies))
                    taken += 1
                }
            }
            if found.count >= candidates {
                found.sort { $0.document > $1.document }
                found.removeLast(found.count - candidates)
            }
        }
        guard !found.isEmpty else { return [] }

        guard let totals = try Row.fetchOne(db, sql: "SELECT documents, terms FROM search_total") else {
            throw SearchSegments.damaged
        }
        let rows = max(1, totals["documents"] as Int)
        let averageLength = Double(max(1, totals["terms"] as Int)) / Double(rows)
        let rarity = try reader.rarities(documents: rows)
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

    /// A match about to be ranked: its document, article and length, and
    /// how often each phrase occurs in it.
    private struct Candidate {
        var document: Int64
        var article: Int64
        var length: Int
        var frequencies: [Double]
    }

    /// The query's posting lists, read once per segment and term.
    private final class Reader {
        let phrases: [[[UInt8]]]
        let exclusions: [[[UInt8]]]
        let segments: [(segment: Int64, lastDocument: Int64)]
        private let titleWeight: Double
        private let db: Database
        /// Positions are read only for the terms of phrases.
        private let placed: Set<[UInt8]>
        private var read: [Int64: [[UInt8]: PostingList]] = [:]

        init(required: [[String]], excluded: [[String]], titleWeight: Double, db: Database) throws {
            phrases = required.map { $0.map { Array($0.utf8) } }
            exclusions = excluded.map { $0.map { Array($0.utf8) } }
            placed = Set((phrases + exclusions).filter { $0.count > 1 }.flatMap { $0 })
            segments = try SearchSegments.newestFirst(db)
            self.titleWeight = titleWeight
            self.db = db
        }

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

        private func occurrences(_ phrase: [[UInt8]], _ segment: Int64) throws -> Occurrences {
            occurrencesOf(phrase: try phrase.map { try postings($0, segment) }, titleWeight: titleWeight)
        }

        /// The segment's documents holding every phrase and no excluded
        /// one, last first, with each phrase's weighted frequency.
        func matches(in segment: Int64) throws -> [(document: Int64, frequencies: [Double])] {
            var matches: [Occurrences] = []
            for phrase in phrases {
                let found = try occurrences(phrase, segment)
                if found.isEmpty { return [] }
                matches.append(found)
            }
            var left = Set<Int64>()
            for phrase in exclusions { left.formUnion(try occurrences(phrase, segment).map(\.document)) }
            var wanted: [(document: Int64, frequencies: [Double])] = []
            // Walking every list from its end, as the first phrase's documents are.
            var cursors = [Int](repeating: 0, count: matches.count)
            documents: for (document, frequency) in matches[0].reversed() where !left.contains(document) {
                var frequencies = [frequency]
                for index in 1..<matches.count {
                    let other = matches[index]
                    while cursors[index] < other.count && other[other.count - 1 - cursors[index]].document > document {
                        cursors[index] += 1
                    }
                    guard cursors[index] < other.count, other[other.count - 1 - cursors[index]].document == document
                    else { continue documents }
                    frequencies.append(other[other.count - 1 - cursors[index]].frequency)
                }
                wanted.append((document, frequencies))
            }
            return wanted
        }

        /// Each phrase's rarity (BM25's inverse document frequency) among
        /// `documents`, or 1 for all when there is only one phrase.
        func rarities(documents rows: Int) throws -> [Double] {
            guard phrases.count + exclusions.count > 1 else { return phrases.map { _ in 1 } }
            return try phrases.map { phrase in
                var holding = 0
                for (segment, _) in segments {
                    if phrase.count == 1 && read[segment]?[phrase[0]] == nil {
                        // A word's count is kept beside its list: nothing to read.
                        holding += try SearchSegments.lookUp(phrase[0], segment: segment, in: db)?.documents ?? 0
                    } else {
                        holding += try occurrences(phrase, segment).count
                    }
                }
                let value = log((Double(rows - holding) + 0.5) / (Double(holding) + 0.5))
                // A phrase in more than half the documents still counts, a little.
                return value > 0 ? value : 1e-6
            }
        }
    }

    /// The documents still standing among `documents`, with their article
    /// and length, in one query.
    private static func liveDocuments(_ documents: [Int64], _ db: Database) throws -> [Int64: (article: Int64, length: Int)] {
        guard !documents.isEmpty else { return [:] }
        var live: [Int64: (article: Int64, length: Int)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT doc, article, title_terms + body_terms FROM json_each(?) JOIN search_doc ON doc = json_each.value
            """, arguments: [SearchSegments.jsonArray(documents)])
        while let row = try rows.next() { live[row[0]] = (row[1], row[2]) }
        return live
    }
}
