/// The reader's words, in correct French by default and in English on
/// request (`--lang en`, `KIOSQUE_LANG=en`).
public struct Strings: Sendable {
    public enum Language: String, Sendable { case fr, en }
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private func t(_ fr: String, _ en: String) -> String { language == .fr ? fr : en }

    public func help(_ action: Action) -> String {
        switch action {
        case .up: return t("ligne précédente", "previous line")
        case .down: return t("ligne suivante", "next line")
        case .pageUp: return t("page précédente", "previous page")
        case .pageDown: return t("page suivante", "next page")
        case .top: return t("début", "top")
        case .bottom: return t("fin", "bottom")
        case .open: return t("lire", "read")
        case .back: return t("retour", "back")
        case .quit: return t("quitter", "quit")
        case .previousArticle: return t("article précédent", "previous article")
        case .nextArticle: return t("article suivant", "next article")
        case .openSource: return t("ouvrir la source", "open source")
        case .search: return t("chercher", "search")
        case .filter: return t("filtrer", "filter")
        case .nextMatch: return t("occurrence suivante", "next match")
        case .previousMatch: return t("occurrence précédente", "previous match")
        case .nextImage: return t("image suivante", "next image")
        case .previousImage: return t("image précédente", "previous image")
        case .flagImage: return t("signaler l'image", "flag image")
        case .toggleTicker: return t("bandeau : pause", "ticker: pause")
        case .openTickerHeadline: return t("lire le titre sous le repère du bandeau", "open the ticker headline under the mark")
        case .help: return t("aide", "help")
        case .toggleRead: return t("lu / non lu", "read / unread")
        case .refresh: return t("récupérer les flux", "fetch the feeds")
        }
    }

    /// A key as a person reads it on their keyboard.
    public func keyName(_ key: Key) -> String {
        guard language == .fr else {
            return key == .character(" ") ? "Space" : key.name
        }
        switch key {
        case .enter: return "Entrée"
        case .escape: return "Échap"
        case .home: return "Début"
        case .end: return "Fin"
        case .pageUp: return "PgPréc"
        case .pageDown: return "PgSuiv"
        case .backTab: return "Maj-Tab"
        case .backspace: return "Retour arrière"
        case .delete: return "Suppr"
        default: return key.name
        }
    }

    public func screenName(_ screen: Screen) -> String {
        switch screen {
        case .list: return t("Liste des titres", "Headline list")
        case .pager: return t("Lecture", "Reading")
        case .help: return t("Aide", "Help")
        }
    }

    public var helpTitle: String { t("Aide de kiosque — touches", "kiosque help — keys") }
    public var tooSmall: String { t("fenêtre trop petite", "window too small") }
    public var emptyStore: [String] {
        language == .fr
            ? ["Aucun article pour l'instant.", "",
               "Ajoutez-en depuis un terminal :", "  kiosque import FICHIER-OU-DOSSIER", "",
               "puis relancez kiosque."]
            : ["No articles yet.", "", "Add some from a shell:", "  kiosque import FILE-OR-FOLDER", "",
               "then start kiosque again."]
    }
    public var loading: String { t("chargement…", "loading…") }

    public func counts(total: Int, unread: Int) -> String {
        language == .fr
            ? "\(total) article\(total > 1 ? "s" : ""), \(unread) non lu\(unread > 1 ? "s" : "")"
            : "\(total) article\(total == 1 ? "" : "s"), \(unread) unread"
    }

    public func flagThanks(count: Int, threshold: Int) -> String {
        t("Merci d'avoir signalé ! Cette image sera bloquée automatiquement après avoir été signalée par plusieurs personnes. (\(count)/\(threshold))",
          "Thank you for reporting! This image will be blocked automatically once several people have reported it. (\(count)/\(threshold))")
    }
    public func flagWithdrawn(count: Int, threshold: Int) -> String {
        t("Signalement retiré. (\(count)/\(threshold))", "Report withdrawn. (\(count)/\(threshold))")
    }
    public var imageBlocked: String { t("Image bloquée après plusieurs signalements.", "Image blocked after several reports.") }
    public var noImage: String { t("Cet article n'a pas d'image.", "This article has no image.") }
    public var selectImageFirst: String { t("Choisissez d'abord une image avec Tab.", "Select an image with Tab first.") }
    public var noSourceLink: String { t("Pas de lien vers la source (http ou https).", "No source link (http or https).") }
    public func opening(_ url: String) -> String { t("Ouverture de \(url)", "Opening \(url)") }
    public var searchPrompt: String { t("Chercher : ", "Search: ") }
    public var filterPrompt: String { t("Filtrer : ", "Filter: ") }
    public func filtered(_ n: Int, query: String) -> String {
        t("\(n) article\(n > 1 ? "s" : "") pour « \(query) » (Échap : tout revoir)",
          "\(n) article\(n == 1 ? "" : "s") for “\(query)” (Esc: show all)")
    }
    public func matches(_ n: Int, current: Int) -> String {
        n == 0 ? t("Aucune occurrence", "No match") : t("Occurrence \(current)/\(n)", "Match \(current)/\(n)")
    }
    public var tickerPaused: String { t("Bandeau en pause", "Ticker paused") }
    public var tickerRunning: String { t("Bandeau en marche", "Ticker running") }
    public var teaserWithoutArticle: String { t("Ce titre du bandeau n'a pas d'article enregistré.", "This ticker headline has no stored article.") }
    /// The ticker's label for a headline known without its source (the band
    /// of a scraped page gathers several papers).
    public var frontPage: String { t("À la une", "Front page") }
    public var tickerEmpty: String { t("Bandeau vide", "Ticker empty") }
    public var publishedIn: String { t("Publié dans", "Published in") }
    public var positionTop: String { t("début", "top") }
    public var positionBottom: String { t("fin", "end") }
    public func refreshing(done: Int, total: Int, added: Int, failed: Int) -> String {
        t("Récupération des flux : \(done)/\(total), \(added) nouveau\(added > 1 ? "x" : ""), \(failed) en échec",
          "Fetching feeds: \(done)/\(total), \(added) new, \(failed) failed")
    }
    public func refreshed(total: Int, added: Int, failed: Int) -> String {
        t("Flux récupérés : \(added) \(added > 1 ? "nouveaux articles" : "nouvel article")\(failed > 0 ? ", \(failed) flux en échec" : "").",
          "Feeds fetched: \(added) new article\(added == 1 ? "" : "s")\(failed > 0 ? ", \(failed) failed" : "").")
    }
    public var noFeeds: String { t("Aucun abonnement : « kiosque add URL » d'abord.", "No subscriptions: « kiosque add URL » first.") }
    public var alreadyRefreshing: String { t("Récupération déjà en cours…", "Already fetching…") }
    public var helpFooter: String { t("q ou Esc pour revenir", "q or Esc to go back") }
}
