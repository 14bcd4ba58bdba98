import CNCursesW
import Foundation
import ReaderUI

/// The ncursesw backend: sets the terminal up, draws buffers by their
/// changes, reads keys, and restores the terminal on the way out.
public final class CursesTerminal {
    public enum Input: Equatable { case key(Key), resize }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private var screen: OpaquePointer?
    private var previous: Buffer?
    private var pairs: [Role: (pair: Int16, attributes: attr_t)] = [:]
    private var ended = false

    /// Opens the terminal. Fails with a clear message, rather than letting
    /// curses exit the process, when TERM is unset or unknown.
    public init(colors: ColorSettings = ColorSettings(),
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let term = environment["TERM"], !term.isEmpty else {
            throw Failure(description: "la variable TERM n'est pas définie : lancez kiosque dans un terminal (par exemple TERM=xterm-256color)")
        }
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw Failure(description: "le lecteur a besoin d'un terminal ; pour un script, utilisez « kiosque list » ou « kiosque show »")
        }
        Locale.ensureUTF8()
        guard let screen = kiosque_newterm(term) else {
            throw Failure(description: "terminal « \(term) » inconnu : essayez TERM=xterm-256color")
        }
        self.screen = screen
        set_term(screen)
        guard kiosque_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            self.screen = nil
            ended = true
            throw Failure(description: "le terminal « \(term) » ne sait pas placer le curseur : le lecteur a besoin d'un vrai terminal (TERM=xterm-256color…) ; « kiosque list » et « kiosque show » marchent partout")
        }
        cbreak()
        noecho()
        nonl()
        keypad(kiosque_stdscr(), true)
        intrflush(kiosque_stdscr(), false)
        set_escdelay(25)
        curs_set(0)
        setUpColours(colors, noColor: environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
    }

    deinit { end() }

    /// Restores the terminal. Safe to call more than once.
    public func end() {
        guard !ended, let screen else { return }
        ended = true
        endwin()
        delscreen(screen)
        self.screen = nil
    }

    public var size: (width: Int, height: Int) {
        var y: Int32 = 0, x: Int32 = 0
        kiosque_getmaxyx(kiosque_stdscr(), &y, &x)
        return (Int(x), Int(y))
    }

    /// NO_COLOR (https://no-color.org) wins over everything; then the
    /// config's mode; then what the terminal says it can do.
    private func setUpColours(_ colors: ColorSettings, noColor: Bool) {
        var depth = Palette.Depth.none
        if !noColor, colors.mode != .none, has_colors() {
            start_color()
            use_default_colors()
            let available: Palette.Depth = kiosque_colors() >= 256 ? .full : (kiosque_colors() >= 8 ? .sixteen : .none)
            switch colors.mode {
            case .full: depth = available == .full ? .full : available
            case .sixteen: depth = available == .none ? .none : .sixteen
            case .auto, .none: depth = available
            }
        }
        var next: Int16 = 1
        for role in Role.allCases {
            var look = Palette.look(role, depth: depth)
            if depth != .none, let override = colors.overrides[role] {
                if let fg = override.foreground { look.foreground = fg }
                if let bg = override.background { look.background = bg }
            }
            var attributes = kiosque_normal()
            if look.bold { attributes |= kiosque_bold() }
            if look.reverse { attributes |= kiosque_reverse() }
            if look.underline { attributes |= kiosque_underline() }
            var pair: Int16 = 0
            if depth != .none, (look.foreground >= 0 || look.background >= 0), Int32(next) < kiosque_color_pairs() {
                init_pair(next, look.foreground, look.background)
                pair = next
                next += 1
            }
            pairs[role] = (pair, attributes)
        }
    }

    /// Draws what changed since the last frame. A resize or `invalidate()`
    /// makes the next draw complete.
    public func draw(_ buffer: Buffer) {
        let changes = buffer.changes(since: previous)
        if previous == nil || previous!.width != buffer.width || previous!.height != buffer.height {
            werase(kiosque_stdscr())
        }
        for change in changes {
            put(change.cell, x: change.x, y: change.y)
        }
        previous = buffer
        wnoutrefresh(kiosque_stdscr())
        doupdate()
    }

    public func invalidate() { previous = nil }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let look = pairs[cell.style.role] ?? (0, kiosque_normal())
        var attributes = look.attributes
        if cell.style.bold { attributes |= kiosque_bold() }
        var wide = Array(cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) })
        wide.append(0)
        var character = cchar_t()
        setcchar(&character, wide, attributes, look.pair, nil)
        mvwadd_wch(kiosque_stdscr(), Int32(y), Int32(x), &character)
    }

    /// Whether the terminal has gone (its window closed, its connection
    /// dropped): the keyboard then reads as an end of file at once, which a
    /// process the hang-up signal did not reach would take for a timeout
    /// and spin on.
    public var isGone: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Waits for a key for at most `milliseconds` (forever when nil).
    /// Returns nil on timeout.
    public func read(timeout milliseconds: Int?) -> Input? {
        wtimeout(kiosque_stdscr(), Int32(milliseconds.map { max(0, $0) } ?? -1))
        var value: wint_t = 0
        let status = wget_wch(kiosque_stdscr(), &value)
        if status == ERR { return nil }
        if status == kiosque_key_code_yes() {
            if Int32(value) == kiosque_key_resize() {
                previous = nil
                return .resize
            }
            return KeyDecoding.special(Int32(value)).map(Input.key)
        }
        return KeyDecoding.character(UInt32(value)).map(Input.key)
    }
}

extension Locale {
    /// Without a UTF-8 locale ncursesw drops every accent. Only C, C.UTF-8
    /// and POSIX may exist, and with LANG unset "" gives "C": fall back.
    static func ensureUTF8() {
        let chosen = setlocale(LC_ALL, "").map { String(cString: $0) } ?? "C"
        let upper = chosen.uppercased()
        if !(upper.contains("UTF-8") || upper.contains("UTF8")) {
            if setlocale(LC_ALL, "C.UTF-8") == nil { _ = setlocale(LC_ALL, "C.utf8") }
        }
    }
}
