import Foundation

/// What marks a part of a news page as furniture rather than the article:
/// the words of its class and id, its role, and the stock French phrases
/// that open such parts ("À lire aussi", "Abonnez-vous"…).
enum BoilerplateRules {
    /// Tags that are never article text on a web page.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "nav", "button", "select",
        "textarea", "input", "label", "object", "embed", "video", "audio", "map", "link", "meta", "dialog",
        // AMP's advertising, tracking, sharing and embedded players.
        "amp-ad", "amp-embed", "amp-analytics", "amp-pixel", "amp-sticky-ad", "amp-social-share", "amp-iframe",
        "amp-video", "amp-youtube", "amp-twitter", "amp-instagram", "amp-facebook", "amp-consent", "amp-sidebar",
        "amp-user-notification", "amp-auto-ads", "amp-geo",
    ]

    /// Words of a class or id that name furniture: consent banners, sharing,
    /// advertising, newsletters, comments, related links, tags, menus.
    static let clutterWords: Set<String> = [
        "cookie", "cookies", "consent", "gdpr", "rgpd", "cmp", "didomi", "tarteaucitron",
        "share", "sharing", "sharebar", "partage", "partager", "social", "sociaux", "reseaux", "follow",
        "ad", "ads", "adv", "advert", "adverts", "advertising", "advertisement", "pub", "publicite",
        "dfp", "gpt", "sponsor", "sponsored", "sponso", "outbrain", "taboola", "ligatus", "teads", "banner",
        "newsletter", "newsletters", "subscribe", "subscription", "inscription", "abonnement", "abo",
        "comment", "comments", "commentaire", "commentaires", "disqus", "reactions", "reaction", "forum",
        "related", "similar", "recommended", "recommendation", "recommandations", "reco", "suggestions",
        "popular", "mostread", "trending", "lesplus", "pluslus",
        "breadcrumb", "breadcrumbs", "ariane", "menu", "navbar", "navigation", "nav", "footer", "sidebar",
        "widget", "widgets", "tags", "tag", "keywords", "motscles", "toolbar", "tools", "outils",
        "modal", "popup", "overlay", "login", "signin", "signup", "paywall", "premium", "promo",
        "bio", "authorbio", "print", "jump", "skip", "offscreen", "sronly", "visuallyhidden",
        "player", "video", "podcast", "embed", "twitter", "tweet", "instagram", "tiktok", "youtube", "alert", "flash", "ticker", "header",
        "masthead", "logo", "search", "recherche", "pagination", "pager", "next", "prev", "previous",
        "disclaimer", "badge", "kicker", "surtitre", "overline", "eyebrow", "aside", "encart", "poll", "sondage", "vote", "votes", "quiz", "rating", "readmore", "lireaussi", "alire", "voiraussi", "seealso", "alsoread", "more",
    ]

    /// Words that name the article itself; they outweigh furniture words
    /// on the same element ("article-content share-enabled").
    static let contentWords: Set<String> = [
        "article", "articlebody", "body", "content", "contenu", "entry", "post", "story", "text", "texte",
        "corps", "main", "chapo", "chapeau", "standfirst", "lead", "lede", "intro", "blog", "page", "single",
        "prose", "richtext", "paragraph", "paragraphe",
    ]

    /// Words that always mean furniture, whatever else the element says.
    static let alwaysClutterWords: Set<String> = [
        "cookie", "cookies", "consent", "gdpr", "rgpd", "didomi", "comment", "comments", "commentaire",
        "commentaires", "disqus", "outbrain", "taboola", "newsletter", "newsletters", "share", "sharing",
        "sharebar", "partage", "social", "breadcrumb", "breadcrumbs", "related", "recommandations",
        "mostread", "pluslus", "lireaussi", "alire", "voiraussi", "seealso", "alsoread", "dfp", "ads",
        "advertising", "advertisement", "publicite", "sidebar", "footer", "tags", "keywords", "motscles",
        "paywall", "authorbio",
    ]

    /// Words of a class that mark the standfirst (chapô) under the title.
    static let standfirstWords: Set<String> = [
        "chapo", "chapeau", "standfirst", "lead", "lede", "intro", "introduction", "accroche", "desc",
        "description", "resume", "summary", "excerpt", "subtitle", "subheadline", "soustitre",
    ]

    /// Words of a class that mark the byline.
    static let bylineWords: Set<String> = ["author", "authors", "auteur", "auteurs", "byline", "signature", "writer", "by"]

    /// The words of an element's class and id: lowercased, split at every
    /// non-letter and at camelCase, with each run of parts also glued
    /// ("lire-aussi" gives "lire", "aussi" and "lireaussi").
    static func words(of attribute: String?) -> Set<String> {
        guard let attribute, !attribute.isEmpty else { return [] }
        var result = Set<String>()
        for name in attribute.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            var parts: [String] = []
            var current = ""
            var previousLower = false
            for character in name {
                if character.isLetter || character.isNumber {
                    if character.isUppercase && previousLower, !current.isEmpty {
                        parts.append(current)
                        current = ""
                    }
                    current.append(contentsOf: character.lowercased())
                    previousLower = character.isLowercase
                } else {
                    if !current.isEmpty { parts.append(current) }
                    current = ""
                    previousLower = false
                }
            }
            if !current.isEmpty { parts.append(current) }
            let folded = parts.map(fold)
            result.formUnion(folded)
            if folded.count > 1 {
                result.insert(folded.joined())
                for index in 0..<(folded.count - 1) { result.insert(folded[index] + folded[index + 1]) }
            }
        }
        return result
    }

    /// Lowercase without accents, for comparing words and phrases.
    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// Openings of the short paragraphs and boxes that are not the article:
    /// cross-links, calls to subscribe or share, advertising labels.
    static let clutterOpenings: [String] = [
        "a lire aussi", "lire aussi", "a lire egalement", "lire egalement", "a lire", "voir aussi", "a voir aussi",
        "a voir egalement", "voir egalement", "sur le meme sujet", "notre dossier", "retrouvez notre dossier",
        "decouvrir le dossier", "tout notre dossier", "ecoutez notre", "notre podcast", "notre video",
        "notre serie", "retrouvez", "voir toute la serie", "bande-annonce", "bande annonce", "les tribunes publiees",
        "vous souhaitez proposer", "cet article fait partie", "dans la meme rubrique", "a decouvrir",
        "nos articles", "les plus lus", "les plus partages", "les plus commentes", "articles les plus",
        "abonnez-vous", "abonnez vous", "s'abonner", "je m'abonne", "deja abonne", "inscrivez-vous",
        "inscrivez vous", "recevez", "newsletter", "la newsletter", "votre adresse e-mail", "votre adresse email",
        "publicite", "contenu sponsorise", "partager", "partagez", "copier le lien", "lien copie", "suivez-nous",
        "suivez nous", "suivez notre direct", "suivez toute l'actualite", "reagir", "reagissez", "signaler une erreur",
        "signaler un abus", "mots-cles", "mots cles", "tags :", "la suite est reservee", "la suite de cet article est reservee",
        "cet article est reserve", "article reserve aux abonnes", "reserve aux abonnes", "lire la suite", "telechargez",
        "telecharger l'application", "retrouvez-nous", "vous avez aime cet article", "cet article vous a plu",
        "commentaires", "0 commentaire", "ajouter un commentaire", "laisser un commentaire", "connectez-vous",
        "envoyer par e-mail", "imprimer", "ecouter cet article", "temps de lecture", "nous respectons votre vie privee",
        "ce site utilise des cookies", "accepter et fermer", "en savoir plus et parametrer", "crédit photo :",
    ].map(fold)

    /// Whether a short text opens like furniture.
    static func opensLikeClutter(_ text: String) -> Bool {
        let folded = fold(text.trimmingCharacters(in: .whitespacesAndNewlines))
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: "\u{202F}", with: " ")
        let opening = folded.drop { !$0.isLetter && !$0.isNumber }
        return clutterOpenings.contains { opening.hasPrefix($0) }
    }
}
