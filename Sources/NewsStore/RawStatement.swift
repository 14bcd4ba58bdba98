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

    /// Texts given to the next run, copied one after the other into memory
    /// the statement keeps from run to run, and bound where they lie there
    /// (SQLITE_STATIC) just before it steps. Bound as SQLITE_TRANSIENT,
    /// SQLite made a copy of its own of each: a dozen allocations per
    /// article at import.
    /// (Accessed by one thread at a time, through this class only: the
    /// run-time exclusivity checks of each access are left out.)
    @exclusivity(unchecked) private var staged: [UInt8] = []
    @exclusivity(unchecked) private var stagedTexts: [(index: Int32, start: Int, count: Int)] = []

    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        let start = staged.count
        value.withUTF8 { staged.append(contentsOf: $0) }
        stagedTexts.append((index, start, staged.count - start))
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

    /// Runs the statement to its end; a `utf8` text (a body's JSON) is
    /// bound where it lies, as the staged ones are.
    func run(utf8 text: (index: Int32, value: [UInt8])? = nil) throws {
        try stepping(text) {
            while true {
                switch sqlite3_step(handle) {
                case SQLITE_DONE: return
                case SQLITE_ROW: continue
                case let code: throw failure(code)
                }
            }
        }
    }

    /// Runs the statement to its end with `first` and `second` bound as
    /// blobs where they lie.
    func run(blobs first: (index: Int32, value: UnsafeBufferPointer<UInt8>),
             _ second: (index: Int32, value: UnsafeBufferPointer<UInt8>)) throws {
        try stepping(nil) {
            bindInPlace(first.index, first.value, blob: true)
            bindInPlace(second.index, second.value, blob: true)
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else { throw failure(code) }
        }
    }

    /// Runs a query and reads its first row, if any, with `read` (given
    /// the statement, for `sqlite3_column_*`).
    func firstRow<T>(_ read: (OpaquePointer) -> T) throws -> T? {
        try stepping(nil) {
            switch sqlite3_step(handle) {
            case SQLITE_DONE: return nil
            case SQLITE_ROW: return read(handle)
            case let code: throw failure(code)
            }
        }
    }

    /// Binds the staged texts and `text` where they lie, runs `step`, then
    /// resets the statement and unbinds every parameter, so SQLite never
    /// holds bytes past their lifetime.
    private func stepping<T>(_ text: (index: Int32, value: [UInt8])?, _ step: () throws -> T) throws -> T {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            staged.removeAll(keepingCapacity: true)
            stagedTexts.removeAll(keepingCapacity: true)
        }
        return try staged.withUnsafeBufferPointer { texts in
            for text in stagedTexts {
                bindInPlace(text.index, UnsafeBufferPointer(rebasing: texts[text.start..<(text.start + text.count)]))
            }
            return try withBytes(text, step)
        }
    }

    private func withBytes<T>(_ bytes: (index: Int32, value: [UInt8])?, _ body: () throws -> T) throws -> T {
        guard let bytes else { return try body() }
        return try bytes.value.withUnsafeBufferPointer { buffer in
            bindInPlace(bytes.index, buffer)
            return try body()
        }
    }

    private func bindInPlace(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>, blob: Bool = false) {
        if blob {
            // An empty blob is still a blob, not NULL: give it somewhere to point.
            _ = sqlite3_bind_blob(handle, index, UnsafeRawPointer(bytes.baseAddress) ?? UnsafeRawPointer(handle), Int32(bytes.count), nil)
            return
        }
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)   // empty: nothing to point at
            return
        }
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), nil)   // no destructor: SQLITE_STATIC
        }
    }

    /// The rows the connection's last insert, update or delete changed,
    /// and the last row it inserted: asked of SQLite directly (through GRDB,
    /// each question first checks which thread asks).
    var changedRows: Int { Int(sqlite3_changes(db.sqliteConnection)) }
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(db.sqliteConnection) }

    /// The error as GRDB reports it, so the store's errors read the same
    /// whichever way the statement ran (a full disk is "disque plein").
    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
