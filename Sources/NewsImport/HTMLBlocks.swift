import ArticleHTML
import NewsModel

/// Converts the HTML of a feed item into the model's blocks.
///
/// Paragraphs, headings, quotes (with their <cite>/<footer> as attribution),
/// lists, images (with their <figure>'s caption and credit) and tables
/// (one paragraph per row, cells separated by " · ") come out in reading
/// order. Links keep their text followed by "[n]" and are listed, numbered
/// from 1, in a final `.links` block. Scripts, styles, frames, forms,
/// navigation and drawings are dropped. All text is sanitised and in NFC.
public enum HTMLBlocks {
    public static func blocks(fromHTML html: String, baseURL: String?) -> [Block] {
        // Most feeds' items are simple HTML that needs no repair: read by
        // the fragment scanner, they give the same blocks far faster.
        if let blocks = SimpleHTML.blocks(html, baseURL: baseURL) { return blocks }
        return libxml2Blocks(fromHTML: html, baseURL: baseURL)
    }

    /// Always through libxml2's HTML parser (the tests compare both paths).
    static func libxml2Blocks(fromHTML html: String, baseURL: String?) -> [Block] {
        guard let document = HTMLDocument(fragment: html) else { return [] }
        return document.withBody { body in
            guard let body else { return [] }
            var builder = HTMLBlockBuilder(baseURL: baseURL)
            HTMLTreeWalk.visit(descendantsOf: body, with: &builder)
            return builder.finish()
        }
    }

    /// The text of a fragment on one line, for titles that contain markup
    /// or entities ("Crue de la Sa&ocirc;ne : <em>alerte</em>").
    public static func plainText(fromHTML html: String) -> String {
        guard let document = HTMLDocument(fragment: html) else { return TextSanitizer.cleanLine(html) }
        return document.withBody { body in
            guard let body else { return TextSanitizer.cleanLine(html) }
            var collector = HTMLPlainTextCollector()
            HTMLTreeWalk.visit(descendantsOf: body, with: &collector)
            return TextSanitizer.cleanLine(collector.sink.take())
        }
    }
}

/// All the text of a tree as one line: blocks and line breaks are spaces.
struct HTMLPlainTextCollector: HTMLTreeVisitor {
    var sink = HTMLTextSink(kind: .flow, serial: 0)

    mutating func enter<Node: HTMLNodeView>(_ node: Node) -> Bool {
        if node.isText {
            sink.appendCollapsing(node.text)
            return false
        }
        guard node.isElement, !HTMLElementKinds.skipped.contains(node.name) else { return false }
        if node.name == "br" || HTMLElementKinds.blocks.contains(node.name) { sink.appendSpace() }
        return true
    }

    mutating func leave<Node: HTMLNodeView>(_ node: Node) {
        if HTMLElementKinds.blocks.contains(node.name) { sink.appendSpace() }
    }
}
