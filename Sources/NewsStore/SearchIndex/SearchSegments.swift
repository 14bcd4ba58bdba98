import Foundation
import NewsModel
import GRDB

/// The search index on disk: segments, each holding every term of the
/// documents written into it, in the order of the terms' bytes, in blocks
/// of up to 18 KB (`search_block`, keyed by segment and the block's
/// first term). A block holds entries end to end: the term's length and
/// bytes, how many documents hold it, then its posting list's length and
/// bytes (see `PostingList`). A term whose list is longer than a block
/// gets a block of its own. A document lies in exactly one segment.
///
/// A segment's level grows with its size, by sixteen times from 256 KiB,
/// and sixteen segments of one level merge into one of the next: a search
/// reads few segments, and a small write never rewrites a large segment
/// (the eight segments of a 100,000-item import sit two levels above the
/// ones a fetch adds).
enum SearchSegments {
    /// Segments of one level merged into one of the next.
    static let mergedAtOnce = 16
    /// The most bytes of entries a block holds, unless one entry alone is
    /// longer. A block is a row of a table without rowid in pages of 16 KiB
    /// (`NewsStore`'s page size): SQLite keeps about 2 KB of a row that
    /// long in its leaf and the rest on overflow pages of 16,380 bytes
    /// each, so a row of 2 KB plus one overflow page wastes nothing. Blocks
    /// closed past 8 KB (10 KB on average) each left most of an overflow
    /// page empty: 45 MB of a 100 MB index.
    static let blockSize = 18_300
    /// A block's entries, as counted against `blockSize`.
    static func entrySize(term: Int, documents: Int, postings: Int) -> Int {
        Varint.length(UInt64(term)) + term + Varint.length(UInt64(documents)) + Varint.length(UInt64(postings))
            + postings
    }

    /// The level of a segment of `bytes`.
    static func level(ofSize bytes: Int) -> Int {
        var level = 0
        var limit = 256 * 1024
        while bytes >= limit && level < 8 {
            level += 1
            limit *= 16
        }
        return level
    }

    /// Writes a segment's entries, given in the order of their terms, or
    /// its blocks, cut before (`SegmentPiece`).
    final class Writer {
        let segment: Int64
        private let insert: RawStatement
        private let db: Database
        private var cutter = BlockCutter()
        private var written = 0

        init(firstDocument: Int64, lastDocument: Int64, in db: Database) throws {
            try db.execute(sql: """
                INSERT INTO search_segment (level, first_document, last_document) VALUES (0, ?, ?)
                """, arguments: [firstDocument, lastDocument])
            segment = db.lastInsertedRowID
            self.db = db
            insert = try RawStatement("INSERT INTO search_block (segment, first_term, entries) VALUES (?, ?, ?)", in: db)
        }

        deinit { cutter.free() }

        func add(term: UnsafeBufferPointer<UInt8>, documents: Int, postings: UnsafeBufferPointer<UInt8>) throws {
            try cutter.add(term: term, documents: documents, postings: postings, closed: write)
        }

        /// Writes the last block, and gives the segment its level: that of
        /// its size, `atLeast` the one given.
        func finish(atLeast minimum: Int = 0) throws {
            try cutter.finish(write)
            try db.execute(sql: "UPDATE search_segment SET level = ? WHERE segment = ?",
                           arguments: [max(minimum, SearchSegments.level(ofSize: written)), segment])
        }

        /// Writes a block as it is.
        func write(firstTerm: UnsafeBufferPointer<UInt8>, entries: UnsafeBufferPointer<UInt8>) throws {
            insert.bind(1, segment)
            try insert.run(blobs: (2, firstTerm), (3, entries))
            written += entries.count
        }
    }

    /// One entry of a block, its parts as ranges of the block's bytes.
    struct Entry {
        var term: Range<Int>
        var documents: Int
        var postings: Range<Int>
    }

