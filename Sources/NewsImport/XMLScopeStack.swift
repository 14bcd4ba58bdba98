import Foundation
import NewsModel

/// The xml:base and xml:lang in effect at each element (XML Base, XML 1.0
/// §2.12). Each xml:base is resolved against the base of its parent, which
/// is the document's own address at the root; relative links inside an
/// element are then resolved against `base`.
struct XMLScopeStack {
    private struct Frame {
        let depth: Int
        let base: String?
        /// True once an xml:base has been declared on this element or above.
        let baseIsDeclared: Bool
        let language: String?
    }

    private var frames: [Frame]

    init(documentBase: String?) {
        frames = [Frame(depth: -1, base: documentBase, baseIsDeclared: false, language: nil)]
    }

    var base: String? { frames[frames.count - 1].base }
    var language: String? { frames[frames.count - 1].language }
    /// The base when it comes from an xml:base, nil when it is the document's.
    var declaredBase: String? { frames[frames.count - 1].baseIsDeclared ? base : nil }

    /// Call for every element start, before looking at the element's links:
    /// an element's own xml:base applies to its own attributes.
    mutating func enter(_ element: FeedElement) {
        let declaredBase = element.attribute("base", namespace: FeedNamespace.xml)
        let declaredLanguage = element.attribute("lang", namespace: FeedNamespace.xml)
        guard declaredBase != nil || declaredLanguage != nil else { return }
        // A base that does not resolve to http(s) (a file: URL, garbage)
        // cannot serve for web links; the parent's stays in effect.
        let newBase = declaredBase.flatMap { CanonicalURL.resolve($0, against: base) } ?? base
        let newLanguage = declaredLanguage.map { $0.trimmingCharacters(in: .whitespaces) } ?? language
        let isDeclared = frames[frames.count - 1].baseIsDeclared || newBase != base
        frames.append(Frame(depth: element.depth, base: newBase, baseIsDeclared: isDeclared,
                            language: newLanguage?.isEmpty == true ? nil : newLanguage))
    }

    mutating func leave(_ element: FeedElement) {
        if frames.count > 1, frames[frames.count - 1].depth == element.depth {
            frames.removeLast()
        }
    }
}
