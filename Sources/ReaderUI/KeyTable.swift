/// Every action of the reader, with its default keys, help text and the
/// screens where it applies. This one table drives key handling, the help
/// screen and the hints in the status line; the config file rebinds it.
public enum Action: String, Sendable, CaseIterable {
    case up, down, pageUp, pageDown, top, bottom, open, back, quit
    case previousArticle, nextArticle, openSource
    case search, nextMatch, previousMatch, filter
    case nextImage, previousImage, flagImage
    case toggleTicker, openTickerHeadline, help, toggleRead, refresh
}

public enum Screen: String, Sendable, CaseIterable { case list, pager, help }

public struct KeyBinding: Sendable {
    public var action: Action
    public var keys: [Key]
    public var screens: Set<Screen>
    /// Shown in the status line of these screens.
    public var hint: Bool
}

public struct KeyTable: Sendable {
    public private(set) var bindings: [KeyBinding]

    public static let defaults = KeyTable(bindings: [
        KeyBinding(action: .up, keys: [.up, .character("k")], screens: [.list, .pager, .help], hint: false),
        KeyBinding(action: .down, keys: [.down, .character("j")], screens: [.list, .pager, .help], hint: false),
        KeyBinding(action: .pageUp, keys: [.pageUp, .character("b")], screens: [.list, .pager, .help], hint: false),
        KeyBinding(action: .pageDown, keys: [.pageDown, .character(" ")], screens: [.list, .pager, .help], hint: false),
        KeyBinding(action: .top, keys: [.home, .character("g")], screens: [.list, .pager, .help], hint: false),
        KeyBinding(action: .bottom, keys: [.end, .character("G")], screens: [.list, .pager, .help], hint: false),
        KeyBinding(action: .open, keys: [.enter], screens: [.list], hint: true),
        KeyBinding(action: .back, keys: [.character("q"), .escape], screens: [.pager, .help], hint: true),
        KeyBinding(action: .quit, keys: [.character("q")], screens: [.list], hint: true),
        KeyBinding(action: .previousArticle, keys: [.left], screens: [.pager], hint: false),
        KeyBinding(action: .nextArticle, keys: [.right], screens: [.pager], hint: true),
        KeyBinding(action: .openSource, keys: [.character("o")], screens: [.pager], hint: true),
        KeyBinding(action: .search, keys: [.character("/")], screens: [.pager], hint: true),
        KeyBinding(action: .nextMatch, keys: [.character("n")], screens: [.pager], hint: false),
        KeyBinding(action: .previousMatch, keys: [.character("N")], screens: [.pager], hint: false),
        KeyBinding(action: .filter, keys: [.character("/")], screens: [.list], hint: true),
        KeyBinding(action: .nextImage, keys: [.tab], screens: [.pager], hint: true),
        KeyBinding(action: .previousImage, keys: [.backTab], screens: [.pager], hint: false),
        KeyBinding(action: .flagImage, keys: [.character("s")], screens: [.pager], hint: true),
        KeyBinding(action: .refresh, keys: [.character("r")], screens: [.list, .pager], hint: false),
        KeyBinding(action: .toggleRead, keys: [.character("u")], screens: [.list], hint: false),
        KeyBinding(action: .toggleTicker, keys: [.character("t")], screens: [.list, .pager], hint: false),
        KeyBinding(action: .openTickerHeadline, keys: [.character("T")], screens: [.list, .pager], hint: false),
        KeyBinding(action: .help, keys: [.character("?"), .function(1)], screens: [.list, .pager], hint: true),
    ])

    /// The action a key triggers on a screen, if any.
    public func action(for key: Key, on screen: Screen) -> Action? {
        bindings.first { $0.screens.contains(screen) && $0.keys.contains(key) }?.action
    }

    public func keys(for action: Action) -> [Key] {
        bindings.first { $0.action == action }?.keys ?? []
    }

    /// Replaces an action's keys (from the config file). A key taken from
    /// another action on a shared screen is removed there, so one key never
    /// means two things on one screen.
    public mutating func rebind(_ action: Action, to keys: [Key]) {
        guard let index = bindings.firstIndex(where: { $0.action == action }) else { return }
        let screens = bindings[index].screens
        for other in bindings.indices where other != index && !bindings[other].screens.isDisjoint(with: screens) {
            bindings[other].keys.removeAll { keys.contains($0) }
        }
        bindings[index].keys = keys
    }

    public func hints(for screen: Screen) -> [(key: Key, action: Action)] {
        bindings.filter { $0.hint && $0.screens.contains(screen) && !$0.keys.isEmpty }
            .map { (key: $0.keys[0], action: $0.action) }
    }
}
