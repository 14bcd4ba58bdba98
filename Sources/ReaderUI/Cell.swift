import NewsModel
import Typesetting

/// One terminal cell: a grapheme cluster, the columns it takes, its style.
/// The cell after a wide character is a continuation (empty text, width 0),
/// so a diff can never draw half of a wide character.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .normal)

    var isContinuation: Bool { width == 0 }
}

/// A screen's worth of cells. Rendering writes into a buffer; the backend
/// draws only the cells that differ from the previous one.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes text from column x on row y, cut at `limit` columns (the row's
    /// end by default). Text is sanitised here once more: nothing from
    /// outside reaches the terminal raw. Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in TextSanitizer.forDisplay(text) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }            // a lone zero-width cluster has nothing to draw
            if column + w > end { break }
            set(Cell(text: String(character), width: w, style: style), x: column, y: y)
            if w == 2 { set(Cell(text: "", width: 0, style: style), x: column + 1, y: y) }
            column += w
        }
        return column - x
    }

    /// Puts one grapheme already cleaned and measured (the ticker's strip is
    /// cleaned once when its items change, not on every tick).
    mutating func put(_ character: Character, width w: Int, x: Int, y: Int, style: Style) {
        guard y >= 0, y < height, x >= 0, x + w <= width, w > 0 else { return }
        set(Cell(text: String(character), width: w, style: style), x: x, y: y)
        if w == 2 { set(Cell(text: "", width: 0, style: style), x: x + 1, y: y) }
    }

    /// Paints `count` columns from x with spaces in a style (a highlighted row).
    public mutating func fill(x: Int = 0, y: Int, count: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (count ?? width))
        var column = max(0, x)
        while column < end {
            set(Cell(text: " ", width: 1, style: style), x: column, y: y)
            column += 1
        }
    }

    /// Changes the style of existing cells without touching their text.
    public mutating func restyle(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) {
            cells[y * width + column].style = style
        }
    }

    /// Sets one cell; a wide character that it half covers is replaced by a
    /// space on both halves, so no half-character is ever left on screen.
    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style)
        }
        if old.width == 2, x + 1 < width, cell.width != 2 {
            cells[index + 1] = Cell(text: " ", width: 1, style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// The screen as text rows, for tests and recorded screens.
    public var lines: [String] {
        (0..<height).map { y in
            (0..<width).map { x in self[x, y].text }.joined()
        }
    }

    /// Rows with trailing blanks removed.
    public var trimmedLines: [String] {
        lines.map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }
    }
}

/// One change between two frames.
public struct CellChange: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

extension Buffer {
    /// The cells to draw to turn `previous` into this buffer. A size change
    /// redraws everything; a continuation cell is never emitted on its own —
    /// its wide character is, which covers it.
    public func changes(since previous: Buffer?) -> [CellChange] {
        var result: [CellChange] = []
        let full = previous == nil || previous!.width != width || previous!.height != height
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                if !full, previous![x, y] == cell { continue }
                if cell.isContinuation {
                    // Redraw the wide character that owns this cell if it was not already.
                    if x > 0, let last = result.last, last.x == x - 1, last.y == y { continue }
                    if x > 0 { result.append(CellChange(x: x - 1, y: y, cell: self[x - 1, y])) }
                    continue
                }
                result.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return result
    }
}
