import GRDB

extension NewsStore {
    /// What SQLite's own checks find wrong with the file (empty when it is
    /// sound), plus any article whose search entry is missing, and a search
    /// index that cannot be read whole.
    public func integrityProblems() throws(StoreError) -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if !orphans.isEmpty { problems.append("\(orphans.count) lien(s) vers des lignes absentes") }
            let unindexed = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM article WHERE id NOT IN (SELECT article FROM search_doc)
                """) ?? 0
            if unindexed > 0 { problems.append("\(unindexed) article(s) absents de l'index de recherche") }
            if try !SearchSegments.allReadable(db) { problems.append("index de recherche endommagé") }
            return problems
        }
    }
}
