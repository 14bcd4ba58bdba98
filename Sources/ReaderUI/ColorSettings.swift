/// Colour choices from the config file: how many colours to use, and
/// per-role overrides as terminal colour numbers (-1 for the default).
public struct ColorSettings: Sendable, Equatable {
    public enum Mode: String, Sendable { case auto, full = "256", sixteen = "16", none }

    public struct Pair: Sendable, Equatable {
        public var foreground: Int16?
        public var background: Int16?
        public init(foreground: Int16?, background: Int16?) {
            self.foreground = foreground
            self.background = background
        }
    }

    public var mode: Mode
    public var overrides: [Role: Pair]

    public init(mode: Mode = .auto, overrides: [Role: Pair] = [:]) {
        self.mode = mode
        self.overrides = overrides
    }
}

extension Role {
    /// The role's name in the config file.
    public var configName: String {
        switch self {
        case .normal: return "normal"
        case .ticker: return "ticker"
        case .tickerMark: return "ticker_mark"
        case .header: return "header"
        case .selection: return "selection"
        case .unread: return "unread"
        case .dim: return "dim"
        case .status: return "status"
        case .notice: return "notice"
        case .title: return "title"
        case .byline: return "byline"
        case .heading: return "heading"
        case .quote: return "quote"
        case .link: return "link"
        case .image: return "image"
        case .imageSelected: return "image_selected"
        case .blocked: return "blocked"
        case .match: return "match"
        case .currentMatch: return "current_match"
        }
    }
}

extension Action {
    /// The action's name in the config file's [keys] table.
    public var configName: String {
        rawValue.reduce(into: "") { name, c in
            if c.isUppercase { name += "_" + c.lowercased() } else { name.append(c) }
        }
    }
}
