import GRDB
import GRDBSQLite

/// A statement prepared and run with SQLite's own calls, on GRDB's
/// connection and inside GRDB's transaction.
///
/// An import runs a handful of statements a hundred thousand times each.
/// Through GRDB, every value becomes a boxed `DatabaseValue` in an array
/// (twenty for an article row) before it is bound, and that cost as much
/// as SQLite's own work on the row; here values go straight to
/// `sqlite3_bind_*`. Only the writer's hot statements use it: everything
/// else goes through GRDB as usual.
final class RawStatement {
    private let handle: OpaquePointer
    private let db: Database
    let sql: String

    init(_ sql: String, in db: Database) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(db.sqliteConnection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
        }
        self.handle = handle
        self.db = db
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    // Parameters are numbered from 1, as SQLite counts them.

    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { bindText(index, $0) }
    }

    private func bindText(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        // SQLITE_TRANSIENT: SQLite copies the text before this returns.
        if let base = bytes.baseAddress {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Self.transient)
            }
        } else {
            _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) {
        bind(index, value.map(Int64.init))
    }

    func bind(_ index: Int32, _ value: Bool) {
        sqlite3_bind_int64(handle, index, value ? 1 : 0)
    }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Runs the statement to its end.
    func run() throws {
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_DONE: return
            case SQLITE_ROW: continue
            case let code: throw failure(code)
            }
        }
    }

    /// Runs the statement with these texts bound where they lie
    /// (SQLITE_STATIC): with SQLITE_TRANSIENT, SQLite copied each into
    /// memory of its own first (a dozen allocations per article at import).
    /// Every parameter is unbound (NULL) again before this returns, so
    /// SQLite never holds the bytes past their lifetime.
    func run(texts: [(index: Int32, value: String?)] = [], utf8: [(index: Int32, value: [UInt8])] = []) throws {
        defer { sqlite3_clear_bindings(handle) }
        try binding(texts, from: 0, then: utf8)
    }

    private func binding(_ texts: [(index: Int32, value: String?)], from k: Int,
                         then arrays: [(index: Int32, value: [UInt8])]) throws {
        guard k < texts.count else {
            try binding(arrays, from: 0)
            return
        }
        guard var value = texts[k].value else {
            sqlite3_bind_null(handle, texts[k].index)
            try binding(texts, from: k + 1, then: arrays)
            return
        }
        // The bytes stay where they are until the closure returns, and the
        // statement has run by then.
        try value.withUTF8 { bytes in
            bindStatic(texts[k].index, bytes)
            try binding(texts, from: k + 1, then: arrays)
        }
    }

    private func binding(_ arrays: [(index: Int32, value: [UInt8])], from k: Int) throws {
        guard k < arrays.count else { return try run() }
        try arrays[k].value.withUnsafeBufferPointer { bytes in
            bindStatic(arrays[k].index, bytes)
            try binding(arrays, from: k + 1)
        }
    }

    private func bindStatic(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return bindText(index, bytes) }   // empty: nothing to point at
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), nil)   // no destructor: SQLITE_STATIC
        }
    }

    /// Runs a query and reads its first row, if any, with `read` (given
    /// the statement, for `sqlite3_column_*`).
    func firstRow<T>(_ read: (OpaquePointer) -> T) throws -> T? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_DONE: return nil
        case SQLITE_ROW: return read(handle)
        case let code: throw failure(code)
        }
    }

    /// The error as GRDB reports it, so the store's errors read the same
    /// whichever way the statement ran (a full disk is "disque plein").
    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
