import NewsModel

/// Numbers an article's links in order of first appearance, each distinct
/// URL once, for the "[n]" references and the final `.links` block.
package struct HTMLLinkNumbering {
    private(set) var references: [LinkRef] = []
    private var numbers: [String: Int] = [:]

    package mutating func number(for url: String, text: String) -> Int {
        if let known = numbers[url] { return known }
        let number = references.count + 1
        numbers[url] = number
        references.append(LinkRef(number: number, url: url, text: text))
        return number
    }
}
