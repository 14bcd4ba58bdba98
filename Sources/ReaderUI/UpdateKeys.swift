import Foundation
import NewsModel

/// Keys, turned into actions through the one key table.
extension AppState {
    mutating func handle(_ key: Key) -> [Effect] {
        notice = nil
        if screen == .pager, pager?.search?.editing == true {
            return editSearch(key)
        }
        if screen == .list, list.filter?.editing == true {
            return editFilter(key)
        }
        if screen == .list, key == .escape, list.filter != nil {
            return clearFilter()
        }
        guard let action = settings.keys.action(for: key, on: screen) else { return [] }
        switch action {
        case .help:
            screenBeforeHelp = screen
            screen = .help
            helpTop = 0
            return []
        case .toggleTicker:
            return toggleTicker()
        case .openTickerHeadline:
            return openTickerHeadline()
        case .quit:
            return [.quit]
        case .refresh:
            if refreshing { notice = settings.strings.alreadyRefreshing; return [] }
            refreshing = true
            return [.refresh]
        default:
            break
        }
        switch screen {
        case .list: return listAction(action)
        case .pager: return pagerAction(action)
        case .help: return helpAction(action)
        }
    }

    private mutating func toggleTicker() -> [Effect] {
        guard ticker.moving else { return [] }
        ticker.paused.toggle()
        notice = ticker.paused ? settings.strings.tickerPaused : settings.strings.tickerRunning
        if ticker.paused {
            ticker.tag += 1       // whatever tick is in flight is now stale
            return []
        }
        return ticker.isRunning ? [armTicker()] : []
    }

    private mutating func openTickerHeadline() -> [Effect] {
        guard let item = ticker.item(atScreenColumn: tickerMark) else {
            notice = settings.strings.tickerEmpty
            return []
        }
        guard let id = item.articleID else {
            notice = settings.strings.teaserWithoutArticle
            return []
        }
        // Its place in the list, when the loaded rows hold it; else the loop
        // asks the store (-1), so that ← → and q are relative to it.
        let index = list.rows.firstIndex { $0.id == id }.map { $0 + list.windowOffset } ?? -1
        return [.loadArticle(id: id, index: index)]
    }

    // MARK: list

    private mutating func listAction(_ action: Action) -> [Effect] {
        let page = listRows
        switch action {
        case .up: list.select(list.selection - 1, visibleRows: page)
        case .down: list.select(list.selection + 1, visibleRows: page)
        case .pageUp:
            list.top = max(0, list.top - page)
            list.select(list.selection - page, visibleRows: page)
        case .pageDown:
            list.top = min(max(0, list.total - page), list.top + page)
            list.select(list.selection + page, visibleRows: page)
        case .top: list.select(0, visibleRows: page)
        case .bottom: list.select(list.total - 1, visibleRows: page)
        case .open:
            return open(index: list.selection)
        case .filter:
            if list.filter == nil {
                list.filter = .init(query: "", editing: true, savedSelection: list.selection, savedTop: list.top)
            } else {
                list.filter?.editing = true
            }
            return []
        case .toggleRead:
            let local = list.selection - list.windowOffset
            guard list.rows.indices.contains(local) else { return [] }
            list.rows[local].isRead.toggle()
            list.unread += list.rows[local].isRead ? -1 : 1
            return [.setRead(id: list.rows[local].id, read: list.rows[local].isRead)]
        default:
            return []
        }
        return list.loadNeeded(visibleRows: page).map { [$0] } ?? []
    }

    /// Opens the article at a list index, loading its row first if needed.
    private mutating func open(index: Int) -> [Effect] {
        guard list.total > 0, (0..<list.total).contains(index) else { return [] }
        if let row = list.row(at: index) { return [.loadArticle(id: row.id, index: index)] }
        pendingOpen = index
        return [.loadHeadlines(offset: max(0, index - listRows), limit: listRows * 3)]
    }

    // MARK: pager

