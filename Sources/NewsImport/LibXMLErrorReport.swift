import Foundation
import CLibXML2

/// Turns libxml2's error codes into reasons a French reader understands.
/// The common well-formedness errors get a sentence of their own; the others
/// keep libxml2's English wording after a French lead.
enum LibXMLErrorReport {
    static let malformed = "XML mal formé"
    static let tooDeep = "XML mal formé : plus de \(FeedReader.maximumDepth) éléments imbriqués, document refusé"
    static let entityBomb = "expansion d'entités démesurée (attaque « billion laughs » ?) : document refusé"

    static func importError(code: Int, line: Int?, message: String?, first: String?, second: String?) -> ImportError {
        ImportError(reason(code: code, message: message, first: first, second: second), line: line)
    }

    static func reason(code: Int, message: String?, first: String?, second: String?) -> String {
        let english = message?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        func tag(_ name: String?) -> String { "<\(name ?? "?")>" }
        switch xmlParserErrors(rawValue: UInt32(truncatingIfNeeded: code)) {
        case XML_ERR_TAG_NAME_MISMATCH:
            return "\(malformed) : balise \(tag(first)) non fermée (</\(second ?? "?")> trouvée à la place)"
        case XML_ERR_TAG_NOT_FINISHED:
            return "\(malformed) : balise \(tag(first)) non fermée avant la fin du document"
        case XML_ERR_ENTITY_LOOP:
            return entityBomb
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY:
            return "\(malformed) : entité &\(first ?? "?"); non déclarée"
        case XML_ERR_DOCUMENT_EMPTY, XML_ERR_DOCUMENT_START:
            return "\(malformed) : le document ne commence pas par une balise"
        case XML_ERR_DOCUMENT_END:
            return "\(malformed) : contenu en trop après la fin du document"
        case XML_ERR_INVALID_CHAR, XML_ERR_INVALID_ENCODING:
            if english.contains("UTF-8") {
                return "\(malformed) : octets qui ne sont pas de l'UTF-8 alors que le document n'annonce "
                    + "pas d'autre encodage"
            }
            return "\(malformed) : caractère interdit dans un document XML"
        case XML_ERR_UNSUPPORTED_ENCODING:
            return "encodage « \(first ?? "?") » non pris en charge"
        case XML_ERR_ENTITYREF_SEMICOL_MISSING, XML_ERR_ENTITYREF_NO_NAME:
            return "\(malformed) : « & » non échappé (à écrire &amp;)"
        case XML_ERR_LT_IN_ATTRIBUTE:
            return "\(malformed) : « < » dans la valeur d'un attribut"
        case XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
            return "\(malformed) : attribut sans valeur entre guillemets"
        case XML_ERR_ATTRIBUTE_REDEFINED:
            return "\(malformed) : attribut « \(first ?? "?") » répété"
        case XML_ERR_GT_REQUIRED:
            return "\(malformed) : « > » manquant pour fermer une balise"
        case XML_ERR_LT_REQUIRED, XML_ERR_LTSLASH_REQUIRED:
            return "\(malformed) : balise de fin attendue"
        case XML_ERR_NAME_REQUIRED:
            return "\(malformed) : nom de balise attendu (un « < » non échappé ?)"
        case XML_ERR_CDATA_NOT_FINISHED:
            return "\(malformed) : section CDATA non fermée"
        case XML_ERR_COMMENT_NOT_FINISHED:
            return "\(malformed) : commentaire non fermé"
        case XML_ERR_RESERVED_XML_NAME:
            return "\(malformed) : déclaration <?xml …?> ailleurs qu'au tout début du document"
        case XML_ERR_INTERNAL_ERROR where english.contains("Excessive depth"):
            return tooDeep
        default:
            return english.isEmpty ? malformed : "\(malformed) (libxml2 : \(english))"
        }
    }
}
