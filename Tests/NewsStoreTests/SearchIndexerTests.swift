import XCTest
import NewsModel
import TestSupport
@testable import NewsStore

/// The search indexer makes, on its own thread, the very segments the
/// pending postings make on the writer's: the same blocks, cut the same
/// way, in the same order, segment after segment; and forgets what a
/// rolled-back transaction handed it.
final class SearchIndexerTests: XCTestCase {
    private func finished(_ indexer: SearchIndexer) -> [SegmentPiece] {
        var pieces: [SegmentPiece] = []
        indexer.finish { pieces.append($0) }
        return pieces
    }

    /// A segment as `(span, blocks)`, each block as its first term and entries.
    private typealias Segment = (span: [Int64], blocks: [[UInt8]])

    /// The pieces put back together into segments.
    private func segments(_ pieces: [SegmentPiece]) -> [Segment] {
        var made: [Segment] = []
        for piece in pieces {
            if let span = piece.span { made.append(([span.firstDocument, span.lastDocument], [])) }
            XCTAssertFalse(made.isEmpty, "a segment's first piece gives its span")
            piece.forEachBlock { first, entries in made[made.count - 1].blocks.append(Array(first) + [0xFF] + Array(entries)) }
        }
        if let last = pieces.last { XCTAssertTrue(last.endsSegment, "the last piece ends its segment") }
        return made
    }

    /// The segment the pending postings make of themselves on the writer's
    /// thread, cut into blocks as a segment writer does.
    private func segment(of postings: PendingPostings) -> Segment {
        var blocks: [[UInt8]] = []
        var cutter = BlockCutter()
        defer { cutter.free() }
        let closed: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void = { first, entries in blocks.append(Array(first) + [0xFF] + Array(entries)) }
        postings.forEachTermInOrder { term, documents, bytes in
            cutter.add(term: term, documents: documents, postings: bytes, closed: closed)
        }
        cutter.finish(closed)
        return ([postings.documents.first!, postings.documents.last!], blocks)
    }

    /// Words drawn at random, split into a title and a body: one time in
    /// eight through the analyzer (terms with tokens, each column its own),
    /// else taken as terms already.
    private func terms(_ words: [String], count: Int, _ random: inout SeededGenerator) -> SearchTerms {
        let text = (0..<count).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
        let split = text.utf8.firstIndex(of: UInt8(ascii: " ")) ?? text.endIndex
        let (title, body) = (String(text[..<split]), String(text[split...]))
        if random.next() % 8 == 0 {
            return SearchTerms(title: title, body: StoredBody(blocks: [.paragraph(body)], deferred: nil))
        }
        return SearchTerms(analysedTitle: title, analysedBody: body)
    }

    /// Enough occurrences to fill the pending postings once: the indexer
    /// hands over a full segment midway, in pieces, then the rest at the end.
    func testTheIndexerMakesTheSegmentsThePostingsMake() throws {
        var random = SeededGenerator(seed: 20261207)
        // Many words, so that the blocks of a segment fill more than a piece.
        let words = (0..<30_000).map { "mot\($0)x" } + ["élection", "réforme", "l’État", "2026"]
        let documents = PendingPostings.occurrenceLimit / 1_000 + 300
        let indexer = SearchIndexer()
        defer { indexer.close() }
        let direct = PendingPostings()
        var expected: [Segment] = []
        var pieces: [SegmentPiece] = []
        for document in 0..<documents {
            let terms = terms(words, count: 1_000, &random)
            indexer.add(document: Int64(10 + document), terms: terms)
            pieces += indexer.takeReady()
            _ = direct.add(document: Int64(10 + document), title: terms.titleUTF8, titleTokens: terms.titleTokens,
                           body: terms.bodyUTF8, bodyTokens: terms.bodyTokens)
            if direct.isFull {
                expected.append(segment(of: direct))
                direct.reset()
            }
        }
        indexer.finish { pieces.append($0) }
        expected.append(segment(of: direct))
        let made = segments(pieces)
        XCTAssertEqual(made.count, 2)
        XCTAssertGreaterThan(pieces.count, 2, "a segment comes in pieces")
        XCTAssertEqual(made.map(\.span), expected.map(\.span))
        XCTAssertEqual(made.map(\.blocks.count), expected.map(\.blocks.count))
        XCTAssertTrue(made.map(\.blocks) == expected.map(\.blocks), "the same blocks")
        var left = 0
        indexer.finish { _ in left += 1 }
        XCTAssertEqual(left, 0, "nothing left once finished")
    }

