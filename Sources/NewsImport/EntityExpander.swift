import CLibXML2

/// Expands entity references that libxml2 leaves in place (kiosque never
/// asks libxml2 to substitute entities, see `FeedReader`).
///
/// Internal entities are expanded here, recursively, within a budget per
/// document: a "billion laughs" file that libxml2's own checks let through
/// still stops after `budget` characters instead of filling memory. External
/// entities are never read. An undeclared name that HTML knows (`&eacute;`,
/// common in feeds that reference an external DTD) is given its character.
struct EntityExpander {
    /// Characters that entity expansion may add to one document.
    static let budget = 1_000_000
    /// Entities referencing entities, deeper than this, are a loop or an attack.
    static let maximumNesting = 16

    private var spent = 0

    static func isExternal(_ type: xmlEntityType) -> Bool {
        type == XML_EXTERNAL_GENERAL_PARSED_ENTITY || type == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY
            || type == XML_EXTERNAL_PARAMETER_ENTITY
    }

    mutating func expand(_ name: String, in document: xmlDocPtr?, line: Int) throws(ImportError) -> String {
        var output = String.UnicodeScalarView()
        try expand(name, in: document, nesting: 0, into: &output, line: line)
        return String(output)
    }

    private mutating func expand(_ name: String, in document: xmlDocPtr?, nesting: Int,
                                 into output: inout String.UnicodeScalarView, line: Int) throws(ImportError) {
        guard nesting < Self.maximumNesting else { throw Self.refusal(line: line) }
        if let entity = LibXMLStrings.withXMLChars(name, { xmlGetDocEntity(document, $0) }) {
            let type = entity.pointee.etype
            guard type == XML_INTERNAL_GENERAL_ENTITY || type == XML_INTERNAL_PREDEFINED_ENTITY,
                  let content = entity.pointee.content else { return }
            try expandText(String(cString: content), in: document, nesting: nesting + 1, into: &output, line: line)
        } else if let known = LibXMLStrings.withXMLChars(name, { htmlEntityLookup($0) }),
                  let scalar = Unicode.Scalar(known.pointee.value) {
            try append(scalar, to: &output, line: line)
        }
    }

    /// An entity's replacement text: character references were resolved by
    /// libxml2 when it read the declaration; entity references and markup
    /// remain. References are expanded, tags dropped (feeds only need text).
    private mutating func expandText(_ text: String, in document: xmlDocPtr?, nesting: Int,
                                     into output: inout String.UnicodeScalarView, line: Int) throws(ImportError) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let close = scalars[index...].firstIndex(of: ">") {
                index = close + 1
                continue
            }
            if scalar == "&", let semicolon = scalars[index...].prefix(40).firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
                if name.hasPrefix("#"), let character = Self.characterReference(name) {
                    try append(character, to: &output, line: line)
                } else {
                    try expand(name, in: document, nesting: nesting, into: &output, line: line)
                }
                index = semicolon + 1
                continue
            }
            try append(scalar, to: &output, line: line)
            index += 1
        }
    }

    private mutating func append(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView,
                                 line: Int) throws(ImportError) {
        spent += 1
        guard spent <= Self.budget else { throw Self.refusal(line: line) }
        output.append(scalar)
    }

    /// "#233" or "#xE9".
    private static func characterReference(_ name: String) -> Unicode.Scalar? {
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X"
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return value.flatMap(Unicode.Scalar.init)
    }

    private static func refusal(line: Int) -> ImportError {
        ImportError(LibXMLErrorReport.entityBomb, line: line)
    }
}
