import GRDBSQLite
import Foundation
import NewsModel
import NewsStore
import SQLiteSettings
import XCTest

final class SearchTests: StoreTestCase {
    private func seed(_ store: NewsStore) throws {
        try store.save(articles: [
            article("Les élections municipales à Fès", guid: "1", body: "Les électeurs de l’École normale ont voté."),
            article("Sport : le Wydad s'impose", guid: "2", body: "Une victoire nette au stade Mohammed V."),
            article("Réforme de l'État", guid: "3", body: "Jusqu’à la fin de l’année, l’État réorganise les écoles publiques."),
            article("École et sport", guid: "4", body: "Le sport scolaire revient dans les écoles."),
        ])
    }

    func testUnaccentedSingularAndElidedQueriesFindAccentedPluralText() throws {
        let store = try makeStore()
        try seed(store)
        XCTAssertEqual(try store.search("election").map(\.headline.title), ["Les élections municipales à Fès"])
        XCTAssertEqual(Set(try store.search("ecole").map(\.headline.title)),
                       ["Les élections municipales à Fès", "Réforme de l'État", "École et sport"])
        XCTAssertEqual(try store.search("etat").map(\.headline.title), ["Réforme de l'État"])
        XCTAssertEqual(try store.search("l’etat").map(\.headline.title), ["Réforme de l'État"])
    }

    func testExclusionsAndPhrases() throws {
        let store = try makeStore()
        try seed(store)
        XCTAssertEqual(Set(try store.search("ecoles -sport").map(\.headline.title)),
                       ["Les élections municipales à Fès", "Réforme de l'État"])
        XCTAssertEqual(try store.search("\"ecole normale\"").map(\.headline.title), ["Les élections municipales à Fès"])
        XCTAssertEqual(try store.search("\"normale ecole\"").map(\.headline.title), [])
        XCTAssertThrowsError(try store.search("-sport"))
    }

    /// Common words are in neither the index nor the query: a phrase with
    /// them still finds its text, they add nothing to a search, and a
    /// search made only of them says so instead of finding nothing.
    func testCommonWordsAreLeftOutOfIndexAndQueryAlike() throws {
        let store = try makeStore()
        try seed(store)
        XCTAssertEqual(try store.search("\"fin de l'année\"").map(\.headline.title), ["Réforme de l'État"])
        XCTAssertEqual(try store.search("« la fin de l’année »").map(\.headline.title), ["Réforme de l'État"])
        XCTAssertEqual(Set(try store.search("les écoles").map(\.headline.title)), Set(try store.search("écoles").map(\.headline.title)))
        XCTAssertEqual(try store.search("\"année fin\"").map(\.headline.title), [], "order still counts")
        for query in ["les", "\"de la\"", "la -sport"] {
            XCTAssertThrowsError(try store.search(query), query) { error in
                XCTAssertTrue("\(error)".hasPrefix("recherche trop vague : "), "\(error)")
            }
            XCTAssertThrowsError(try store.searchHeadlines(query, limit: 10), query)
        }
        XCTAssertThrowsError(try store.search("le la")) { error in
            XCTAssertEqual("\(error)", "recherche trop vague : « le », « la » sont trop courants pour être cherchés ; ajoutez un mot plus précis")
        }
        XCTAssertThrowsError(try store.search("  ")) { error in XCTAssertTrue("\(error)".hasPrefix("recherche vide")) }
    }

    func testTitleMatchesRankFirstAndSnippetsMarkTheMatch() throws {
        let store = try makeStore()
        try seed(store)
        // Three articles mention schools in their text; one has it in its title.
        let hits = try store.search("ecole")
        XCTAssertEqual(hits.count, 3)
        XCTAssertEqual(hits.first?.headline.title, "École et sport")
        let school = try XCTUnwrap(store.search("ecoles").first { $0.headline.title == "École et sport" })
        XCTAssertTrue(school.snippet.contains("**écoles.**"), school.snippet)
    }

    func testIndexFollowsUpdates() throws {
        let store = try makeStore()
        try store.save(articles: [article("Premier titre", guid: "g", body: "Il pleut sur Tanger.")])
        XCTAssertEqual(try store.search("tanger").count, 1)
        try store.save(articles: [article("Premier titre", guid: "g", body: "Il neige sur Ifrane.")])
        XCTAssertEqual(try store.search("tanger").count, 0)
        XCTAssertEqual(try store.search("ifrane").count, 1)
    }