    private mutating func pagerAction(_ action: Action) -> [Effect] {
        guard var pager else { screen = .list; return [] }
        defer { self.pager = pager }
        let rows = pagerRows
        switch action {
        case .up: pager.scroll(to: pager.top - 1, visibleRows: rows)
        case .down: pager.scroll(to: pager.top + 1, visibleRows: rows)
        case .pageUp: pager.scroll(to: pager.top - max(1, rows - 1), visibleRows: rows)
        case .pageDown: pager.scroll(to: pager.top + max(1, rows - 1), visibleRows: rows)
        case .top: pager.scroll(to: 0, visibleRows: rows)
        case .bottom: pager.scroll(to: pager.layout.lines.count, visibleRows: rows)
        case .back:
            screen = .list
            list.select(pager.listIndex, visibleRows: listRows)
            return list.loadNeeded(visibleRows: listRows).map { [$0] } ?? []
        case .previousArticle, .nextArticle:
            let target = pager.listIndex + (action == .nextArticle ? 1 : -1)
            guard (0..<list.total).contains(target) else { return [] }
            list.select(target, visibleRows: listRows)
            return open(index: target)
        case .openSource:
            guard let url = pager.article.url, SafeURL.isOpenable(url) else {
                notice = settings.strings.noSourceLink
                return []
            }
            notice = settings.strings.opening(url)
            return [.openURL(url)]
        case .search:
            pager.search = SearchState(query: "", editing: true)
        case .nextMatch, .previousMatch:
            guard var search = pager.search, !search.matches.isEmpty else { return [] }
            let step = action == .nextMatch ? 1 : search.matches.count - 1
            search.current = (search.current + step) % search.matches.count
            pager.search = search
            pager.scroll(to: search.matches[search.current].line - rows / 3, visibleRows: rows)
            notice = settings.strings.matches(search.matches.count, current: search.current + 1)
        case .nextImage, .previousImage:
            let blocks = pager.imageBlocks
            guard !blocks.isEmpty else { notice = settings.strings.noImage; return [] }
            let count = blocks.count
            if let current = pager.selectedImage {
                pager.selectedImage = (current + (action == .nextImage ? 1 : count - 1)) % count
            } else {
                pager.selectedImage = action == .nextImage ? 0 : count - 1
            }
            let block = blocks[pager.selectedImage!]
            if let line = pager.layout.lines.firstIndex(where: { $0.block == block }),
               line < pager.top || line >= pager.top + rows {
                pager.scroll(to: line - 1, visibleRows: rows)
            }
        case .flagImage:
            return flagSelectedImage(pager)
        default:
            break
        }
        return []
    }

    private mutating func flagSelectedImage(_ pager: PagerState) -> [Effect] {
        guard let selected = pager.selectedImage else {
            notice = pager.imageBlocks.isEmpty ? settings.strings.noImage : settings.strings.selectImageFirst
            return []
        }
        guard case .image(let image) = pager.article.blocks[pager.imageBlocks[selected]],
              let status = pager.status(of: image) else { return [] }
        if status.isBlocked(threshold: settings.flagThreshold) {
            notice = settings.strings.imageBlocked
            return []
        }
        return status.isFlagged(by: settings.user) ? [.unflag(imageID: status.id)] : [.flag(imageID: status.id)]
    }

    /// Typing a filter: each change asks for the matching articles, so the
    /// list narrows as you type; Enter keeps the results to browse.
    private mutating func editFilter(_ key: Key) -> [Effect] {
        guard var filter = list.filter else { return [] }
        switch key {
        case .escape:
            return clearFilter()
        case .enter:
            filter.editing = false
            list.filter = filter
            if !filter.query.isEmpty { notice = settings.strings.filtered(list.total, query: filter.query) }
            return []
        case .backspace, .delete:
            guard !filter.query.isEmpty else { return [] }
            filter.query.removeLast()
        case .character(let c):
            filter.query.append(c)
        default:
            return []
        }
        list.filter = filter
        if filter.query.trimmingCharacters(in: .whitespaces).isEmpty {
            list.filter?.query = ""
            return restoreUnfiltered(filter)   // an empty query shows every article again
        }
        return [.search(query: filter.query, limit: 500)]
    }

    /// Esc: back to every article, where the selection was before filtering.
    private mutating func clearFilter() -> [Effect] {
        guard let filter = list.filter else { return [] }
        list.filter = nil
        return restoreUnfiltered(filter)
    }

    private mutating func restoreUnfiltered(_ filter: ListState.ListFilter) -> [Effect] {
        list.loaded = false
        list.selection = filter.savedSelection
        list.top = filter.savedTop
        return [.loadHeadlines(offset: max(0, list.top - listRows), limit: listRows * 3)]
    }

    /// Typing a search: characters add, Backspace removes, Enter keeps the
    /// query and jumps to the first match below, Esc abandons it.
    private mutating func editSearch(_ key: Key) -> [Effect] {
        guard var pager, var search = pager.search else { return [] }
        defer { self.pager = pager }
        switch key {
        case .escape:
            pager.search = nil
            return []
        case .backspace, .delete:
            if !search.query.isEmpty { search.query.removeLast() }
        case .enter:
            search.editing = false
            search.recompute(in: pager.layout)
            if let first = search.matches.firstIndex(where: { $0.line >= pager.top }) ?? (search.matches.isEmpty ? nil : 0) {
                search.current = first
                pager.scroll(to: search.matches[first].line - pagerRows / 3, visibleRows: pagerRows)
            }
            notice = settings.strings.matches(search.matches.count, current: search.current + 1)
            pager.search = search.query.isEmpty ? nil : search
            return []
        case .character(let c):
            search.query.append(c)
        default:
            return []
        }
        search.recompute(in: pager.layout)
        pager.search = search
        return []
    }

    // MARK: help

    private mutating func helpAction(_ action: Action) -> [Effect] {
        let rows = max(1, height - 3)
        let total = HelpView.lines(settings).count
        switch action {
        case .back: screen = screenBeforeHelp
        case .up: helpTop -= 1
        case .down: helpTop += 1
        case .pageUp: helpTop -= rows
        case .pageDown: helpTop += rows
        case .top: helpTop = 0
        case .bottom: helpTop = total
        default: break
        }
        helpTop = min(max(0, helpTop), max(0, total - rows))
        return []
    }
}
