import GRDBSQLite
import SQLiteSettings
import TestSupport
import XCTest

/// kiosque_rank against FTS5's own bm25(), on a bare connection with the
/// store's kind of index (no copy of the text, kiosque's tokenizer).
final class SearchRankTests: XCTestCase {
    private var db: OpaquePointer?
    /// SQLite copies what is bound this way (its SQLITE_TRANSIENT).
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private let vocabulary = ["etat", "ecol", "elect", "sport", "budget", "sant", "vot", "fes", "rabat", "pluie"]

    override func setUpWithError() throws {
        XCTAssertEqual(sqlite3_open(":memory:", &db), SQLITE_OK)
        XCTAssertEqual(kiosque_register_search_tokenizer(db), SQLITE_OK)
        XCTAssertEqual(kiosque_register_search_rank(db), SQLITE_OK)
        XCTAssertEqual(sqlite3_exec(db, """
            CREATE VIRTUAL TABLE t USING fts5(title, body, content = '', tokenize = 'kiosque_terms')
            """, nil, nil, nil), SQLITE_OK)
        var generator = SeededGenerator(seed: 7)
        func text(_ words: Int) -> String {
            (0..<words).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
                .joined(separator: " ")
        }
        var insert: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(db, "INSERT INTO t (rowid, title, body) VALUES (?, ?, ?)", -1, &insert, nil),
                       SQLITE_OK)
        for row in 1...300 {
            sqlite3_bind_int64(insert, 1, Int64(row))
            sqlite3_bind_text(insert, 2, text(1 + Int(generator.next() % 6)), -1, transient)
            sqlite3_bind_text(insert, 3, text(Int(generator.next() % 40)), -1, transient)
            XCTAssertEqual(sqlite3_step(insert), SQLITE_DONE)
            sqlite3_reset(insert)
        }
        sqlite3_finalize(insert)
    }

    override func tearDown() { sqlite3_close(db) }

    /// Each matching row with FTS5's bm25 and kiosque's rank, in row order.
    private func ranks(_ query: String) -> [(row: Int64, bm25: Double, kiosque: Double)] {
        var statement: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(db, """
            SELECT rowid, bm25(t, 4.0, 1.0), kiosque_rank(t, 4.0, 1.0) FROM t WHERE t MATCH ? ORDER BY rowid
            """, -1, &statement, nil), SQLITE_OK)
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_text(statement, 1, query, -1, transient)
        var found: [(Int64, Double, Double)] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            found.append((sqlite3_column_int64(statement, 0), sqlite3_column_double(statement, 1),
                          sqlite3_column_double(statement, 2)))
        }
        return found
    }

    func testSeveralPhrasesRankAsBM25Does() {
        for query in ["etat AND ecol", "\"elect vot\" AND sport", "etat NOT ecol", "budget OR pluie OR fes",
                      "sant AND rabat AND pluie"] {
            let found = ranks(query)
            XCTAssertGreaterThan(found.count, 5, query)
            for (row, bm25, kiosque) in found {
                XCTAssertEqual(kiosque, bm25, accuracy: 1e-9 * abs(bm25), "\(query), row \(row)")
            }
        }
    }

    /// One phrase: the same order as bm25, each rank bm25's divided by the
    /// phrase's rarity (the same for every row).
    func testOnePhraseRanksInBM25sOrder() {
        for query in ["etat", "\"elect vot\"", "pluie"] {
            let found = ranks(query)
            XCTAssertGreaterThan(found.count, 20, query)
            let rarity = found[0].bm25 / found[0].kiosque
            XCTAssertGreaterThan(rarity, 0, query)
            for (row, bm25, kiosque) in found {
                XCTAssertLessThan(kiosque, 0, "\(query), row \(row): lower is better")
                XCTAssertEqual(kiosque * rarity, bm25, accuracy: 1e-9 * abs(bm25), "\(query), row \(row)")
            }
            XCTAssertEqual(found.sorted { ($0.bm25, $0.row) < ($1.bm25, $1.row) }.map(\.row),
                           found.sorted { ($0.kiosque, $0.row) < ($1.kiosque, $1.row) }.map(\.row), query)
        }
    }

    func testTitleWordsWeighMore() {
        XCTAssertEqual(sqlite3_exec(db, "INSERT INTO t (rowid, title, body) VALUES (1001, 'orage', 'vent'), (1002, 'vent', 'orage')",
                                    nil, nil, nil), SQLITE_OK)
        let found = ranks("orage")
        XCTAssertEqual(found.map(\.row), [1001, 1002])
        XCTAssertLessThan(found[0].kiosque, found[1].kiosque, "a title match ranks first")
    }
}