    /// The entries of a block in order; nil at the end, or where the bytes
    /// are not an entry (`offset` then stays before it: short of the end).
    static func entry(in block: UnsafeRawBufferPointer, at offset: inout Int) -> Entry? {
        let start = offset
        guard offset < block.count,
              let termLength = Varint.read(block, at: &offset), termLength <= block.count - offset else {
            offset = start
            return nil
        }
        let term = offset..<(offset + termLength)
        offset = term.upperBound
        guard let documents = Varint.read(block, at: &offset),
              let length = Varint.read(block, at: &offset), length <= block.count - offset else {
            offset = start
            return nil
        }
        let postings = offset..<(offset + length)
        offset = postings.upperBound
        return Entry(term: term, documents: documents, postings: postings)
    }

    /// Numbers as one JSON array, to bind as a single parameter and read
    /// back with `json_each(?)`.
    static func jsonArray(_ numbers: [Int64]) -> String {
        "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }

    /// The segments, newest documents first.
    static func segments(_ db: Database) throws -> [Int64] {
        try newestFirst(db).map(\.segment)
    }

    /// The segments and their newest document, newest first. A merged
    /// segment may span the documents of a larger one written between the
    /// ones it merged: segments do not follow each other in document order.
    static func newestFirst(_ db: Database) throws -> [(segment: Int64, lastDocument: Int64)] {
        try Row.fetchAll(db, sql: "SELECT segment, last_document FROM search_segment ORDER BY last_document DESC")
            .map { ($0[0], $0[1]) }
    }

    /// The term's entry in a segment: how many documents hold it and its
    /// posting list's bytes; nil when no document of the segment does.
    static func lookUp(_ term: [UInt8], segment: Int64, in db: Database) throws -> (documents: Int, postings: [UInt8])? {
        // Prepared once per connection: a search looks up each term in
        // every segment, at every key typed in the list's filter.
        guard let block = try Data.fetchOne(db.cachedStatement(sql: """
            SELECT entries FROM search_block WHERE segment = ? AND first_term <= ?
            ORDER BY first_term DESC LIMIT 1
            """), arguments: [segment, Data(term)]) else { return nil }
        return try block.withUnsafeBytes { bytes in
            var offset = 0
            while let entry = entry(in: bytes, at: &offset) {
                let stored = UnsafeRawBufferPointer(rebasing: bytes[entry.term])
                if stored.elementsEqual(term) {
                    return (entry.documents, Array(bytes[entry.postings]))
                }
                if stored.lexicographicallyPrecedes(term) { continue }
                return nil
            }
            guard offset == bytes.count else { throw damaged }
            return nil
        }
    }

    /// A segment's entries in order, a block at a time.
    final class SegmentReader {
        private let blocks: RowCursor
        private var block: [UInt8] = []
        private var offset = 0
        private(set) var term: ArraySlice<UInt8>?
        private(set) var documents = 0
        private(set) var postings: ArraySlice<UInt8> = []

        init(segment: Int64, _ db: Database) throws {
            blocks = try Row.fetchCursor(db, sql: "SELECT entries FROM search_block WHERE segment = ? ORDER BY first_term",
                                         arguments: [segment])
            try advance()
        }

        func advance() throws {
            while true {
                let found = block.withUnsafeBytes { bytes in SearchSegments.entry(in: bytes, at: &offset) }
                if let found {
                    let next = block[found.term]
                    // Terms come in order, across blocks too.
                    if let term, !term.lexicographicallyPrecedes(next) { throw damaged }
                    term = next
                    documents = found.documents
                    postings = block[found.postings]
                    return
                }
                guard offset >= block.count else { throw damaged }
                guard let row = try blocks.next() else {
                    term = nil
                    return
                }
                block = [UInt8](row["entries"] as Data)
                offset = 0
            }
        }
    }

    /// Whether every segment's entries and posting lists can be read, their
    /// terms in order, each list's documents counted right.
    static func allReadable(_ db: Database) throws -> Bool {
        for segment in try segments(db) {
            do {
                let reader = try SegmentReader(segment: segment, db)
                while reader.term != nil {
                    let list = reader.postings.withUnsafeBytes { PostingList($0, withPositions: false) }
                    guard list?.count == reader.documents else { return false }
                    try reader.advance()
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
                return false
            }
        }
        return true
    }

    static let damaged = DatabaseError(resultCode: .SQLITE_CORRUPT, message: "index de recherche endommagé")
}
