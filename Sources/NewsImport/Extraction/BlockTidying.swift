import NewsModel

/// Last touches on extracted blocks: the title is not repeated as a
/// heading, and a block repeated right after itself (a standfirst also
/// printed in the body) is kept once.
enum BlockTidying {
    static func tidy(_ blocks: [Block], title: String) -> [Block] {
        let foldedTitle = BoilerplateRules.fold(title)
        var result: [Block] = []
        for block in blocks {
            switch block {
            case .heading(_, let text) where BoilerplateRules.fold(text) == foldedTitle: continue
            case .paragraph(let text) where BoilerplateRules.fold(text) == foldedTitle: continue
            default: break
            }
            if let last = result.last, last == block { continue }
            result.append(block)
        }
        return result
    }
}
