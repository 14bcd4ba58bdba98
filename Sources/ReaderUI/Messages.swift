import Foundation
import NewsModel

/// What happens to the reader: keys, resizes, timer ticks, and the answers
/// to effects the loop ran.
public enum Message: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case tick(tag: Int)
    case headlines(offset: Int, rows: [Headline], total: Int, unread: Int)
    case article(Article, images: [ImageStatus], index: Int)
    case ticker([TickerItem])
    case imageStatus(ImageStatus)
    case searchResults(query: String, rows: [Headline])
    /// Progress of a background fetch; `finished` once every feed is done.
    case refreshProgress(done: Int, total: Int, added: Int, failed: Int, finished: Bool)
    case failed(String)
}

/// What the reader asks the outside world to do. Effects are data: the
/// executable's loop runs them, tests read them.
public enum Effect: Sendable, Equatable {
    case loadHeadlines(offset: Int, limit: Int)
    /// `index` is the article's place in the list, -1 when unknown.
    case loadArticle(id: Int64, index: Int)
    case setRead(id: Int64, read: Bool)
    case loadTicker
    /// Articles matching a query, best first (the list's filter).
    case search(query: String, limit: Int)
    /// A one-shot timer: after the delay, send `.tick(tag:)`.
    case startTimer(tag: Int, milliseconds: Int)
    case openURL(String)
    /// Fetch the subscribed feeds in the background.
    case refresh
    case flag(imageID: Int64)
    case unflag(imageID: Int64)
    case quit
}

/// The reader's settings, from the command line and the config file.
public struct ReaderSettings: Sendable {
    public var user: String
    public var flagThreshold: Int
    public var keys: KeyTable
    public var strings: Strings
    public var tickerMoving: Bool
    public var tickerSpeed: Double
    /// The widest measure for reading; wider terminals centre the text.
    public var measure: Int
    /// Justified paragraphs (hyphenating more, never stretching a no-break space).
    public var justify: Bool
    /// The reader's time zone: dates are shown in it.
    public var timeZone: TimeZone

    public init(user: String, flagThreshold: Int = FlagPolicy.defaultThreshold, keys: KeyTable = .defaults,
                strings: Strings = Strings(.fr), tickerMoving: Bool = true, tickerSpeed: Double = 8,
                measure: Int = 76, justify: Bool = false, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.user = user
        self.flagThreshold = max(1, flagThreshold)
        self.keys = keys
        self.strings = strings
        self.tickerMoving = tickerMoving
        self.tickerSpeed = tickerSpeed
        self.measure = max(20, measure)
        self.justify = justify
        self.timeZone = timeZone
    }
}
