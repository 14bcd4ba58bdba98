@testable import NewsStore

/// The tests hand the pending postings arrays; the indexer hands them its
/// batches' memory (`PendingPostings.add(document:title:titleTokens:body:bodyTokens:)`).
extension PendingPostings {
    func add(document: Int64, title: [UInt8], titleTokens: [UInt32] = [], body: [UInt8], bodyTokens: [UInt32] = [])
    -> (title: Int, body: Int) {
        title.withUnsafeBufferPointer { title in
            titleTokens.withUnsafeBufferPointer { titleTokens in
                body.withUnsafeBufferPointer { body in
                    bodyTokens.withUnsafeBufferPointer { bodyTokens in
                        add(document: document, title: title, titleTokens: titleTokens, body: body, bodyTokens: bodyTokens)
                    }
                }
            }
        }
    }
}
