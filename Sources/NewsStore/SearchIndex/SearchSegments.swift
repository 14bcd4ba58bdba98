import Foundation
import GRDB

/// The search index on disk: segments, each holding every term of the
/// documents written into it, in the order of the terms' bytes, in blocks
/// of a few kilobytes (`search_block`, keyed by segment and the block's
/// first term). A block holds entries end to end: the term's length and
/// bytes, how many documents hold it, then its posting list's length and
/// bytes (see `PostingList`). A term whose list is long gets a block of
/// its own.
///
/// A segment's documents all come after those of the segments written
/// before it: segments merge sixteen at a time with the ones made since,
/// so a search reads few of them, and a document lies in exactly one.
enum SearchSegments {
    /// Segments of one level merged into one of the next.
    static let mergedAtOnce = 16
    static let blockSize = 8_192

    /// Writes a segment's entries, given in the order of their terms.
    final class Writer {
        let segment: Int64
        private let insert: RawStatement
        private var block: [UInt8] = []
        private var firstTerm: [UInt8] = []

        init(level: Int, lastDocument: Int64, in db: Database) throws {
            try db.execute(sql: "INSERT INTO search_segment (level, last_document) VALUES (?, ?)",
                           arguments: [level, lastDocument])
            segment = db.lastInsertedRowID
            insert = try RawStatement("INSERT INTO search_block (segment, first_term, entries) VALUES (\(segment), ?, ?)",
                                      in: db)
        }

        func add(term: UnsafeBufferPointer<UInt8>, documents: Int, postings: UnsafeBufferPointer<UInt8>) throws {
            if block.isEmpty { firstTerm = Array(term) }
            Varint.append(UInt64(term.count), to: &block)
            block.append(contentsOf: term)
            Varint.append(UInt64(documents), to: &block)
            Varint.append(UInt64(postings.count), to: &block)
            block.append(contentsOf: postings)
            if block.count >= SearchSegments.blockSize { try writeBlock() }
        }

        func finish() throws {
            if !block.isEmpty { try writeBlock() }
        }

        private func writeBlock() throws {
            try insert.run(blobs: (1, firstTerm), (2, block))
            block.removeAll(keepingCapacity: true)
        }
    }

    /// One entry of a block, its parts as ranges of the block's bytes.
    struct Entry {
        var term: Range<Int>
        var documents: Int
        var postings: Range<Int>
    }

    /// The entries of a block in order; nil at the end, or where the bytes
    /// are not an entry.
    static func entry(in block: UnsafeRawBufferPointer, at offset: inout Int) -> Entry? {
        guard offset < block.count,
              let termLength = Varint.read(block, at: &offset), termLength <= block.count - offset else { return nil }
        let term = offset..<(offset + Int(termLength))
        offset = term.upperBound
        guard let documents = Varint.read(block, at: &offset),
              let length = Varint.read(block, at: &offset), length <= block.count - offset else { return nil }
        let postings = offset..<(offset + Int(length))
        offset = postings.upperBound
        return Entry(term: term, documents: Int(documents), postings: postings)
    }

    /// The segments, newest documents first.
    static func segments(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT segment FROM search_segment ORDER BY last_document DESC")
    }

    /// The term's entry in a segment: how many documents hold it and its
    /// posting list's bytes; nil when no document of the segment does.
    static func lookUp(_ term: [UInt8], segment: Int64, in db: Database) throws -> (documents: Int, postings: [UInt8])? {
        let blocks = try Data.fetchAll(db, sql: """
            SELECT entries FROM search_block WHERE segment = ? AND first_term <= ?
            ORDER BY first_term DESC LIMIT 1
            """, arguments: [segment, Data(term)])
        guard let block = blocks.first else { return nil }
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

    /// Merges the segments of any level that has `mergedAtOnce` of them,
    /// then of the level above, and so on.
    static func mergeIfNeeded(_ db: Database) throws {
        var top = try Int.fetchOne(db, sql: "SELECT max(level) FROM search_segment") ?? 0
        var level = 0
        while level <= top {
            let segments = try Int64.fetchAll(db, sql: """
                SELECT segment FROM search_segment WHERE level = ? ORDER BY last_document
                """, arguments: [level])
            if segments.count >= mergedAtOnce {
                try merge(segments, into: level + 1, db)
                top = max(top, level + 1)
            }
            level += 1
        }
    }

    /// Whether every block's entries and posting lists can be read, and
    /// their terms come in order.
    static func allReadable(_ db: Database) throws -> Bool {
        let blocks = try Row.fetchCursor(db, sql: "SELECT first_term, entries FROM search_block ORDER BY segment, first_term")
        while let row = try blocks.next() {
            let first = [UInt8](row["first_term"] as Data)
            let entries = [UInt8](row["entries"] as Data)
            let readable = entries.withUnsafeBytes { bytes -> Bool in
                var offset = 0
                var previous: [UInt8]? = nil
                while let entry = entry(in: bytes, at: &offset) {
                    let term = Array(bytes[entry.term])
                    if previous == nil ? term != first : !previous!.lexicographicallyPrecedes(term) { return false }
                    let list = PostingList(UnsafeRawBufferPointer(rebasing: bytes[entry.postings]))
                    guard list?.count == entry.documents else { return false }
                    previous = term
                }
                return offset == bytes.count && previous != nil
            }
            if !readable { return false }
        }
        return true
    }

    /// One segment in place of `segments` (oldest first): each term's
    /// lists put end to end, oldest first, so its documents stay in order.
    static func merge(_ segments: [Int64], into level: Int, _ db: Database) throws {
        let last = try Int64.fetchOne(db, sql: "SELECT max(last_document) FROM search_segment WHERE segment IN (\(segments.map(String.init).joined(separator: ",")))") ?? 0
        let writer = try Writer(level: level, lastDocument: last, in: db)
        var readers = try segments.map { try SegmentReader(segment: $0, db) }
        while true {
            var smallest: [UInt8]? = nil
            for reader in readers {
                guard let term = reader.term else { continue }
                if smallest == nil || term.lexicographicallyPrecedes(smallest!) { smallest = term }
            }
            guard let term = smallest else { break }
            var documents = 0
            var postings: [UInt8] = []
            for index in readers.indices where readers[index].term == term {
                documents += readers[index].documents
                postings.append(contentsOf: readers[index].postings)
                try readers[index].advance()
            }
            try term.withUnsafeBufferPointer { term in
                try postings.withUnsafeBufferPointer { postings in
                    try writer.add(term: term, documents: documents, postings: postings)
                }
            }
        }
        try writer.finish()
        readers.removeAll()
        let list = segments.map(String.init).joined(separator: ",")
        try db.execute(sql: "DELETE FROM search_block WHERE segment IN (\(list))")
        try db.execute(sql: "DELETE FROM search_segment WHERE segment IN (\(list))")
    }

    /// A segment's entries in order, a block at a time.
    final class SegmentReader {
        private let blocks: RowCursor
        private var block: [UInt8] = []
        private var offset = 0
        private(set) var term: [UInt8]?
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
                    term = Array(block[found.term])
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

    static let damaged = DatabaseError(resultCode: .SQLITE_CORRUPT, message: "index de recherche endommagé")
}
