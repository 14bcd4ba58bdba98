import Foundation
import NewsModel
import NewsStore
import ReaderUI
import TerminalCurses

/// Runs the reader: feeds keys, resizes and timer ticks to the pure core,
/// carries out the effects it asks for, and draws what changed. When no
/// timer is armed it blocks on the keyboard, so an idle reader costs nothing.
final class ReaderLoop {
    private let store: NewsStore
    private let terminal: CursesTerminal
    private var state: AppState
    /// One-shot timers by tag, with their deadlines.
    private var timers: [Int: Date] = [:]
    private var running = true
    private var refresh: BackgroundRefresh?
    private let trace = KeyTrace()
    /// The article and unread counts, kept between pages: at 100,000
    /// articles counting costs milliseconds a page. Forgotten when they can
    /// change: a read state set, a refresh.
    private var counts: (total: Int, unread: Int)?

    init(store: NewsStore, terminal: CursesTerminal, settings: ReaderSettings) {
        self.store = store
        self.terminal = terminal
        let size = terminal.size
        state = AppState(width: size.width, height: size.height, settings: settings)
    }

    func run() {
        Signals.install()
        defer { terminal.end() }
        perform(state.startEffects())
        state.now = Date()
        var frame = state.render()
        terminal.draw(frame)
        let warmUp = ReaderWarmUp.start(store: store, state: state)
        defer { warmUp?.wait() }
        while running && !Signals.hangup {
            let input = terminal.read(timeout: nextTimeout())
            if Signals.hangup { break }
            switch input {
            case .key(let key)?:
                trace?.keyRead(key.name)
                perform(state.update(.key(key)))
            case .resize?:
                let size = terminal.size
                perform(state.update(.resize(width: size.width, height: size.height)))
            case nil:
                if terminal.isGone { return }
            }
            let ticked = fireDueTimers()
            let refreshed = pollRefresh()
            // A tick alone moves only the band: redraw that row over the last frame.
            state.now = Date()
            frame = (input == nil && ticked && !refreshed) ? state.renderTicker(over: frame) : state.render()
            terminal.draw(frame)
            trace?.frameDrawn()
        }
    }

    private func nextTimeout() -> Int? {
        // While a refresh runs, wake a few times a second to show its progress.
        let polling = refresh == nil ? nil : 150
        guard let next = timers.values.min() else { return polling }
        let timer = max(0, Int((next.timeIntervalSinceNow * 1000).rounded(.up)))
        return min(timer, polling ?? timer)
    }

    /// Passes a background refresh's progress to the core; true when it did.
    private func pollRefresh() -> Bool {
        guard let job = refresh, let message = job.takeProgress() else { return false }
        counts = nil   // new articles may have come in
        if job.isFinished { refresh = nil }
        perform(state.update(message))
        return true
    }

    /// Sends the ticks that are due; true when any was sent.
    private func fireDueTimers() -> Bool {
        let now = Date()
        var fired = false
        for (tag, deadline) in timers where deadline <= now {
            timers[tag] = nil
            perform(state.update(.tick(tag: tag)))
            fired = true
        }
        return fired
    }

    /// Carries out effects; their answers are messages, which may ask for
    /// more effects in turn.
    private func perform(_ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if let answer = run(effect) {
                queue.append(contentsOf: state.update(answer))
            }
        }
    }

    private func run(_ effect: Effect) -> Message? {
        do {
            switch effect {
            case .loadHeadlines(let offset, let limit):
                let counts: (total: Int, unread: Int)
                if let known = self.counts {
                    counts = known
                } else {
                    counts = (try store.articleCount(), try store.unreadCount())
                    self.counts = counts
                }
                let rows = try store.headlines(offset: offset, limit: limit, total: counts.total)
                return .headlines(offset: offset, rows: rows, total: counts.total, unread: counts.unread)
            case .loadArticle(let id, let index):
                guard let article = try store.article(id: id) else { return .failed("article \(id) introuvable") }
                let place = index >= 0 ? index : (try store.position(ofArticle: id) ?? 0)
                return .article(article, images: try store.images(ofArticle: id), index: place)
            case .setRead(let id, let read):
                counts = nil
                try store.setRead(articleID: id, read)
                return nil
            case .search(let query, let limit):
                return .searchResults(query: query, rows: try store.searchHeadlines(query, limit: limit))
            case .loadTicker:
                return .ticker(try TickerFeed.items(from: store, unknownSource: state.settings.strings.frontPage))
            case .startTimer(let tag, let milliseconds):
                timers = timers.filter { $0.key > tag - 64 }   // forget long-stale tags
                timers[tag] = Date().addingTimeInterval(Double(milliseconds) / 1000)
                return nil
            case .refresh:
                if refresh == nil { refresh = BackgroundRefresh.start(store: store) }
                return nil
            case .openURL(let url):
                if let failure = URLOpener.open(url) { return .failed(failure) }
                return nil
            case .flag(let imageID):
                return .imageStatus(try store.flag(imageID: imageID, user: state.settings.user,
                                                   threshold: state.settings.flagThreshold))
            case .unflag(let imageID):
                return .imageStatus(try store.unflag(imageID: imageID, user: state.settings.user,
                                                     threshold: state.settings.flagThreshold))
            case .quit:
                running = false
                return nil
            }
        } catch {
            return .failed(error.message)
        }
    }
}

/// The ticker's headlines: the newest articles and teasers, interleaved.
enum TickerFeed {
    static func items(from store: NewsStore, unknownSource: String, count: Int = 24) throws(StoreError) -> [TickerItem] {
        let articles = try store.headlines(offset: 0, limit: count).map {
            TickerItem(text: "\($0.source) · \($0.title)", articleID: $0.id)
        }
        let teasers = try store.teasers(offset: 0, limit: count).map {
            TickerItem(text: ($0.source ?? unknownSource) + " · " + $0.title, articleID: nil)
        }
        var items: [TickerItem] = []
        for i in 0..<max(articles.count, teasers.count) {
            if i < articles.count { items.append(articles[i]) }
            if i < teasers.count { items.append(teasers[i]) }
        }
        return items
    }
}
