import XCTest
@testable import NewsModel

final class ArticleIdentityTests: XCTestCase {
    private let origin = Origin(kind: .file, location: "x")

    func testGuidWinsOverURLAndTitleWithinOneSource() {
        let a = Article(guid: "123", title: "Un", source: "Le Matin", url: "https://a.example/1", origin: origin)
        let b = Article(guid: "123", title: "Autre titre", source: "Le Matin", url: "https://b.example/2", origin: origin)
        XCTAssertEqual(a.identityKey, b.identityKey)
        let otherFeed = Article(guid: "123", title: "Un", source: "Médias24", url: "https://a.example/1", origin: origin)
        XCTAssertNotEqual(a.identityKey, otherFeed.identityKey)
    }

    func testCanonicalURLIgnoresTrackingCaseAndFragment() {
        let a = Article(title: "Un", source: "S", url: "HTTPS://Example.ORG/a?utm_source=x&id=3#haut", origin: origin)
        let b = Article(title: "Deux", source: "S", url: "https://example.org/a?id=3", origin: origin)
        XCTAssertEqual(a.identityKey, b.identityKey)
        let c = Article(title: "Un", source: "S", url: "https://example.org/a?id=4", origin: origin)
        XCTAssertNotEqual(a.identityKey, c.identityKey)
    }

    func testWithoutGuidOrURLSourceTitleAndDayDecide() {
        let day = PublicationDate(year: 2024, month: 7, day: 28)
        let a = Article(title: "L’école", source: "Albayane", published: day, origin: origin)
        let b = Article(title: "l’ecole", source: "ALBAYANE", published: day, origin: origin)
        XCTAssertEqual(a.identityKey, b.identityKey)
        let other = Article(title: "L’école", source: "Albayane", published: PublicationDate(year: 2024, month: 7, day: 29), origin: origin)
        XCTAssertNotEqual(a.identityKey, other.identityKey)
    }

    func testImagesAreListedOnceInReadingOrder() {
        let one = ImageRef(url: "https://i.example/1.jpg")
        let two = ImageRef(url: "https://i.example/2.jpg")
        let article = Article(title: "t", source: "s",
                              blocks: [.image(one), .paragraph("p"), .image(two), .image(one)], origin: origin)
        XCTAssertEqual(article.images.map(\.url), [one.url, two.url])
        XCTAssertEqual(article.paragraphCount, 1)
    }
}

/// Found by the fuzzer (seed 777): addresses that pass for http(s) without being usable.
final class URLResolutionTests: XCTestCase {
    func testOnlyAbsoluteWebAddressesWithAServer() {
        XCTAssertEqual(CanonicalURL.resolve("HTTPS://Example.org/a", against: nil), "https://Example.org/a")
        XCTAssertNil(CanonicalURL.resolve("http:foo", against: nil))
        XCTAssertNil(CanonicalURL.resolve("https:///chemin", against: nil))
        XCTAssertEqual(CanonicalURL.resolve("/images/a.jpg", against: "https://journal.example/actu/"),
                       "https://journal.example/images/a.jpg")
        XCTAssertNil(CanonicalURL.resolve("javascript:alert(1)", against: "https://journal.example/"))
    }
}
