import Foundation
import GRDB
import NewsModel

/// The one SQLite file that holds a reader's articles, teasers and flags.
///
/// WAL mode lets readers go on while one process writes, and the busy timeout
/// makes concurrent writers (several people on one machine) wait their turn
/// instead of failing with "database is locked".
public final class NewsStore: Sendable {
    let pool: DatabasePool
    public let path: String

    /// `beforeReindex` is told how many articles there are when the search
    /// index must be rebuilt first (a store from an older version): that
    /// takes seconds for a large store, once, and the person waiting should
    /// know why.
    public init(path: String, beforeReindex: (Int) -> Void = { _ in }) throws(StoreError) {
        self.path = path
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError("impossible de créer le dossier de la base \(path) : \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.label = "kiosque"
        configuration.prepareDatabase { db in
            // Pages of 16 KiB rather than 4: a large import writes half as
            // long (fewer, larger writes, and an article's row fits a page
            // with others). Only a new, empty file takes it (before WAL mode
            // is set); an existing store keeps its size and ignores this.
            try db.execute(sql: "PRAGMA page_size = 16384")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
        } catch {
            throw StoreError.from(error, path: path)
        }
        try reindexIfNeeded(before: beforeReindex)
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

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch { throw StoreError.from(error, path: path) }
    }
}
