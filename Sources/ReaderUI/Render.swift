import NewsModel
import Typesetting

/// Draws the state into a buffer of cells. Pure: the same state always gives
/// the same screen, which is what the screen tests compare.
extension AppState {
    public func render() -> Buffer {
        var buffer = Buffer(width: width, height: height)
        guard width > 0, height > 0 else { return buffer }
        if isTooSmall {
            let text = DisplayWidth.truncate(settings.strings.tooSmall, to: width)
            buffer.write(text, x: max(0, (width - DisplayWidth.of(text)) / 2), y: height / 2)
            return buffer
        }
        ticker.render(into: &buffer, y: 0, markColumn: ticker.length > 0 ? tickerMark : nil)
        switch screen {
        case .list: ListView.draw(self, into: &buffer)
        case .pager: PagerView.draw(self, into: &buffer)
        case .help: HelpView.draw(self, into: &buffer)
        }
        StatusLine.draw(self, into: &buffer)
        return buffer
    }

    /// The previous frame with only the ticker redrawn: what a tick changes.
    /// The loop uses it when the only message was a tick, so a moving band
    /// costs one row, not a screen.
    public func renderTicker(over previous: Buffer) -> Buffer {
        guard previous.width == width, previous.height == height, !isTooSmall, height > 0 else { return render() }
        var buffer = previous
        ticker.render(into: &buffer, y: 0, markColumn: ticker.length > 0 ? tickerMark : nil)
        return buffer
    }
}

enum ListView {
    static let dateWidth = 13
    static let sourceWidth = 16

    static func draw(_ state: AppState, into buffer: inout Buffer) {
        let list = state.list
        let strings = state.settings.strings
        if list.loaded && list.total == 0 {
            for (i, line) in strings.emptyStore.enumerated() {
                buffer.write(line, x: 2, y: 2 + i)
            }
            return
        }
        let titleX = 2 + dateWidth + 2 + sourceWidth + 2
        let compact = state.width < titleX + 10   // narrow: title only
        buffer.fill(y: 1, style: Style(.header))
        if compact {
            buffer.write(strings.language == .fr ? "  Titre" : "  Title", x: 0, y: 1, style: Style(.header, bold: true))
        } else {
            let header = strings.language == .fr ? ["Date", "Source", "Titre"] : ["Date", "Source", "Title"]
            buffer.write(header[0], x: 2, y: 1, style: Style(.header, bold: true))
            buffer.write(header[1], x: 2 + dateWidth + 2, y: 1, style: Style(.header, bold: true))
            buffer.write(header[2], x: titleX, y: 1, style: Style(.header, bold: true))
        }
        for row in 0..<state.listRows {
            let index = list.top + row
            let y = 2 + row
            guard index < list.total else { break }
            let selected = index == list.selection
            guard let headline = list.row(at: index) else {
                buffer.write("  " + strings.loading, x: 0, y: y, style: Style(.dim))
                continue
            }
            let base: Style = selected ? Style(.selection, bold: !headline.isRead)
                                       : Style(headline.isRead ? .normal : .unread, bold: !headline.isRead)
            if selected { buffer.fill(y: y, style: base) }
            buffer.write(headline.isRead ? " " : "•", x: 0, y: y, style: base)
            if compact {
                buffer.write(DisplayWidth.truncate(headline.title, to: state.width - 3), x: 2, y: y, style: base)
                continue
            }
            let date = headline.published.map { date in
                FrenchDates.relative(date, now: state.now, in: state.settings.timeZone,
                                     language: strings.language == .fr ? .fr : .en)
            } ?? ""
            buffer.write(date, x: 2, y: y, style: selected ? base : Style(.dim))
            buffer.write(DisplayWidth.truncate(headline.source, to: sourceWidth), x: 2 + dateWidth + 2, y: y,
                         style: selected ? base : Style(.dim))
            let room = state.width - titleX - 1
            buffer.write(DisplayWidth.truncate(headline.title, to: room), x: titleX, y: y, style: base)
        }
    }
}

