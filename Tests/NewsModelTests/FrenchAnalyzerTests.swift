import XCTest
@testable import NewsModel

final class FrenchAnalyzerTests: XCTestCase {
    func testAccentsCaseAndElisionsAreDropped() {
        XCTAssertEqual(FrenchAnalyzer.words("L’État et l'école jusqu’à Qu'il"), ["etat", "et", "ecole", "a", "il"])
        XCTAssertEqual(FrenchAnalyzer.words("Lorsqu’un cœur"), ["un", "coeur"])
        XCTAssertEqual(FrenchAnalyzer.words("aujourd’hui"), ["aujourdhui"])
    }

    func testSingularAndPluralMasculineAndFeminineMeet() {
        let pairs = [("élection", "élections"), ("école", "écoles"), ("journal", "journaux"), ("bureau", "bureaux"),
                     ("élu", "élues"), ("parisien", "parisiennes"), ("journée", "journées"), ("actif", "actives")]
        for (one, other) in pairs {
            XCTAssertEqual(FrenchAnalyzer.terms(one), FrenchAnalyzer.terms(other), "\(one) / \(other)")
        }
        XCTAssertNotEqual(FrenchAnalyzer.terms("électeur"), FrenchAnalyzer.terms("élection"))
    }
}
