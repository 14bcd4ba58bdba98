import Foundation
import GRDB
import GRDBSQLite
import NewsModel
import SQLiteSettings

/// The one SQLite file that holds a reader's articles, teasers and flags.
///
/// WAL mode lets readers go on while one process writes, and the busy timeout
/// makes concurrent writers (several people on one machine) wait their turn
/// instead of failing with "database is locked".
public final class NewsStore: Sendable {
    /// A pool (WAL mode) for a store in place; a queue for one still being
    /// built out of sight (see `StoreUnderConstruction`).
    let pool: any DatabaseWriter
    public let path: String
    /// A store under construction: its documents may share a transaction
    /// (`importDocumentInGroup`).
    public let groupsDocuments: Bool
    /// The search terms the write under way has not put in the index yet.
    let searchIndex = PendingSearchIndex()

    /// `beforeReindex` is told how many articles there are when the search
    /// index must be rebuilt first (a store from an older version): that
    /// takes seconds for a large store, once, and the person waiting should
    /// know why.
    public convenience init(path: String, beforeReindex: (Int) -> Void = { _ in }) throws(StoreError) {
        try Self.createFolder(for: path)
        try self.init(path: path, configuration: Self.configuration(), groupsDocuments: false,
                      beforeReindex: beforeReindex) {
            try DatabasePool(path: path, configuration: $0)
        }
    }

    /// A store opened to read only, for the commands that change nothing
    /// (search, list, show): one read-only connection, where the usual
    /// opening made a writer, set up the journal's files, and at the end
    /// checkpointed and removed them again (6 of a search's 22 ms). A store
    /// that does not exist yet, or needs a migration or its search index
    /// rebuilt, is opened the usual way, which does that first.
    public static func forReading(path: String, beforeReindex: (Int) -> Void = { _ in }) throws(StoreError) -> NewsStore {
        if FileManager.default.fileExists(atPath: path), let store = try? NewsStore(readingOnly: path),
           (try? store.isCurrent) == true {
            return store
        }
        return try NewsStore(path: path, beforeReindex: beforeReindex)
    }

    private init(readingOnly path: String) throws {
        self.path = path
        groupsDocuments = false
        Self.sqliteSettings
        var configuration = Self.configuration()
        configuration.readonly = true
        pool = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Every migration applied and the search index complete.
    private var isCurrent: Bool {
        get throws {
            try pool.read { db in
                try Migrations.migrator.hasCompletedMigrations(db) && Self.hasCompleteIndex(db)
            }
        }
    }

    /// A store in a file only this process can see (`openPath` names it),
    /// written without a journal file: its pages are written once, and a
    /// failing document is rolled back from memory. Messages name `path`,
    /// where it will be published.
    convenience init(building path: String, openPath: String) throws(StoreError) {
        var configuration = Self.configuration()
        // Its rows are written by the import alone, which links only the
        // articles and images it has just inserted or found: checking each
        // link against both tables was a hundredth of a large import.
        // `check` looks at the references of a published store.
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            // Nobody else can open the file and a crash discards it whole:
            // neither a journal on disk nor waiting for the disk buys anything.
            try db.execute(sql: "PRAGMA journal_mode = MEMORY")
            try db.execute(sql: "PRAGMA synchronous = OFF")
        }
        // Grouped documents keep a transaction open from one access to the next.
        configuration.allowsUnsafeTransactions = true
        try self.init(path: path, configuration: configuration, groupsDocuments: true, beforeReindex: { _ in }) {
            try DatabaseQueue(path: openPath, configuration: $0)
        }
    }

    private init(path: String, configuration: Configuration, groupsDocuments: Bool, beforeReindex: (Int) -> Void,
                 open: (Configuration) throws -> any DatabaseWriter) throws(StoreError) {
        self.path = path
        self.groupsDocuments = groupsDocuments
        Self.sqliteSettings
        do {
            pool = try open(configuration)
            try Migrations.migrator.migrate(pool)
        } catch {
            throw StoreError.from(error, path: path)
        }
        try reindexIfNeeded(before: beforeReindex)
    }

    /// Set once, before the process first opens a store. Debian's SQLite
    /// keeps statistics of its memory: every allocation and release then
    /// takes a lock and asks the allocator for the block's size, a
    /// twentieth of the writer's time at import, for figures nothing reads.
    private static let sqliteSettings: Void = {
        _ = kiosque_sqlite_stop_memory_statistics()
    }()

    /// The store's folder, made when missing.
    static func createFolder(for path: String) throws(StoreError) {
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError("impossible de créer le dossier de la base \(path) : \(error.localizedDescription)")
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.label = "kiosque"
        configuration.prepareDatabase { db in
            // The FTS5 index of schemas v10 and v11 cut its text with
            // kiosque's tokenizer: a store of those versions can only drop
            // that index (migration v12) on a connection that knows it, and
            // a new store makes and drops it on the way to v12.
            guard kiosque_register_search_tokenizer(db.sqliteConnection) == SQLITE_OK else {
                throw DatabaseError(resultCode: .SQLITE_ERROR, message: "recherche impossible : cette version de SQLite n'a pas FTS5")
            }
            // Pages of 16 KiB rather than 4: a large import writes half as
            // long (fewer, larger writes, and an article's row fits a page
            // with others). Only a new, empty file takes it (before WAL mode
            // is set); an existing store keeps its size and ignores this.
            try db.execute(sql: "PRAGMA page_size = 16384")
        }
        return configuration
    }

    /// Closes a store under construction before it is published, its group
    /// of documents committed.
    func close() throws(StoreError) {
        try commitGroup()
        do { try (pool as? DatabaseQueue)?.close() } catch { throw StoreError.from(error, path: path) }
    }

    /// `$KIOSQUE_STORE`, else `$XDG_DATA_HOME/kiosque/kiosque.sqlite`, else
    /// `~/.local/share/kiosque/kiosque.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["KIOSQUE_STORE"], !explicit.isEmpty { return explicit }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/kiosque/kiosque.sqlite"
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError.from(error, path: path) }
    }

    /// A write in its own transaction: a group of documents under way is
    /// committed first.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try commitGroup()
        do {
            return try pool.write { db in try searchIndex.discardingOnFailure { try body(db) } }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }
}