enum PagerView {
    static func draw(_ state: AppState, into buffer: inout Buffer) {
        guard let pager = state.pager else { return }
        let x = state.textMargin
        let selectedBlock = pager.selectedImage.map { pager.imageBlocks[$0] }
        for row in 0..<state.pagerRows {
            let index = pager.top + row
            guard index < pager.layout.lines.count else { break }
            let line = pager.layout.lines[index]
            var style = style(for: line.style)
            if line.style == .image, line.block == selectedBlock { style = Style(.imageSelected, bold: true) }
            buffer.write(line.text, x: x, y: 1 + row, style: style, limit: state.textWidth)
            if let search = pager.search {
                for (n, match) in search.matches.enumerated() where match.line == index {
                    let current = !search.editing && n == search.current
                    buffer.restyle(x: x + match.column, y: 1 + row, count: match.width,
                                   style: Style(current ? .currentMatch : .match, bold: true))
                }
            }
        }
    }

    static func style(for style: ArticleLayout.Style) -> Style {
        switch style {
        case .title: return Style(.title, bold: true)
        case .byline: return Style(.byline)
        case .body: return Style(.normal)
        case .heading: return Style(.heading, bold: true)
        case .quote: return Style(.quote)
        case .listItem: return Style(.normal)
        case .image: return Style(.image)
        case .link: return Style(.link)
        case .rule: return Style(.dim)
        }
    }
}

enum HelpView {
    static func lines(_ settings: ReaderSettings) -> [String] {
        let strings = settings.strings
        var lines = [strings.helpTitle, ""]
        for screen in [Screen.list, .pager] {
            lines.append(strings.screenName(screen))
            for binding in settings.keys.bindings where binding.screens.contains(screen) && !binding.keys.isEmpty {
                let keys = binding.keys.map(strings.keyName).joined(separator: ", ")
                lines.append("  " + DisplayWidth.pad(keys, to: 16) + "  " + strings.help(binding.action))
            }
            lines.append("")
        }
        lines.append(strings.helpFooter)
        return lines
    }

    static func draw(_ state: AppState, into buffer: inout Buffer) {
        let all = lines(state.settings)
        for row in 0..<(state.height - 2) {
            let index = state.helpTop + row
            guard index < all.count else { break }
            let bold = index == 0 || (!all[index].hasPrefix(" ") && !all[index].isEmpty)
            buffer.write(all[index], x: 1, y: 1 + row, style: Style(bold ? .heading : .normal, bold: bold))
        }
    }
}

enum StatusLine {
    static func draw(_ state: AppState, into buffer: inout Buffer) {
        let y = state.height - 1
        buffer.fill(y: y, style: Style(.status))
        let strings = state.settings.strings
        if state.screen == .pager, let search = state.pager?.search, search.editing {
            buffer.write(strings.searchPrompt + search.query + "▏", x: 0, y: y, style: Style(.status, bold: true))
            return
        }
        if state.screen == .list, let filter = state.list.filter, filter.editing {
            buffer.write(strings.filterPrompt + filter.query + "▏", x: 0, y: y, style: Style(.status, bold: true))
            return
        }
        if let notice = state.notice {
            // A long notice (the thanks for a flag, with its count) takes up
            // to three rows above the status line rather than losing its end.
            var rows = LineBreaker.wrap(notice, width: state.width, hyphenator: nil)
            if rows.count > 3 {
                rows = Array(rows.prefix(3))
                rows[2] = DisplayWidth.truncate(rows[2] + " …", to: state.width)
            }
            for (index, row) in rows.enumerated() {
                let rowY = y - (rows.count - 1) + index
                buffer.fill(y: rowY, style: Style(.notice))
                buffer.write(row, x: 0, y: rowY, style: Style(.notice, bold: true))
            }
            return
        }
        let left: String
        switch state.screen {
        case .list: left = strings.counts(total: state.list.total, unread: state.list.unread)
        case .pager: left = position(state)
        case .help: left = strings.screenName(.help)
        }
        let hints = state.settings.keys.hints(for: state.screen)
            .map { "\(strings.keyName($0.key)) \(strings.help($0.action))" }.joined(separator: " · ")
        let text = hints.isEmpty ? left : left + " │ " + hints
        buffer.write(DisplayWidth.truncate(text, to: state.width), x: 0, y: y, style: Style(.status))
    }

    /// "12-40/80 (50 %)" or "début"/"fin".
    static func position(_ state: AppState) -> String {
        guard let pager = state.pager else { return "" }
        let total = pager.layout.lines.count
        let last = min(total, pager.top + state.pagerRows)
        let percent = total == 0 ? 100 : last * 100 / total
        let strings = state.settings.strings
        let place = pager.top == 0 ? strings.positionTop : (last >= total ? strings.positionBottom : "\(percent) %")
        return "\(pager.top + 1)-\(last)/\(total) (\(place))"
    }
}
