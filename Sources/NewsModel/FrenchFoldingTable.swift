/// The written form of `FrenchAnalyzer.tableFolding`: one entry per scalar
/// from U+0000, in order, separated by spaces and line breaks; "-" for a
/// scalar that separates words, "∅" for one that is dropped, else its
/// folded spelling (letters and digits, never a space, a "-" or a "∅").
enum FrenchFoldingTable {
    static let separatorEntry = "-"
    static let droppedEntry = "∅"
    /// Entries per line of the written text.
    static let entriesPerLine = 32

    /// The text for `table`; nil when an entry could not be read back (it
    /// would hold a space, a line break, or be one of the two markers).
    static func written(_ table: [[UInt8]?]) -> String? {
        var lines: [String] = []
        var line: [String] = []
        for entry in table {
            let text: String
            switch entry {
            case nil: text = separatorEntry
            case let bytes? where bytes.isEmpty: text = droppedEntry
            case let bytes?:
                text = String(decoding: bytes, as: UTF8.self)
                guard text != separatorEntry, text != droppedEntry,
                      !bytes.contains(0x20), !bytes.contains(0x0A) else { return nil }
            }
            line.append(text)
            if line.count == entriesPerLine {
                lines.append(line.joined(separator: " "))
                line = []
            }
        }
        if !line.isEmpty { lines.append(line.joined(separator: " ")) }
        return lines.joined(separator: "\n")
    }

    /// The table `text` writes, read on its bytes (the whole table in about
    /// a third of a millisecond).
    static func decoded(_ text: String) -> [[UInt8]?] {
        var table: [[UInt8]?] = []
        table.reserveCapacity(FrenchAnalyzer.tableEnd)
        let separator = Array(separatorEntry.utf8), dropped = Array(droppedEntry.utf8)
        var entry: [UInt8] = []
        func finish() {
            guard !entry.isEmpty else { return }
            table.append(entry == separator ? nil : entry == dropped ? [] : entry)
            entry.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A { finish() } else { entry.append(byte) }
        }
        finish()
        return table
    }
}
