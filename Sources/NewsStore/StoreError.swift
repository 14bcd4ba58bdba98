import GRDB

/// A store failure said for a person: what went wrong and what to do.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// Translates SQLite's codes into the few situations a reader can act on.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let db = error as? DatabaseError else {
            return StoreError("base \(path) : \(error)")
        }
        switch db.resultCode {
        case .SQLITE_FULL:
            return StoreError("disque plein : la base \(path) n'a pas été modifiée ; libérez de la place puis recommencez")
        case .SQLITE_READONLY, .SQLITE_PERM:
            return StoreError("base en lecture seule : \(path) ; vérifiez les droits du fichier et de son dossier")
        case .SQLITE_CANTOPEN:
            return StoreError("impossible d'ouvrir la base \(path) ; vérifiez que le dossier existe et est accessible")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError("\(path) n'est pas une base kiosque valide (fichier abîmé ou d'un autre programme)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError("base \(path) occupée trop longtemps par un autre processus ; réessayez")
        default:
            return StoreError("base \(path) : \(db.message ?? "erreur SQLite \(db.resultCode.rawValue)")")
        }
    }
}

/// How an import changed the store.
public struct SaveOutcome: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var teasersAdded = 0
    public var teasersSeen = 0

    public init() {}

    public static func + (a: SaveOutcome, b: SaveOutcome) -> SaveOutcome {
        var sum = SaveOutcome()
        sum.added = a.added + b.added
        sum.updated = a.updated + b.updated
        sum.unchanged = a.unchanged + b.unchanged
        sum.teasersAdded = a.teasersAdded + b.teasersAdded
        sum.teasersSeen = a.teasersSeen + b.teasersSeen
        return sum
    }
}
