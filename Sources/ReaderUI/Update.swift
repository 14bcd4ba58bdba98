import NewsModel

/// The reader's logic: a message changes the state and may ask for effects.
extension AppState {
    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            return handle(key)
        case .resize(let width, let height):
            return resize(width: width, height: height)
        case .tick(let tag):
            guard tag == ticker.tag, ticker.isRunning else { return [] }   // a stale tick
            ticker.advance()
            return [armTicker()]
        case .headlines(let offset, let rows, let total, let unread):
            return receiveHeadlines(offset: offset, rows: rows, total: total, unread: unread)
        case .article(let article, let images, let index):
            pendingOpen = nil
            if !list.isFiltering { list.select(index, visibleRows: listRows) }
            pager = PagerState(article: article, images: images, listIndex: index, width: textWidth,
                               user: settings.user, threshold: settings.flagThreshold,
                               language: settings.strings.language == .fr ? .fr : .en, justify: settings.justify,
                               timeZone: settings.timeZone)
            screen = .pager
            var effects: [Effect] = []
            if !article.isRead, let id = article.id {
                effects.append(.setRead(id: id, read: true))
                if let local = list.rows.firstIndex(where: { $0.id == id }) {
                    list.rows[local].isRead = true
                    list.unread = max(0, list.unread - 1)
                }
            }
            return effects
        case .ticker(let items):
            let wasRunning = ticker.isRunning
            ticker.setItems(items)
            return !wasRunning && ticker.isRunning ? [armTicker()] : []
        case .imageStatus(let status):
            return receive(status)
        case .searchResults(let query, let rows):
            guard let filter = list.filter, filter.query == query else { return [] }   // typed on since
            list.rows = rows
            list.windowOffset = 0
            list.total = rows.count
            list.select(0, visibleRows: listRows)
            return []
        case .refreshProgress(let done, let total, let added, let failed, let finished):
            if total == 0 {
                refreshing = false
                notice = settings.strings.noFeeds
                return []
            }
            refreshing = !finished
            guard finished else {
                notice = settings.strings.refreshing(done: done, total: total, added: added, failed: failed)
                return []
            }
            notice = settings.strings.refreshed(total: total, added: added, failed: failed)
            // New headlines join the list (where it stands) and the ticker.
            var effects: [Effect] = [.loadTicker]
            if !list.isFiltering {
                effects.append(.loadHeadlines(offset: max(0, list.top - listRows), limit: listRows * 3))
            }
            return effects
        case .failed(let reason):
            notice = reason
            pendingOpen = nil
            return []
        }
    }

    /// Arms the next one-shot tick under a new tag, so any tick already in
    /// flight becomes stale and the speed can never double.
    mutating func armTicker() -> Effect {
        ticker.tag += 1
        return .startTimer(tag: ticker.tag, milliseconds: ticker.interval)
    }

    private mutating func resize(width: Int, height: Int) -> [Effect] {
        self.width = max(0, width)
        self.height = max(0, height)
        list.select(list.selection, visibleRows: listRows)
        if var pager {
            pager.relayout(width: textWidth, user: settings.user, threshold: settings.flagThreshold)
            pager.scroll(to: pager.top, visibleRows: pagerRows)
            self.pager = pager
        }
        return list.loadNeeded(visibleRows: listRows).map { [$0] } ?? []
    }

    private mutating func receiveHeadlines(offset: Int, rows: [Headline], total: Int, unread: Int) -> [Effect] {
        if list.isFiltering { return [] }   // the filter's results stay on screen
        list.total = total
        list.unread = unread
        list.windowOffset = offset
        list.rows = rows
        list.loaded = true
        list.select(list.selection, visibleRows: listRows)
        if let pending = pendingOpen, let row = list.row(at: pending) {
            return [.loadArticle(id: row.id, index: pending)]
        }
        return []
    }

    private mutating func receive(_ status: ImageStatus) -> [Effect] {
        guard var pager else { return [] }
        if let index = pager.images.firstIndex(where: { $0.id == status.id }) {
            pager.images[index] = status
        } else {
            pager.images.append(status)
        }
        let threshold = settings.flagThreshold
        if status.isBlocked(threshold: threshold) {
            notice = settings.strings.imageBlocked
        } else if status.isFlagged(by: settings.user) {
            notice = settings.strings.flagThanks(count: status.flagCount, threshold: threshold)
        } else {
            notice = settings.strings.flagWithdrawn(count: status.flagCount, threshold: threshold)
        }
        pager.relayout(width: textWidth, user: settings.user, threshold: threshold)
        self.pager = pager
        return []
    }
}
