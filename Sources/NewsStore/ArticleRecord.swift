import Foundation
import GRDB
import NewsModel

/// The `article` table's row, as read back. The body is stored as JSON
/// blocks: an article is always read whole, and one column keeps a
/// re-import to one write. Rows are written from `PreparedArticle`.
struct ArticleRecord: Decodable, FetchableRecord, TableRecord {
    static let databaseTableName = "article"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var identity: String
    var guid: String?
    var url: String?
    var title: String
    var source: String
    var published: Double?
    var publishedOffset: Int?
    var publishedHasTime: Bool
    var sortDate: Double
    var author: String?
    var language: String?
    var categories: String
    var body: String
    var originKind: String
    var originLocation: String
    var isRead: Bool
    var contentHash: String
    var rawHash: Int64?
    var addedAt: Double
    var updatedAt: Double

    enum Columns {
        static let id = Column("id")
        static let identity = Column("identity")
        static let sortDate = Column("sort_date")
        static let isRead = Column("is_read")
    }

    func article() throws -> Article {
        let decoder = JSONDecoder()
        let blocks = try decoder.decode([Block].self, from: Data(body.utf8))
        let categories = (try? decoder.decode([String].self, from: Data(self.categories.utf8))) ?? []
        return Article(id: id, guid: guid, title: title, source: source, url: url,
                       published: publicationDate, author: author, language: language,
                       categories: categories, blocks: blocks,
                       origin: Origin(kind: Origin.Kind(rawValue: originKind) ?? .file, location: originLocation),
                       isRead: isRead)
    }

    var publicationDate: PublicationDate? {
        published.map {
            PublicationDate(instant: Date(timeIntervalSince1970: $0), utcOffset: publishedOffset,
                            hasTime: publishedHasTime)
        }
    }
}

/// 64-bit FNV-1a: a small, stable, dependency-free fingerprint. It only has
/// to tell "changed" from "unchanged", not resist an adversary.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    mutating func add(_ string: String) {
        for byte in string.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100000001b3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
