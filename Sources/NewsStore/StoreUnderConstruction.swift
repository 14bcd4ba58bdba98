import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A new store filled where no other process looks, then put in place
/// whole: the first import of a large collection.
///
/// A store in place writes every page twice (to its journal, then into the
/// file) so that readers can go on during an import and a crash loses
/// nothing committed. A store that does not exist yet has no readers to
/// serve: it is built in a hidden file beside it (".NAME.building-PID"),
/// each page written once, and linked under its name only when the import
/// is over. Until then the store simply does not exist. If the process
/// dies, the hidden file is left behind, never under the store's name; the
/// next first import removes it once its process is gone. The first
/// process to open the published store turns on WAL mode, as for any store.
public final class StoreUnderConstruction {
    public let store: NewsStore
    private let path: String
    private let buildingPath: String
    private var published = false
    /// The file's pages go to the disk as they are written (see
    /// `BackgroundWriteback`).
    private let writeback: BackgroundWriteback?

    /// Nil when a file is already at `path` (the store is then used in
    /// place, as usual).
    public static func begin(at path: String) throws(StoreError) -> StoreUnderConstruction? {
        guard !FileManager.default.fileExists(atPath: path) else { return nil }
        try NewsStore.createFolder(for: path)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".building-"
        removeAbandoned(in: folder, prefix: prefix)
        let buildingPath = folder + "/" + prefix + String(getpid())
        try? FileManager.default.removeItem(atPath: buildingPath)
        let store = try NewsStore(building: path, openPath: buildingPath)
        return StoreUnderConstruction(store: store, path: path, buildingPath: buildingPath)
    }

    private init(store: NewsStore, path: String, buildingPath: String) {
        self.store = store
        self.path = path
        self.buildingPath = buildingPath
        writeback = BackgroundWriteback(path: buildingPath)
    }

    deinit {
        writeback?.stop()
        if !published { unlink(buildingPath) }
    }

    /// Puts the store in place, on disk first. False when another process
    /// made a store at the same path meanwhile: this one is then dropped,
    /// and its documents must be imported into that one.
    public func publish() throws(StoreError) -> Bool {
        try store.close()
        writeback?.stop()
        let file = open(buildingPath, O_RDWR | O_CLOEXEC)
        guard file >= 0 else { throw failure("fichier en construction introuvable") }
        let synced = fsync(file) == 0
        close(file)
        guard synced else { throw failure("écriture sur le disque impossible") }
        // link() refuses to replace a file: a store made meanwhile is kept.
        if link(buildingPath, path) != 0 {
            if errno == EEXIST { return false }
            throw failure("impossible de créer le fichier")
        }
        published = true
        unlink(buildingPath)
        let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY)
        if folder >= 0 {
            _ = fsync(folder)   // the new name, on disk too
            close(folder)
        }
        return true
    }

    /// Hidden files left by imports whose process died.
    private static func removeAbandoned(in folder: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    private func failure(_ reason: String) -> StoreError {
        if errno == ENOSPC {
            return StoreError("disque plein : la base \(path) n'a pas été créée ; libérez de la place puis recommencez")
        }
        return StoreError("base \(path) : \(reason) (\(String(cString: strerror(errno))))")
    }
}
