/// One line of the headline list: what a screen of headlines needs, without
/// the article bodies.
public struct Headline: Sendable, Equatable, Hashable {
    public var id: Int64
    public var title: String
    public var source: String
    public var url: String?
    public var published: PublicationDate?
    public var isRead: Bool

    public init(id: Int64, title: String, source: String, url: String?,
                published: PublicationDate?, isRead: Bool) {
        self.id = id
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.isRead = isRead
    }
}

/// An image as the store knows it: its id for flagging, its URL, who flagged
/// it, and whether a block was recorded when the threshold was reached.
public struct ImageStatus: Sendable, Equatable, Hashable {
    public var id: Int64
    public var url: String
    public var flaggers: [String]
    /// Set when the image reached the threshold: from then on it stays
    /// blocked for everybody.
    public var blockRecorded: Bool

    public init(id: Int64, url: String, flaggers: [String], blockRecorded: Bool = false) {
        self.id = id
        self.url = url
        self.flaggers = flaggers
        self.blockRecorded = blockRecorded
    }

    public var flagCount: Int { flaggers.count }

    public func isBlocked(threshold: Int) -> Bool { blockRecorded || flaggers.count >= max(1, threshold) }

    public func isFlagged(by user: String) -> Bool { flaggers.contains(user) }
}

/// How many different people must flag an image before it is blocked for
/// everybody, unless the configuration says otherwise.
public enum FlagPolicy {
    public static let defaultThreshold = 3
}
