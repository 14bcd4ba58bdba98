import Foundation
import NewsModel

/// Everything the reader shows, as one value. `update` is the only way it
/// changes; `render` draws it. Neither does I/O.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var screen: Screen = .list
    /// Where `?` was pressed, to come back from help.
    public var screenBeforeHelp: Screen = .list
    public var helpTop = 0
    public var list = ListState()
    public var pager: PagerState?
    public var ticker: TickerState
    /// A message for the status line, until the next key.
    public var notice: String?
    /// The list index of an article asked for and not yet loaded.
    public var pendingOpen: Int?
    /// True while a background fetch runs.
    public var refreshing = false
    public let settings: ReaderSettings
    /// The clock, set by the loop before drawing, for "il y a 5 min".
    public var now = Date(timeIntervalSince1970: 0)

    public init(width: Int, height: Int, settings: ReaderSettings) {
        self.width = width
        self.height = height
        self.settings = settings
        ticker = TickerState(moving: settings.tickerMoving, columnsPerSecond: settings.tickerSpeed)
    }

    public static let minimumWidth = 20
    public static let minimumHeight = 6

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Rows between the ticker (and the list's column header) and the status line.
    public var listRows: Int { max(1, height - 3) }
    public var pagerRows: Int { max(1, height - 2) }

    /// The reading measure and its left margin: centred on wide terminals.
    public var textWidth: Int { max(10, min(width - 2, settings.measure)) }
    public var textMargin: Int { max(0, (width - textWidth) / 2) }

    /// The ticker's reading point: a third of the way along the top line.
    public var tickerMark: Int { width / 3 }

    /// What the reader asks for when it starts.
    public func startEffects() -> [Effect] {
        [.loadHeadlines(offset: 0, limit: listRows * 3), .loadTicker]
    }
}
