import Foundation
import GRDB
import NewsModel
import XCTest
@testable import NewsStore

/// The index's segments on disk: many terms spread over blocks, segments
/// merged sixteen at a time, damage found by the store's check.
final class SearchSegmentTests: StoreTestCase {
    /// A made-up word for each number, the same every time: "zb", "zc"…
    private func word(_ n: Int) -> String {
        let letters = Array("bcdfghjklmnpqrstvwxz")
        var n = n, word = "z"
        repeat {
            word.append(letters[n % letters.count])
            n /= letters.count
        } while n > 0
        return word
    }

    private func segments(_ store: NewsStore) throws -> [(segment: Int64, level: Int)] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT segment, level FROM search_segment ORDER BY last_document")
                .map { ($0["segment"], $0["level"]) }
        }
    }

    func testEveryTermOfManyBlocksIsFound() throws {
        let store = try makeStore()
        // 10,000 words over 100 articles: the segment holds many blocks.
        try store.save(articles: (0..<100).map { n in
            article("Dépêche \(n)", guid: "\(n)", body: (0..<100).map { "k\(n * 100 + $0)" }.joined(separator: " "))
        })
        let blocks = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_block") ?? 0 }
        XCTAssertGreaterThan(blocks, 3)
        for n in stride(from: 0, to: 10_000, by: 23) {
            let hits = try store.search("k\(n)")
            XCTAssertEqual(hits.map(\.headline.title), ["Dépêche \(n / 100)"], "k\(n)")
        }
        XCTAssertEqual(try store.search("zzzzzz").count, 0)
        XCTAssertEqual(try store.integrityProblems(), [])
    }

    /// Blocks are filled up to `blockSize`, which fits SQLite's pages
    /// (see there); only a term whose list is longer has a block of its own
    /// past it.
    func testBlocksAreFilledUpToTheirSize() throws {
        let store = try makeStore()
        // Rare words, and "commun" four times in every article: a list
        // longer than a block.
        try store.save(articles: (0..<3_000).map { n in
            article("Dépêche \(n)", guid: "\(n)",
                    body: "commun commun commun commun " + (0..<20).map { "k\(n * 20 + $0)" }.joined(separator: " "))
        })
        let blocks = try store.read { db in
            try Data.fetchAll(db, sql: "SELECT entries FROM search_block ORDER BY segment, first_term").map { Array($0) }
        }
        let sizes = blocks.map { block in
            block.withUnsafeBytes { bytes in
                var offset = 0
                var sizes: [Int] = []
                while let entry = SearchSegments.entry(in: bytes, at: &offset) {
                    sizes.append(SearchSegments.entrySize(term: entry.term.count, documents: entry.documents,
                                                          postings: entry.postings.count))
                }
                XCTAssertEqual(offset, bytes.count)
                return sizes
            }
        }
        XCTAssertEqual(sizes.map { $0.reduce(0, +) }, blocks.map(\.count), "entrySize counts every byte")
        XCTAssertTrue(sizes.contains { $0.count == 1 && $0[0] > SearchSegments.blockSize }, "commun's list")
        for (index, block) in sizes.enumerated().dropLast() where block.count > 1 {
            let total = block.reduce(0, +)
            XCTAssertLessThanOrEqual(total, SearchSegments.blockSize)
            // The next entry did not fit, or was a list alone.
            if let next = sizes[index + 1].first, sizes[index + 1].count > 1 {
                XCTAssertGreaterThan(total + next, SearchSegments.blockSize, "block \(index) closed early")
            }
        }
        XCTAssertEqual(try store.search("k12345").map(\.headline.title), ["Dépêche \(12_345 / 20)"])
    }

    func testSixteenSegmentsMergeIntoOneAndSearchesStayTheSame() throws {
        let store = try makeStore()
        for n in 0..<15 {
            try store.save(articles: [article("Conseil \(n)", guid: "\(n)", body: "Le conseil municipal \(word(n)) vote.")])
        }
        XCTAssertEqual(try segments(store).map(\.level), Array(repeating: 0, count: 15))
        let before = try store.search("\"conseil municipal\" vote", limit: 50).map(\.headline.title)
        XCTAssertEqual(before.count, 15)

        try store.save(articles: [article("Conseil 15", guid: "15", body: "Le conseil municipal \(word(15)) vote.")])
        XCTAssertEqual(try segments(store).map(\.level), [1], "sixteen of level 0 make one of level 1")
        try store.save(articles: [article("Conseil 16", guid: "16", body: "Le conseil municipal \(word(16)) vote.")])
        XCTAssertEqual(try segments(store).map(\.level), [1, 0])

        let after = try store.search("\"conseil municipal\" vote", limit: 50).map(\.headline.title)
        XCTAssertEqual(Set(after), Set(before + ["Conseil 15", "Conseil 16"]))
        for n in 0..<17 {
            XCTAssertEqual(try store.search(word(n)).map(\.headline.title), ["Conseil \(n)"], word(n))
        }
        // Changed after the merge: its old terms, in the merged segment, find nothing.
        try store.save(articles: [article("Conseil 3", guid: "3", body: "Séance levée.")])
        XCTAssertEqual(try store.search(word(3)).count, 0)
        XCTAssertEqual(try store.search("séance").map(\.headline.title), ["Conseil 3"])
        XCTAssertEqual(try store.integrityProblems(), [])
    }

    /// A merged segment can span a larger segment written between the ones
    /// it merged; the matches ranked are still the newest ones.
    func testTheNewestMatchesAreRankedWhenAMergedSegmentSpansALargerOne() throws {
        let store = try makeStore()
        func single(_ n: Int) throws { try store.save(articles: [article("Dépêche \(n)", guid: "\(n)", body: "commun")]) }
        for n in 0..<8 { try single(n) }
        try store.save(articles: (8..<18).map { article("Dépêche \($0)", guid: "\($0)", body: "commun") })
        // As a large import's segment is: above the level of the small ones.
        try store.write { db in try db.execute(sql: "UPDATE search_segment SET level = 1 WHERE segment = (SELECT max(segment) FROM search_segment)") }
        for n in 18..<26 { try single(n) }
        let spans = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT first_document, last_document FROM search_segment ORDER BY last_document DESC")
                .map { [$0[0] as Int64, $0[1] as Int64] }
        }
        XCTAssertEqual(spans.count, 2, "the sixteen small segments merged")
        XCTAssertTrue(spans[0][0] < spans[1][0] && spans[1][1] < spans[0][1], "the merged one spans the larger: \(spans)")

        let titles = try store.read { db in
            try SearchIndexQuery.best(required: [["commun"]], excluded: [], limit: 100, candidates: 12, titleWeight: 4,
                                      db: db)
                .map { try String.fetchOne(db, sql: "SELECT title FROM article WHERE id = ?", arguments: [$0.article])! }
        }
        XCTAssertEqual(Set(titles), Set((14..<26).map { "Dépêche \($0)" }))
    }

    /// A merge leaves out the old versions of articles changed since.
    func testAMergeLeavesOutTheOldVersionsOfChangedArticles() throws {
        let store = try makeStore()
        try store.save(articles: [article("Brève", guid: "0", body: "Première version \(word(100)).")])
        try store.save(articles: [article("Brève", guid: "0", body: "Seconde version \(word(101)).")])
        for n in 2..<16 { try store.save(articles: [article("Autre \(n)", guid: "\(n)")]) }
        XCTAssertEqual(try segments(store).map(\.level), [1])
        let entries = try store.read { db in
            try SearchSegments.segments(db).compactMap { try SearchSegments.lookUp(Array(word(100).utf8), segment: $0, in: db) }
        }
        XCTAssertTrue(entries.isEmpty, "the first version's term went with the merge")
        XCTAssertEqual(try store.search(word(101)).map(\.headline.title), ["Brève"])
        XCTAssertEqual(try store.search("version").count, 1)
        XCTAssertEqual(try store.integrityProblems(), [])
    }

    /// Past half a million terms in one column, the rest of an article is
    /// counted but not indexed, and nothing breaks.
    func testAnArticleLongerThanThePositionsGoIsIndexedUpToTheLast() throws {
        let store = try makeStore()
        let long = Array(repeating: "pluie vent", count: PendingPostings.lastPosition / 2 + 10).joined(separator: " ") + " grel"
        try store.write { db in
            let insert = try PendingSearchIndex.documentInsert(in: db)
            try store.searchIndex.add(article: 7, terms: SearchTerms(analysedTitle: "orag", analysedBody: long),
                                      insert: insert, db: db)
            try store.searchIndex.flush(db)
        }
        let found = { (terms: [[String]]) in
            try store.read { db in
                try SearchIndexQuery.best(required: terms, excluded: [], limit: 5, candidates: 10, titleWeight: 4, db: db)
            }.map(\.article)
        }
        XCTAssertEqual(try found([["pluie", "vent"]]), [7])
        XCTAssertEqual(try found([["orag"]]), [7])
        XCTAssertEqual(try found([["grel"]]), [], "past the last position")
        let length = try store.read { db in try Int.fetchOne(db, sql: "SELECT body_terms FROM search_doc") }
        XCTAssertEqual(length, (PendingPostings.lastPosition / 2 + 10) * 2 + 1, "every term counted")
    }

    func testAnEntryCutShortIsDamage() throws {
        let store = try makeStore()
        try store.save(articles: [article("Les élections à Fès", guid: "1", body: "Le scrutin municipal approche.")])
        try store.write { db in try db.execute(sql: "UPDATE search_block SET entries = entries || x'05'") }
        XCTAssertEqual(try store.integrityProblems(), ["index de recherche endommagé"])
    }

    func testADamagedBlockIsReportedByTheCheck() throws {
        let store = try makeStore()
        try store.save(articles: [article("Les élections à Fès", guid: "1", body: "Le scrutin municipal approche.")])
        XCTAssertEqual(try store.integrityProblems(), [])
        try store.write { db in
            try db.execute(sql: "UPDATE search_block SET entries = substr(entries, 1, length(entries) - 3)")
        }
        XCTAssertEqual(try store.integrityProblems(), ["index de recherche endommagé"])
        XCTAssertThrowsError(try store.search("scrutin"))
    }
}