    /// Every alphabet loses its case and accents in the index, not only
    /// French letters: "ha noi" finds "Hà Nội", "αθηνα" finds "Αθήνα", and
    /// a word in another script is found whole.
    func testAccentsOfOtherAlphabetsAreFoldedToo() throws {
        let store = try makeStore()
        try store.save(articles: [article("Escale à Hà Nội", guid: "b"), article("Escale à Hanoï", guid: "c"),
                                  article("Grève à Αθήνα", guid: "d"), article("Sommet à Москва", guid: "e")])
        XCTAssertEqual(try store.search("ha noi").count, 1)
        XCTAssertEqual(try store.search("Hà Nội").count, 1)
        XCTAssertEqual(try store.search("αθηνα").map(\.headline.title), ["Grève à Αθήνα"])
        XCTAssertEqual(try store.search("ΑΘΉΝΑ").count, 1)
        XCTAssertEqual(try store.search("москва").map(\.headline.title), ["Sommet à Москва"])
        XCTAssertEqual(try store.search("моск").count, 0, "a word is matched whole, not by its first letters")
    }

    func testHostileQueriesAreJustWords() throws {
        let store = try makeStore()
        try seed(store)
        for query in ["\" OR 1=1 --", "NEAR(a b)", "sport*", "title:sport", "'); DROP TABLE article; --"] {
            _ = try? store.search(query)
        }
        XCTAssertEqual(try store.articleCount(), 4)
    }
}

final class ReindexTests: StoreTestCase {
    /// A store holding one article, closed, then changed behind its back.
    private func storeWithOneArticle(then sql: String) throws {
        do {
            let store = try makeStore()
            try store.save(articles: [article("Les élections à Fès", guid: "1")])
        }
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open(storePath, &db), SQLITE_OK)
        XCTAssertEqual(kiosque_register_search_tokenizer(db), SQLITE_OK)
        XCTAssertEqual(sqlite3_exec(db, sql, nil, nil, nil), SQLITE_OK)
        sqlite3_close(db)
    }

    /// A store whose index lost its rows (as one made before search existed)
    /// is indexed again on open, once.
    func testAnIncompleteIndexIsRebuiltOnOpen() throws {
        // Simulate an old store: no index rows and no "complete" fact.
        try storeWithOneArticle(then: """
            DELETE FROM search_doc; DELETE FROM search_block; DELETE FROM search_segment; DELETE FROM meta;
            """)
        let reopened = try makeStore()
        XCTAssertEqual(try reopened.search("election").count, 1)
        XCTAssertEqual(try reopened.integrityProblems(), [])
    }

    /// An index made by another version of the analyzer is made again: its
    /// terms would not be those a query is cut into. (Here its document no
    /// longer leads to the article: only a rebuild finds it again.)
    func testAnIndexFromAnotherAnalyzerIsRebuiltOnOpen() throws {
        try storeWithOneArticle(then: """
            UPDATE search_doc SET doc = 1000;
            UPDATE meta SET value = 'complete, analyzer 0' WHERE key = 'search_index';
            """)
        var told: [Int] = []
        let reopened = try NewsStore(path: storePath, beforeReindex: { told.append($0) })
        XCTAssertEqual(told, [1], "the person waiting is told how many articles are indexed again")
        XCTAssertEqual(try reopened.search("election").count, 1)
        XCTAssertEqual(try reopened.integrityProblems(), [])
        _ = try NewsStore(path: storePath, beforeReindex: { told.append($0) })
        XCTAssertEqual(told, [1], "once")
    }
}

final class SearchHeadlinesTests: StoreTestCase {
    /// The list's filter gets the same articles, in the same order, as a
    /// search with snippets.
    func testHeadlinesOnlySearchMatchesTheFullSearch() throws {
        let store = try makeStore()
        try store.save(articles: [
            article("L'école rouvre", body: "Les écoles de Fès rouvrent."),
            article("Élections", body: "Une école sert de bureau de vote."),
            article("Météo", body: "Il pleut."),
        ])
        for query in ["ecole", "école -vote", "\"bureau de vote\"", "pluie"] {
            XCTAssertEqual(try store.searchHeadlines(query, limit: 10), try store.search(query, limit: 10).map(\.headline),
                           query)
        }
        XCTAssertThrowsError(try store.searchHeadlines("-seul", limit: 10))
    }
}
