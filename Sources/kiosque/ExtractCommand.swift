import ArgumentParser
import Foundation
import NewsImport
import NewsModel
import Typesetting

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extrait l'article d'une page web (fichier ou adresse) sans l'enregistrer.",
        discussion: "Titre, auteur, date, image principale et texte, sans menus, bandeaux, partages, publicités, « à lire aussi », commentaires ni pied de page. « kiosque import page.html » l'enregistre."
    )

    @Argument(help: ArgumentHelp("Fichier HTML ou adresse http(s) de la page.", valueName: "PAGE"))
    var page: String

    @Option(name: .long, help: ArgumentHelp("Adresse de la page, pour résoudre ses liens relatifs (fichier seulement).", valueName: "URL"))
    var url: String?

    @Flag(name: .long, help: "Sortie JSON : title, author, published, image, url, source, language, blocks.")
    var json = false

    @Flag(name: .long, help: "Le texte seul, un bloc par ligne (pour comparer à un texte de référence).")
    var text = false

    @Option(name: .long, help: ArgumentHelp("Largeur des lignes en colonnes.", valueName: "N"))
    var width: Int?

    func validate() throws {
        if json && text { throw ValidationError("--json et --text s'excluent") }
        if let width, width < 10 { throw ValidationError("--width doit valoir au moins 10") }
    }

    func run() throws {
        let extracted: ExtractedPage
        do {
            if page.hasPrefix("http://") || page.hasPrefix("https://") {
                switch FeedFetcher.fetch(page, etag: nil, lastModified: nil, timeout: FetchCommand.timeout,
                                         accept: FeedFetcher.acceptPage) {
                case .fetched(let body, _, _, let finalURL, _):
                    extracted = try ArticleExtractor.extract(body, url: finalURL)
                case .notModified:
                    throw CLIError("\(page) : réponse 304 inattendue")
                case .failed(let reason):
                    throw CLIError("\(page) : \(reason)")
                }
            } else {
                extracted = try ArticleExtractor.extract(DocumentImporter.readFile(atPath: page), url: url)
            }
        } catch let error as ImportError {
            throw CLIError("\(page) : \(error.description)")
        }
        if json {
            try Output.json(ExtractedJSON(page: extracted))
        } else if text {
            for line in Self.textLines(extracted.blocks) { Output.line(line) }
        } else {
            let article = extracted.article(origin: Origin(kind: .file, location: page))
            let layout = ArticleLayout(article: article, width: width ?? min(Output.terminalWidth ?? 80, 80),
                                       timeZone: .current) { _ in .init(status: nil, user: nil, threshold: FlagPolicy.defaultThreshold) }
            Output.line(layout.text)
        }
    }

    /// One line per block: paragraphs, headings, list items, quotes and
    /// image captions, without the "[n]" link marks.
    static func textLines(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let text), .heading(_, let text): return [withoutLinkMarks(text)]
            case .quote(let text, let attribution): return [withoutLinkMarks(text)] + (attribution.map { [$0] } ?? [])
            case .list(_, let items): return items.map(withoutLinkMarks)
            case .image(let image): return [[image.caption, image.credit].compactMap { $0 }.joined(separator: " ")].filter { !$0.isEmpty }
            case .links: return []
            }
        }
    }

    private static func withoutLinkMarks(_ text: String) -> String {
        text.replacingOccurrences(of: "\\[[0-9]+\\]", with: "", options: .regularExpression)
    }
}

/// `extract --json`.
struct ExtractedJSON: Encodable {
    var page: ExtractedPage

    enum Key: String, CodingKey { case title, author, published, image, url, source, language, blocks }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(page.title, forKey: .title)
        try c.encode(page.author, forKey: .author)
        try c.encode(page.published.map { $0.hasTime ? $0.iso8601 : $0.day }, forKey: .published)
        try c.encode(page.image, forKey: .image)
        try c.encode(page.url, forKey: .url)
        try c.encode(page.source, forKey: .source)
        try c.encode(page.language, forKey: .language)
        try c.encode(page.blocks, forKey: .blocks)
    }
}
