import XCTest
import NewsModel
import TestSupport
@testable import NewsStore

/// The occurrences kept before a segment is written: terms told apart by
/// all their bytes, handed out in the order of their bytes, each with its
/// documents and positions.
final class PendingPostingsTests: XCTestCase {
    private func terms(_ postings: PendingPostings) -> [(term: String, documents: [Int64], positions: [Int])] {
        var found: [(String, [Int64], [Int])] = []
        postings.forEachTermInOrder { term, count, bytes in
            let list = PostingList(UnsafeRawBufferPointer(bytes))!
            XCTAssertEqual(list.count, count)
            found.append((String(decoding: term, as: UTF8.self), list.documents, list.positions))
        }
        return found
    }

    func testTermsSharingTheirFirstEightBytesStayApart() {
        let postings = PendingPostings()
        // Long terms, short ones, one at the very end of its text (fewer
        // than eight bytes left to read), and one space-free run of 17 bytes.
        _ = postings.add(document: 5, title: Array("abcdefghij abcdefghik abcdefghij".utf8),
                         body: Array("x abcdefghijklmnopq abcdefghik y".utf8))
        _ = postings.add(document: 9, title: Array("y".utf8), body: Array("abcdefghij   x".utf8))
        let found = terms(postings)
        XCTAssertEqual(found.map(\.term), ["abcdefghij", "abcdefghijklmnopq", "abcdefghik", "x", "y"])
        XCTAssertEqual(found.map(\.documents), [[5, 9], [5], [5], [5, 9], [5, 9]])
        // Positions by document, title first: "abcdefghij" at 0 and 2 of the
        // title in 5, at 0 of the body in 9.
        XCTAssertEqual(found[0].positions, [0, 2, 0])
        XCTAssertEqual(found[3].positions, [0, 1])
    }

    /// Terms of up to sixteen bytes are told apart in the table's slots,
    /// longer ones by their bytes: terms equal in their first sixteen
    /// bytes, or in their first eight and their length, stay apart, and
    /// enough of them to make the table grow keep their numbers.
    func testTermsSharingTheirFirstSixteenBytesStayApart() {
        let postings = PendingPostings()
        let shared16 = (0..<3).map { "abcdefghijklmnop\($0)" }                  // 17 bytes, equal in 16
        let shared8 = (0..<3).map { "abcdefgh" + String(repeating: "\($0)", count: 8) }   // 16 bytes, equal in 8
        let many = (0..<40_000).map { "mot\($0)suffixe" }                       // the table grows
        _ = postings.add(document: 1, title: Array((shared16 + shared8).joined(separator: " ").utf8),
                         body: Array(many.joined(separator: " ").utf8))
        _ = postings.add(document: 2, title: Array((shared8.reversed() + shared16.reversed()).joined(separator: " ").utf8),
                         body: Array(many.reversed().joined(separator: " ").utf8))
        let found = terms(postings)
        XCTAssertEqual(found.map(\.term), (shared16 + shared8 + many).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertTrue(found.allSatisfy { $0.documents == [1, 2] })
        let byTerm = Dictionary(uniqueKeysWithValues: found.map { ($0.term, $0.positions) })
        XCTAssertEqual(byTerm[shared16[0]], [0, 5])
        XCTAssertEqual(byTerm[shared8[2]], [5, 0])
        XCTAssertEqual(byTerm[many[1]], [1, 39_998])
    }

    /// Terms met by their tokens are the terms met by their bytes: the same
    /// segments, whichever way, across segments too, where the numbers
    /// tokens stood for are forgotten.
    func testTokensGiveTheSameTermsAsTheBytes() {
        var random = SeededGenerator(seed: 20261207)
        let words = ["l’État", "élections", "élection", "marché", "Paris,", "c’est-à-dire", "2026", "« vote »",
                     "gouvernement", "le", "des", "Assemblée", "députés.", "réforme", "mot\u{301}"]
        let byTokens = PendingPostings(), byBytes = PendingPostings()
        for segment in 0..<3 {
            for document in 0..<40 {
                let title = (0..<5).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
                let body = (0..<60).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
                let (titleTerms, titleTokens) = Array(title.utf8).withUnsafeBufferPointer {
                    FrenchAnalyzer.joinedTermsAndTokens(utf8: $0)
                }
                let (bodyTerms, bodyTokens) = Array(body.utf8).withUnsafeBufferPointer {
                    FrenchAnalyzer.joinedTermsAndTokens(utf8: $0)
                }
                let id = Int64(segment * 100 + document)
                XCTAssertTrue(byTokens.add(document: id, title: titleTerms, titleTokens: titleTokens,
                                           body: bodyTerms, bodyTokens: bodyTokens)
                              == byBytes.add(document: id, title: titleTerms, body: bodyTerms))
            }
            let expected = terms(byBytes)
            XCTAssertEqual(terms(byTokens).map(\.term), expected.map(\.term), "segment \(segment)")
            XCTAssertEqual(terms(byTokens).map(\.documents), expected.map(\.documents), "segment \(segment)")
            XCTAssertEqual(terms(byTokens).map(\.positions), expected.map(\.positions), "segment \(segment)")
            byTokens.reset()
            byBytes.reset()
        }
    }

    /// A token known in an earlier segment stands for nothing in the next,
    /// whose terms are numbered anew; tokens past the limit, or missing,
    /// are passed over.
    func testATokenOfAnEarlierSegmentIsForgotten() {
        let first = UInt32(FrenchAnalyzer.termTokenLimit / 2), second = first + 1
        let postings = PendingPostings()
        _ = postings.add(document: 1, title: Array("alpha beta".utf8), titleTokens: [first, second], body: [])
        postings.reset()
        _ = postings.add(document: 2, title: Array("beta gamma".utf8), titleTokens: [second], body: [])
        _ = postings.add(document: 3, title: Array("gamma beta".utf8), titleTokens: [UInt32.max, second], body: [])
        let found = terms(postings)
        XCTAssertEqual(found.map(\.term), ["beta", "gamma"])
        XCTAssertEqual(found.map(\.documents), [[2, 3], [2, 3]])
        XCTAssertEqual(found.map(\.positions), [[0, 1], [1, 0]])
    }

    func testCountsGiveEachColumnsTerms() {
        let postings = PendingPostings()
        XCTAssertTrue(postings.add(document: 1, title: Array("un deux".utf8), body: Array(" trois  quatre cinq ".utf8))
            == (2, 3))
        XCTAssertTrue(postings.add(document: 2, title: [], body: []) == (0, 0))
        postings.reset()
        XCTAssertTrue(postings.isEmpty)
        XCTAssertEqual(terms(postings).count, 0)
    }
}
