/// An element as the feed reader reports it: its expanded name, where it is,
/// and its attributes, copied out of libxml2 so that they outlive the node.
struct FeedElement: Sendable {
    struct Attribute: Sendable {
        let namespace: String?
        let localName: String
        let value: String
    }

    let namespace: String?
    let localName: String
    /// 0 for the root element.
    let depth: Int
    let line: Int
    let attributes: [Attribute]

    /// `prefixResolved`: the reader resolved the name's prefix itself, so that
    /// its local name holds no colon (the plain reader, which leaves an
    /// undeclared prefix to libxml2): it is then not looked through.
    init(namespace: String?, localName: String, depth: Int, line: Int, attributes: [Attribute],
         prefixResolved: Bool = false) {
        // An undeclared prefix ("dc:creator" without xmlns:dc) leaves libxml2
        // with a colon in the local name and no namespace; such feeds exist,
        // so the usual prefixes are given their usual namespaces.
        // (The colon is looked for among the bytes: a search for a character
        // walked the name grapheme by grapheme, a tenth of a second for the
        // elements of 100,000 items.)
        if !prefixResolved, namespace == nil, let colon = localName.utf8.firstIndex(of: UInt8(ascii: ":")),
           let guessed = FeedNamespace.conventional[String(localName[..<colon])] {
            self.namespace = guessed
            self.localName = String(localName[localName.index(after: colon)...])
        } else {
            self.namespace = namespace
            self.localName = localName
        }
        self.depth = depth
        self.line = line
        self.attributes = attributes
    }

    /// The attribute's value; without a namespace, only unprefixed attributes match.
    func attribute(_ localName: String, namespace: String? = nil) -> String? {
        attributes.first { $0.localName == localName && $0.namespace == namespace }?.value
    }

    func isNamed(_ localName: String, in namespaces: [String?]) -> Bool {
        self.localName == localName && namespaces.contains(namespace)
    }
}

/// Namespaces kiosque reads, grouped the way the parsers match them: in
/// arrays of one to three, looked through, not hashed. A namespace read
/// from a document is one string shared by its elements, compared at once
/// when it is the same; hashed, each URI of each element (every element of
/// an Atom entry, every Dublin Core element of an item) cost ten times more.
enum FeedNamespace {
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let media = "http://search.yahoo.com/mrss/"

    /// RSS elements: unqualified in RSS 0.9x/2.0, in the RSS 1.0 or 0.90
    /// namespace in RDF feeds.
    static let rss: [String?] = [nil, rss1, rss090]
    /// `rss.contains(namespace)`, at once for the unqualified names of RSS
    /// 2.0: most elements of most feeds, two million for 100,000 items.
    static func isRSS(_ namespace: String?) -> Bool { namespace == nil || rss.contains(namespace) }
    static let atomElements: [String?] = [atom, atom03]
    static let contentModule: [String?] = [content]
    static let dublinCoreModule: [String?] = [dublinCore]
    /// Media RSS is also found without its final slash.
    static let mediaRSS: [String?] = [media, "http://search.yahoo.com/mrss"]

    static let conventional: [String: String] = [
        "dc": dublinCore, "content": content, "media": media, "atom": atom, "rdf": rdf,
    ]
}
