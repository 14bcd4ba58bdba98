import ReaderUI

/// How each role looks, in 256 colours, 16 colours or none. Without colour
/// (NO_COLOR, a dumb terminal) attributes alone keep the screen readable.
struct Palette {
    enum Depth { case none, sixteen, full }

    struct Look {
        var foreground: Int16 = -1
        var background: Int16 = -1
        var bold = false
        var reverse = false
        var underline = false
    }

    static func look(_ role: Role, depth: Depth) -> Look {
        switch depth {
        case .none: return monochrome(role)
        case .sixteen: return sixteen(role)
        case .full: return full(role)
        }
    }

    private static func monochrome(_ role: Role) -> Look {
        switch role {
        case .ticker, .status, .selection, .imageSelected, .match: return Look(reverse: true)
        // The reading point stands out of the reversed band by not being reversed.
        case .tickerMark: return Look(bold: true, underline: true)
        case .currentMatch, .notice: return Look(bold: true, reverse: true, underline: true)
        case .header: return Look(underline: true)
        case .unread, .title, .heading: return Look(bold: true)
        case .link: return Look(underline: true)
        default: return Look()
        }
    }

    // Indices of the 8 standard colours: 0 black, 1 red, 2 green, 3 yellow,
    // 4 blue, 5 magenta, 6 cyan, 7 white.
    private static func sixteen(_ role: Role) -> Look {
        switch role {
        case .ticker: return Look(foreground: 7, background: 4)
        case .tickerMark: return Look(foreground: 0, background: 3, bold: true)
        case .header: return Look(foreground: 6, underline: true)
        case .selection: return Look(foreground: 0, background: 6)
        case .unread: return Look(foreground: 7, bold: true)
        case .dim: return Look(foreground: 6)
        case .status: return Look(foreground: 0, background: 7)
        case .notice: return Look(foreground: 0, background: 3, bold: true)
        case .title: return Look(foreground: 3, bold: true)
        case .byline: return Look(foreground: 6)
        case .heading: return Look(foreground: 2, bold: true)
        case .quote: return Look(foreground: 5)
        case .link: return Look(foreground: 4, underline: true)
        case .image: return Look(foreground: 6)
        case .imageSelected: return Look(foreground: 0, background: 6, bold: true)
        case .blocked: return Look(foreground: 1)
        case .match: return Look(foreground: 0, background: 3)
        case .currentMatch: return Look(foreground: 0, background: 1, bold: true)
        case .normal: return Look()
        }
    }

    private static func full(_ role: Role) -> Look {
        switch role {
        case .ticker: return Look(foreground: 231, background: 24)
        case .tickerMark: return Look(foreground: 16, background: 214, bold: true)
        case .header: return Look(foreground: 110, underline: true)
        case .selection: return Look(foreground: 16, background: 153)
        case .unread: return Look(foreground: 255, bold: true)
        case .dim: return Look(foreground: 246)
        case .status: return Look(foreground: 16, background: 250)
        case .notice: return Look(foreground: 16, background: 221, bold: true)
        case .title: return Look(foreground: 222, bold: true)
        case .byline: return Look(foreground: 110)
        case .heading: return Look(foreground: 150, bold: true)
        case .quote: return Look(foreground: 182)
        case .link: return Look(foreground: 75, underline: true)
        case .image: return Look(foreground: 109)
        case .imageSelected: return Look(foreground: 16, background: 109, bold: true)
        case .blocked: return Look(foreground: 167)
        case .match: return Look(foreground: 16, background: 186)
        case .currentMatch: return Look(foreground: 16, background: 208, bold: true)
        case .normal: return Look()
        }
    }
}
