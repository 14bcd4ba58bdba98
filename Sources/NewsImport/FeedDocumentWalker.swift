/// What a format collector wants from an element it has been shown.
enum FeedCapture {
    /// Keep showing the element's children.
    case children
    /// Hand back the element's text content (nested tags ignored) at its end.
    case text
    /// Hand back the element's content re-serialised as markup (Atom xhtml).
    case markup
}

/// Where a collector is told about an element: the xml:base and xml:lang
/// in effect there (`base`, `declaredBase`, `language`: see
/// `XMLScopeStack`). The stack itself, read only when the collector asks:
/// the three strings copied out for every element cost three retains and
/// three releases each, and collectors look at them at an item's start.
typealias FeedScope = XMLScopeStack

/// A format's reading of the element stream (RSS, Atom).
protocol FeedCollector {
    mutating func start(_ element: FeedElement, scope: FeedScope) -> FeedCapture
    /// `captured` is the text or markup asked for at the start, else nil.
    mutating func end(_ element: FeedElement, captured: String?)
}

/// Drives a collector over the reader's events: keeps the xml:base/xml:lang
/// scopes and gathers the content of captured elements, so that collectors
/// only decide what each element means.
enum FeedDocumentWalker {
    /// `root` is the root element's start, already read to choose the format.
    /// `afterEnd` runs after each element's end, with the collector: the
    /// parser takes finished items there, so they need not pile up.
    static func walk<Collector: FeedCollector>(_ reader: some FeedEventSource, root: FeedElement, documentBase: String?,
                                               collector: inout Collector,
                                               afterEnd: (inout Collector) throws -> Void) throws {
        var scopes = XMLScopeStack(documentBase: documentBase)
        // The element being captured, and what is gathered for it. Kept in
        // plain variables, not enum payloads, so appends stay in place.
        var captured: FeedElement?
        var capturesMarkup = false
        var text = ""
        var writer = XHTMLMarkupWriter()

        func start(_ element: FeedElement) {
            scopes.enter(element)
            if captured != nil {
                if capturesMarkup { writer.open(element, base: scopes.base) }
                return
            }
            switch collector.start(element, scope: scopes) {
            case .children:
                break
            case .text:
                captured = element
                capturesMarkup = false
                text = ""
            case .markup:
                captured = element
                capturesMarkup = true
                writer = XHTMLMarkupWriter()
            }
        }

        func end(_ element: FeedElement) {
            if let owner = captured {
                if owner.depth == element.depth {
                    captured = nil
                    collector.end(element, captured: capturesMarkup ? writer.markup : text)
                    text = ""
                    writer = XHTMLMarkupWriter()
                } else if capturesMarkup {
                    writer.close(element)
                }
            } else {
                collector.end(element, captured: nil)
            }
            scopes.leave(element)
        }

        start(root)
        while let event = try reader.next() {
            switch event {
            case .start(let element): start(element)
            case .end(let element):
                end(element)
                try afterEnd(&collector)
            case .text(let content):
                guard captured != nil else { continue }
                if capturesMarkup { writer.text(content) } else { text += content }
            }
        }
    }
}
