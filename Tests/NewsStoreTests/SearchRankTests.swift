import GRDB
import GRDBSQLite
import SQLiteSettings
import TestSupport
import XCTest
@testable import NewsStore

/// kiosque's index and ranking against FTS5's own matching and bm25(), on
/// the same 300 rows of terms (FTS5 on a bare connection, with kiosque's
/// tokenizer): the same rows match, ranked the same.
final class SearchRankTests: StoreTestCase {
    private var fts: OpaquePointer?
    private var store: NewsStore!
    /// SQLite copies what is bound this way (its SQLITE_TRANSIENT).
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private let vocabulary = ["etat", "ecol", "elect", "sport", "budget", "sant", "vot", "fes", "rabat", "pluie"]

    override func setUpWithError() throws {
        try super.setUpWithError()
        XCTAssertEqual(sqlite3_open(":memory:", &fts), SQLITE_OK)
        XCTAssertEqual(kiosque_register_search_tokenizer(fts), SQLITE_OK)
        XCTAssertEqual(sqlite3_exec(fts, """
            CREATE VIRTUAL TABLE t USING fts5(title, body, content = '', tokenize = 'kiosque_terms')
            """, nil, nil, nil), SQLITE_OK)
        store = try makeStore()
        var generator = SeededGenerator(seed: 7)
        func text(_ words: Int) -> String {
            (0..<words).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
                .joined(separator: " ")
        }
        var rows: [(Int64, String, String)] = []
        for row in 1...300 {
            rows.append((Int64(row), text(1 + Int(generator.next() % 6)), text(Int(generator.next() % 40))))
        }
        try add(rows)
    }

    /// The rows to both indexes; kiosque's in two writes, so in two segments.
    private func add(_ rows: [(id: Int64, title: String, body: String)]) throws {
        var insert: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(fts, "INSERT INTO t (rowid, title, body) VALUES (?, ?, ?)", -1, &insert, nil),
                       SQLITE_OK)
        for row in rows {
            sqlite3_bind_int64(insert, 1, row.id)
            sqlite3_bind_text(insert, 2, row.title, -1, transient)
            sqlite3_bind_text(insert, 3, row.body, -1, transient)
            XCTAssertEqual(sqlite3_step(insert), SQLITE_DONE)
            sqlite3_reset(insert)
        }
        sqlite3_finalize(insert)
        let half = rows.count / 2
        for part in [rows[..<half], rows[half...]] {
            try store.write { db in
                let statement = try PendingSearchIndex.documentInsert(in: db)
                for row in part {
                    try store.searchIndex.add(article: row.id, terms: SearchTerms(analysedTitle: row.title, analysedBody: row.body),
                                              insert: statement, db: db)
                }
                try store.searchIndex.flush(db)
            }
        }
    }

    override func tearDownWithError() throws {
        sqlite3_close(fts)
        try super.tearDownWithError()
    }

    /// FTS5's matching rows with bm25, by row.
    private func bm25(_ query: String) -> [Int64: Double] {
        var statement: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(fts, "SELECT rowid, bm25(t, 4.0, 1.0) FROM t WHERE t MATCH ?", -1, &statement, nil),
                       SQLITE_OK)
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_text(statement, 1, query, -1, transient)
        var found: [Int64: Double] = [:]
        while sqlite3_step(statement) == SQLITE_ROW {
            found[sqlite3_column_int64(statement, 0)] = sqlite3_column_double(statement, 1)
        }
        return found
    }

    /// kiosque's matching rows with their rank, by row.
    private func kiosque(_ required: [[String]], excluded: [[String]] = []) throws -> [Int64: Double] {
        let matches = try store.read { db in
            try SearchIndexQuery.best(required: required, excluded: excluded, limit: 1_000, candidates: 2_000,
                                      titleWeight: 4, db: db)
        }
        XCTAssertEqual(matches.map(\.rank), matches.map(\.rank).sorted(), "best first")
        return Dictionary(uniqueKeysWithValues: matches.map { ($0.article, $0.rank) })
    }

    func testSeveralPhrasesMatchAndRankAsFTS5AndBM25Do() throws {
        let queries: [(String, [[String]], [[String]])] = [
            ("etat AND ecol", [["etat"], ["ecol"]], []),
            ("\"elect vot\" AND sport", [["elect", "vot"], ["sport"]], []),
            ("etat NOT ecol", [["etat"]], [["ecol"]]),
            ("sant AND rabat AND pluie", [["sant"], ["rabat"], ["pluie"]], []),
            ("\"fes fes\" AND budget", [["fes", "fes"], ["budget"]], []),
        ]
        for (fts5Query, required, excluded) in queries {
            let expected = bm25(fts5Query)
            let found = try kiosque(required, excluded: excluded)
            XCTAssertGreaterThan(expected.count, 5, fts5Query)
            XCTAssertEqual(Set(found.keys), Set(expected.keys), fts5Query)
            for (row, rank) in found {
                XCTAssertEqual(rank, expected[row] ?? 0, accuracy: 1e-9 * abs(rank), "\(fts5Query), row \(row)")
            }
        }
    }

    /// One phrase: the same rows in the same order as bm25, each rank
    /// bm25's divided by the phrase's rarity (the same for every row).
    func testOnePhraseRanksInBM25sOrder() throws {
        for (fts5Query, phrase) in [("etat", ["etat"]), ("\"elect vot\"", ["elect", "vot"]), ("pluie", ["pluie"])] {
            let expected = bm25(fts5Query)
            let found = try kiosque([phrase])
            XCTAssertGreaterThan(found.count, 20, fts5Query)
            XCTAssertEqual(Set(found.keys), Set(expected.keys), fts5Query)
            let rarity = expected.first!.value / found[expected.first!.key]!
            XCTAssertGreaterThan(rarity, 0, fts5Query)
            for (row, rank) in found {
                XCTAssertLessThan(rank, 0, "\(fts5Query), row \(row): lower is better")
                XCTAssertEqual(rank * rarity, expected[row]!, accuracy: 1e-9 * abs(rank * rarity), "\(fts5Query), row \(row)")
            }
        }
    }

    func testTitleWordsWeighMore() throws {
        try add([(1001, "orage", "vent"), (1002, "vent", "orage")])
        let found = try kiosque([["orage"]])
        XCTAssertEqual(found.count, 2)
        XCTAssertLessThan(found[1001]!, found[1002]!, "a title match ranks first")
    }

    /// An article changed leaves its old postings behind in an older
    /// segment: they find nothing, and the counts follow the new version.
    func testAChangedArticleIsFoundByItsNewTermsOnly() throws {
        try add([(1001, "orage", "vent")])
        XCTAssertEqual(Set(try kiosque([["orage"]]).keys), [1001])
        try store.write { db in
            try store.searchIndex.remove(article: 1001, db: db)
            let statement = try PendingSearchIndex.documentInsert(in: db)
            try store.searchIndex.add(article: 1001, terms: SearchTerms(analysedTitle: "grel", analysedBody: ""),
                                      insert: statement, db: db)
            try store.searchIndex.flush(db)
        }
        XCTAssertEqual(Set(try kiosque([["orage"]]).keys), [])
        XCTAssertEqual(Set(try kiosque([["grel"]]).keys), [1001])
        let documents = try store.read { db in try Int.fetchOne(db, sql: "SELECT documents FROM search_total") }
        XCTAssertEqual(documents, 301)
    }
}
