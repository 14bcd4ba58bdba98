import XCTest
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
