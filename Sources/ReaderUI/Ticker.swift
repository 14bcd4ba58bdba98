import NewsModel
import Typesetting

/// One headline in the ticker: "Source · Titre", and the article it opens
/// (nil for a teaser known without its article).
public struct TickerItem: Sendable, Equatable {
    public var text: String
    public var articleID: Int64?

    public init(text: String, articleID: Int64?) {
        self.text = text
        self.articleID = articleID
    }
}

/// The scrolling band on the top line. The headlines are laid end to end on
/// a loop of columns (the strip); `offset` is the strip column shown at the
/// screen's left edge, and each tick moves it one column.
public struct TickerState: Sendable, Equatable {
    public static let separator = "   ◆   "

    public private(set) var items: [TickerItem] = []
    /// Each character of the loop with its width and the item it belongs to.
    private(set) var strip: [(character: Character, width: Int, item: Int)] = []
    /// Strip column where each character starts.
    private(set) var starts: [Int] = []
    public private(set) var length = 0
    public var offset = 0
    /// False keeps the band still (--no-ticker, config): no timer at all.
    public var moving: Bool
    public var paused = false
    /// Timer tag: a tick whose tag is not the current one is stale.
    public var tag = 0
    public var columnsPerSecond: Double

    public init(moving: Bool, columnsPerSecond: Double) {
        self.moving = moving
        self.columnsPerSecond = max(0.5, min(60, columnsPerSecond))
    }

    public static func == (a: TickerState, b: TickerState) -> Bool {
        a.items == b.items && a.offset == b.offset && a.moving == b.moving && a.paused == b.paused
            && a.tag == b.tag && a.columnsPerSecond == b.columnsPerSecond
    }

    public var isRunning: Bool { moving && !paused && length > 0 }

    public var interval: Int { Int((1000 / columnsPerSecond).rounded()) }

    public mutating func setItems(_ items: [TickerItem]) {
        self.items = items
        strip = []
        starts = []
        var column = 0
        for (index, item) in items.enumerated() {
            for character in TextSanitizer.forDisplay(item.text) + Self.separator {
                let width = DisplayWidth.of(character)
                if width == 0 { continue }
                strip.append((character, width, index))
                starts.append(column)
                column += width
            }
        }
        length = column
        if length > 0 { offset %= length } else { offset = 0 }
    }

    public mutating func advance() {
        guard length > 0 else { return }
        offset = (offset + 1) % length
    }

    /// The index into `strip` of the character covering strip column c.
    private func characterIndex(atColumn c: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= c { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The item under a screen column.
    public func item(atScreenColumn x: Int) -> TickerItem? {
        guard length > 0 else { return nil }
        return items[strip[characterIndex(atColumn: (offset + x) % length)].item]
    }

    /// Draws the band into row y. A wide character cut by either edge is
    /// shown as a space, never as half a glyph.
    public func render(into buffer: inout Buffer, y: Int, markColumn: Int?) {
        buffer.fill(y: y, style: Style(.ticker))
        guard length > 0 else { return }
        var x = 0
        var index = characterIndex(atColumn: offset % length)
        if starts[index] < offset % length {   // the left edge falls inside a wide character
            x = 1
            index = (index + 1) % strip.count
        }
        while x < buffer.width {
            let piece = strip[index]
            if x + piece.width > buffer.width { break }
            buffer.put(piece.character, width: piece.width, x: x, y: y, style: Style(.ticker))
            x += piece.width
            index = (index + 1) % strip.count
        }
        if let mark = markColumn, mark < buffer.width {
            buffer.restyle(x: mark, y: y, count: 1, style: Style(.tickerMark, bold: true))
        }
    }
}
