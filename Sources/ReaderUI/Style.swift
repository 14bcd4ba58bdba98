/// What a cell means, not how it looks: the backend turns roles into colours
/// for 256, 16 or no colours, so the pure core never knows the terminal.
public enum Role: Sendable, Hashable, CaseIterable {
    case normal, ticker, tickerMark, header, selection, unread, dim, status, notice
    case title, byline, heading, quote, link, image, imageSelected, blocked, match, currentMatch
}

public struct Style: Sendable, Hashable {
    public var role: Role
    public var bold: Bool

    public init(_ role: Role = .normal, bold: Bool = false) {
        self.role = role
        self.bold = bold
    }

    public static let normal = Style()
}
