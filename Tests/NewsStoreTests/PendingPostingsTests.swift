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
