import Foundation
import GRDB
import NewsModel

/// The `article` table's row, as read back. The body is stored as JSON
/// blocks or as HTML (see `StoredBody`): an article is always read whole,
/// and one column keeps a re-import to one write. Rows are written from
/// `PreparedArticle`.
struct ArticleRecord: Decodable, FetchableRecord, TableRecord {
    static let databaseTableName = "article"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: Int64?
    var guid: String?
    var url: String?
    var title: String
    var source: String
    var published: Double?
    var publishedOffset: Int?
    var publishedHasTime: Bool
    var author: String?
    var language: String?
    var categories: String
    var body: String
    var originKind: String
    var originLocation: String
    var isRead: Bool

    func article() throws -> Article {
        let decoder = JSONDecoder()
        let blocks = try StoredBody(stored: body).blocks
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
