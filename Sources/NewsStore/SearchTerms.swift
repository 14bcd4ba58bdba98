import Foundation
import NewsModel

/// What the search index holds for one article: the analysed terms of its
/// title and of its body's text (see `FrenchAnalyzer`). An import makes
/// them from the article it reads, a rebuild of the index from the article
/// as stored: both ways must give the same terms, and do, because both go
/// through this type.
struct SearchTerms {
    /// The terms joined by spaces, in UTF-8, as the index reads them.
    let titleUTF8: [UInt8]
    let bodyUTF8: [UInt8]
    /// Each term's token, or none (see `FrenchAnalyzer.joinedTermsAndTokens`):
    /// the index finds a term it met before by its token.
    let titleTokens: [UInt32]
    let bodyTokens: [UInt32]
    /// How many terms each column has, as the index counts them (see
    /// `PendingPostings.termCount`): the writer needs them at once, while
    /// the postings are made on another thread (`SearchIndexer`). Counted
    /// here, where the terms are made, which is mostly the parsing thread.
    let titleTermCount: Int
    let bodyTermCount: Int

    var title: String { String(decoding: titleUTF8, as: UTF8.self) }
    var body: String { String(decoding: bodyUTF8, as: UTF8.self) }

    /// `body`: the body's text, as `StoredBody.searchTextUTF8` gives it.
    init(title: String, body: StoredBody) {
        var title = title
        let (titleUTF8, titleTokens) = title.withUTF8 { FrenchAnalyzer.joinedTermsAndTokens(utf8: $0) }
        let (bodyUTF8, bodyTokens) = body.searchTextUTF8.withUnsafeBufferPointer {
            FrenchAnalyzer.joinedTermsAndTokens(utf8: $0)
        }
        self.init(titleUTF8: titleUTF8, titleTokens: titleTokens, bodyUTF8: bodyUTF8, bodyTokens: bodyTokens)
    }

    /// Terms already analysed, joined by spaces.
    init(analysedTitle: String, analysedBody: String) {
        self.init(titleUTF8: Array(analysedTitle.utf8), titleTokens: [], bodyUTF8: Array(analysedBody.utf8),
                  bodyTokens: [])
    }

    private init(titleUTF8: [UInt8], titleTokens: [UInt32], bodyUTF8: [UInt8], bodyTokens: [UInt32]) {
        self.titleUTF8 = titleUTF8
        self.titleTokens = titleTokens
        self.bodyUTF8 = bodyUTF8
        self.bodyTokens = bodyTokens
        titleTermCount = titleUTF8.withUnsafeBufferPointer(PendingPostings.termCount)
        bodyTermCount = bodyUTF8.withUnsafeBufferPointer(PendingPostings.termCount)
    }

    /// From a stored article's title and body column.
    init(title: String, storedBody: String) throws {
        self.init(title: title, body: try StoredBody(stored: storedBody))
    }
}
