import NewsModel

/// The headline list: counts, the selection and scroll position, and the one
/// window of rows loaded from the store (never the whole table).
public struct ListState: Sendable, Equatable {
    public var total = 0
    public var unread = 0
    public var selection = 0
    public var top = 0
    public var loaded = false
    public var windowOffset = 0
    public var rows: [Headline] = []
    /// While set, the list shows the articles matching the query instead of
    /// every article.
    public var filter: ListFilter?

    /// True when the rows are a filter's results rather than every article.
    public var isFiltering: Bool { !(filter?.query.isEmpty ?? true) }

    /// The list's state before filtering, to come back to with Esc.
    public struct ListFilter: Sendable, Equatable {
        public var query: String
        public var editing: Bool
        public var savedSelection: Int
        public var savedTop: Int
    }

    public func row(at index: Int) -> Headline? {
        let local = index - windowOffset
        return rows.indices.contains(local) ? rows[local] : nil
    }

    /// Moves the selection, clamped, and scrolls so it stays visible.
    public mutating func select(_ index: Int, visibleRows: Int) {
        guard total > 0 else { selection = 0; top = 0; return }
        selection = min(max(0, index), total - 1)
        let page = max(1, visibleRows)
        if selection < top { top = selection }
        if selection >= top + page { top = selection - page + 1 }
        top = min(max(0, top), max(0, total - page))
    }

    /// The load that covers rows [top, top + visibleRows) plus a page on each
    /// side, or nil when the window already covers them.
    public func loadNeeded(visibleRows: Int) -> Effect? {
        if isFiltering { return nil }     // the filter's results are all loaded
        let page = max(1, visibleRows)
        let wanted = top..<min(total, top + page)
        let have = windowOffset..<(windowOffset + rows.count)
        if loaded, wanted.isEmpty || (have.contains(wanted.lowerBound) && have.contains(wanted.upperBound - 1)) {
            return nil
        }
        let offset = max(0, top - page)
        return .loadHeadlines(offset: offset, limit: page * 3)
    }
}