    /// Terms that come with the analyzer's tokens (few words, all known to
    /// its cache) give the same segment as by their bytes: each column's
    /// tokens reach the indexer with that column.
    func testTermsWithTokensMakeTheSameSegment() {
        var random = SeededGenerator(seed: 11)
        let words = ["Élections", "municipales", "l’État", "réforme", "marché", "députés", "vote", "Paris",
                     "gouvernement", "ministre", "2026", "budget"]
        let indexer = SearchIndexer()
        defer { indexer.close() }
        let direct = PendingPostings()
        var tokens = 0
        for document in 0..<300 {
            let text = { (count: Int) in
                (0..<count).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            }
            let terms = SearchTerms(title: text(6), body: StoredBody(blocks: [.paragraph(text(80))], deferred: nil))
            tokens += terms.titleTokens.count + terms.bodyTokens.count
            indexer.add(document: Int64(document), terms: terms)
            _ = direct.add(document: Int64(document), title: terms.titleUTF8, body: terms.bodyUTF8)
        }
        XCTAssertGreaterThan(tokens, 0, "the analyzer gave tokens")
        let made = segments(finished(indexer))
        XCTAssertEqual(made.count, 1)
        XCTAssertTrue(made.first?.blocks == segment(of: direct).blocks, "the same blocks")
    }

    /// What was handed over before a rollback is forgotten, pieces made
    /// and not taken too; the next documents make a segment of their own.
    func testADiscardForgetsWhatWasHandedOver() {
        var random = SeededGenerator(seed: 7)
        let words = ["pluie", "vent", "grêle", "soleil", "neige"]
        let indexer = SearchIndexer()
        defer { indexer.close() }
        for document in 0..<200 { indexer.add(document: Int64(document), terms: terms(words, count: 50, &random)) }
        indexer.discard()
        XCTAssertTrue(indexer.takeReady().isEmpty)
        let direct = PendingPostings()
        for document in 500..<510 {
            let terms = terms(words, count: 50, &random)
            indexer.add(document: Int64(document), terms: terms)
            _ = direct.add(document: Int64(document), title: terms.titleUTF8, body: terms.bodyUTF8)
        }
        let made = segments(finished(indexer))
        XCTAssertEqual(made.count, 1)
        XCTAssertEqual(made.first?.span, [500, 509])
        XCTAssertTrue(made.first?.blocks == segment(of: direct).blocks, "the same blocks")
    }

    /// The writer counts each column's terms itself, as the postings do.
    func testTermCountsAreThoseThePostingsGive() {
        var random = SeededGenerator(seed: 3)
        let pieces = ["a", "bb", "ccc", "dddddddd", "eeeeeeeee", "é", "l’", "", " "]
        let postings = PendingPostings()
        for document in 0..<300 {
            // Any run of pieces and spaces, single, doubled, leading and
            // trailing, ending anywhere in a group of eight bytes.
            let length = Int(random.next() % 40)
            let text = Array((0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined(separator: random.next() % 3 == 0 ? "  " : " ").utf8)
            let counts = postings.add(document: Int64(document), title: text, body: [])
            XCTAssertEqual(text.withUnsafeBufferPointer(PendingPostings.termCount), counts.title,
                           String(decoding: text, as: UTF8.self))
        }
        XCTAssertEqual([UInt8]().withUnsafeBufferPointer(PendingPostings.termCount), 0)
        XCTAssertEqual(Array("  un   deux trois ".utf8).withUnsafeBufferPointer(PendingPostings.termCount), 3)
        let terms = SearchTerms(analysedTitle: "un deux", analysedBody: "trois quatre cinq six")
        XCTAssertEqual(terms.titleTermCount, 2)
        XCTAssertEqual(terms.bodyTermCount, 4)
    }
}
