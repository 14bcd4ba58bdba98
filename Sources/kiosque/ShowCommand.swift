import ArgumentParser
import Foundation
import NewsModel
import NewsStore
import Typesetting

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Affiche un article comme le lecteur le montre."
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var userOptions: UserOptions

    @Argument(help: ArgumentHelp("Numéro de l'article (voir « kiosque list »).", valueName: "ID"))
    var id: Int64

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    @Flag(name: .long, help: "Justifie les paragraphes (sinon le réglage « justify » du fichier de réglages).")
    var justify = false

    @Option(name: .long, help: ArgumentHelp("Largeur des lignes en colonnes (par défaut celle du terminal, au plus 80).", valueName: "N"))
    var width: Int?

    func validate() throws {
        if let width, width < 10 { throw ValidationError("--width doit valoir au moins 10") }
    }

    func run() throws {
        let store = try storeOptions.openForReading()
        do {
            guard let article = try store.article(id: id) else {
                throw CLIError("aucun article n'a le numéro \(id) ; « kiosque list » donne les numéros")
            }
            let images = try store.images(ofArticle: id)
            let byURL = Dictionary(images.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
            let config = try configOptions.load()
            let threshold = config.flagThreshold ?? FlagPolicy.defaultThreshold
            if json {
                try Output.json(ArticleJSON(article: article, images: byURL, threshold: threshold))
            } else {
                let user = try? userOptions.resolved()
                let layout = ArticleLayout(article: article, width: width ?? min(Output.terminalWidth ?? 80, 80),
                                           justify: justify || config.justify == true, timeZone: .current) { ref in
                    .init(status: byURL[ref.url], user: user, threshold: threshold)
                }
                Output.line(layout.text)
            }
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }
}

/// `show --json`: the article's fields and its blocks, image blocks carrying
/// their store id, flag count and blocked state.
struct ArticleJSON: Encodable {
    var article: Article
    var images: [String: ImageStatus]
    var threshold: Int

    enum Key: String, CodingKey {
        case id, title, source, published, author, url, language, categories, unread, origin, blocks
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(article.id, forKey: .id)
        try c.encode(article.title, forKey: .title)
        try c.encode(article.source, forKey: .source)
        try c.encode(article.published?.iso8601, forKey: .published)
        try c.encode(article.author, forKey: .author)
        try c.encode(article.url, forKey: .url)
        try c.encode(article.language, forKey: .language)
        try c.encode(article.categories, forKey: .categories)
        try c.encode(!article.isRead, forKey: .unread)
        try c.encode(article.origin.location, forKey: .origin)
        var blocks = c.nestedUnkeyedContainer(forKey: .blocks)
        for block in article.blocks {
            try blocks.encode(BlockJSON(block: block, status: block.imageURL.flatMap { images[$0] }, threshold: threshold))
        }
    }
}

/// A block as stored, plus the store's facts for image blocks.
struct BlockJSON: Encodable {
    var block: Block
    var status: ImageStatus?
    var threshold: Int

    enum Key: String, CodingKey { case id, flags, blocked }

    func encode(to encoder: any Encoder) throws {
        try block.encode(to: encoder)
        guard case .image = block else { return }
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(status?.id, forKey: .id)
        try c.encode(status?.flagCount ?? 0, forKey: .flags)
        try c.encode(status?.isBlocked(threshold: threshold) ?? false, forKey: .blocked)
    }
}

extension Block {
    var imageURL: String? {
        if case .image(let image) = self { return image.url }
        return nil
    }
}
