import GRDBSQLite
import SQLiteSettings
import TestSupport
import XCTest

/// The search index's tokenizer on a bare connection: what FTS5 gets from
/// it, term by term, with each term's place.
final class SearchTokenizerTests: XCTestCase {
    private var db: OpaquePointer?

    override func setUpWithError() throws {
        XCTAssertEqual(sqlite3_open(":memory:", &db), SQLITE_OK)
        XCTAssertEqual(kiosque_register_search_tokenizer(db), SQLITE_OK)
    }

    override func tearDown() { sqlite3_close(db) }

    private func execute(_ sql: String) -> Int32 { sqlite3_exec(db, sql, nil, nil, nil) }

    /// Each indexed term with its byte offset, in order.
    private func instances() -> [(String, Int)] {
        XCTAssertEqual(execute("CREATE VIRTUAL TABLE temp.seen USING fts5vocab(main, t, 'instance')"), SQLITE_OK)
        var statement: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(db, "SELECT term, offset FROM temp.seen ORDER BY offset", -1, &statement, nil),
                       SQLITE_OK)
        defer { sqlite3_finalize(statement) }
        var found: [(String, Int)] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            found.append((String(cString: sqlite3_column_text(statement, 0)), Int(sqlite3_column_int(statement, 1))))
        }
        return found
    }

    func testTermsAreCutAtSpacesAndControlsOnlyAndKeptAsTheyAre() {
        XCTAssertEqual(execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'kiosque_terms')"), SQLITE_OK)
        XCTAssertEqual(execute("INSERT INTO t (x) VALUES ('  elect\taujourd''hui\n\nXY-z 3.5 éco ')"), SQLITE_OK)
        let found = instances()
        XCTAssertEqual(found.map(\.0), ["elect", "aujourd'hui", "XY-z", "3.5", "éco"],
                       "punctuation, case and accents are the analyzer's business: the terms come as they lie")
        XCTAssertEqual(found.map(\.1), [0, 1, 2, 3, 4], "one position per term, whatever the spaces between")
    }

    /// Terms of every length around the eight bytes tested at once, cut by
    /// every byte up to the space and by none above it (0x21, accents): the
    /// same terms, in the same places, as cutting the text byte by byte.
    func testTermsOfEveryLengthAreCutWhereTheByteByByteRuleCutsThem() {
        XCTAssertEqual(execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'kiosque_terms')"), SQLITE_OK)
        let letters: [[UInt8]] = [[0x21], [0x61], [0x7E], [0x7F], Array("é".utf8), Array("’".utf8), [0x41]]
        var generator = SeededGenerator(seed: 21)
        var text: [UInt8] = []
        var expected: [String] = []
        for _ in 0..<400 {
            let separators = 1 + Int(generator.next() % 3)
            for _ in 0..<separators { text.append(UInt8(1 + generator.next() % 0x20)) }
            var term: [UInt8] = []
            for _ in 0..<(1 + Int(generator.next() % 20)) { term += letters[Int(generator.next() % UInt64(letters.count))] }
            text += term
            expected.append(String(decoding: term, as: UTF8.self))
        }
        var statement: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(db, "INSERT INTO t (x) VALUES (?)", -1, &statement, nil), SQLITE_OK)
        text.withUnsafeBufferPointer { bytes in
            // Bound where they lie (no destructor): stepped while they live.
            _ = sqlite3_bind_text(statement, 1, bytes.baseAddress, Int32(bytes.count), nil)
            XCTAssertEqual(sqlite3_step(statement), SQLITE_DONE)
        }
        sqlite3_finalize(statement)
        let found = instances()
        XCTAssertEqual(found.map(\.0), expected)
        XCTAssertEqual(found.map(\.1), Array(0..<expected.count))
    }

    func testAnEmptyOrBlankTextHasNoTerms() {
        XCTAssertEqual(execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'kiosque_terms')"), SQLITE_OK)
        XCTAssertEqual(execute("INSERT INTO t (x) VALUES (''), ('   '), (char(9, 10, 13))"), SQLITE_OK)
        XCTAssertTrue(instances().isEmpty)
    }

    func testQueriesAreCutTheSameWay() {
        XCTAssertEqual(execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'kiosque_terms')"), SQLITE_OK)
        XCTAssertEqual(execute("INSERT INTO t (rowid, x) VALUES (1, 'ecol normal'), (2, 'normal ecol'), (3, 'aujourd''hui')"),
                       SQLITE_OK)
        func matches(_ query: String) -> [Int] {
            var statement: OpaquePointer?
            XCTAssertEqual(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", -1, &statement, nil),
                           SQLITE_OK)
            defer { sqlite3_finalize(statement) }
            sqlite3_bind_text(statement, 1, query, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            var rows: [Int] = []
            while sqlite3_step(statement) == SQLITE_ROW { rows.append(Int(sqlite3_column_int(statement, 0))) }
            return rows
        }
        XCTAssertEqual(matches("\"ecol  normal\""), [1])
        XCTAssertEqual(matches("\"aujourd'hui\""), [3])
        XCTAssertEqual(matches("\"hui\""), [], "an apostrophe inside a term does not cut it")
    }

    func testOptionsAreRefused() {
        XCTAssertNotEqual(execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'kiosque_terms remove_diacritics 2')"),
                          SQLITE_OK)
    }

    func testAConnectionWithoutItCannotUseTheIndex() {
        var other: OpaquePointer?
        XCTAssertEqual(sqlite3_open(":memory:", &other), SQLITE_OK)
        defer { sqlite3_close(other) }
        XCTAssertNotEqual(sqlite3_exec(other, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'kiosque_terms')", nil, nil, nil),
                          SQLITE_OK, "registered on one connection only")
    }
}
