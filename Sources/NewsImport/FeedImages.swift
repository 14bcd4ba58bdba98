import NewsModel

/// An image named by the feed itself rather than by the article's HTML:
/// RSS enclosure, Media RSS content or thumbnail, Atom enclosure link.
struct FeedImage: Sendable, Equatable {
    var url: String
    var caption: String?
    var credit: String?
}

/// Puts the feed's own images in front of the body, the way a page shows
/// its lead photo above the text.
enum FeedImages {
    private static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif"]

    /// Media RSS says `medium="image"`, enclosures say `type="image/jpeg"`;
    /// when neither is given the file name decides.
    static func isImage(medium: String?, type: String?, url: String?) -> Bool {
        if let medium, !medium.isEmpty { return medium.lowercased() == "image" }
        if let type, !type.isEmpty { return type.lowercased().hasPrefix("image/") }
        guard let url, let path = url.split(separator: "?").first,
              let dot = path.lastIndex(of: ".") else { return false }
        return imageExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// Lead images first (those the body does not show already), then the
    /// body. A thumbnail is only a preview: it is used when the article has
    /// no other image at all. `bodyImageURLs`: the images of the body's
    /// part left as HTML (`DeferredHTML`).
    static func blocks(lead: [FeedImage], thumbnails: [FeedImage], body: [Block], bodyImageURLs: [String] = [],
                       base: String?) -> [Block] {
        // Most items name no image of their own: nothing to compare then.
        guard !lead.isEmpty || !thumbnails.isEmpty else { return body }
        var seen = Set(body.compactMap { block -> String? in
            if case .image(let image) = block { return image.url }
            return nil
        })
        seen.formUnion(bodyImageURLs)
        let bodyHasImages = !seen.isEmpty
        var leadBlocks: [Block] = []
        for image in lead {
            guard let reference = imageRef(image, base: base), seen.insert(reference.url).inserted else { continue }
            leadBlocks.append(.image(reference))
        }
        if leadBlocks.isEmpty, !bodyHasImages,
           let preview = thumbnails.lazy.compactMap({ imageRef($0, base: base) }).first {
            leadBlocks.append(.image(preview))
        }
        return leadBlocks + body
    }

    private static func imageRef(_ image: FeedImage, base: String?) -> ImageRef? {
        guard let url = CanonicalURL.resolve(image.url, against: base) else { return nil }
        return ImageRef(url: url, caption: image.caption.map(FeedText.looseLine),
                        credit: image.credit.map(FeedText.looseLine))
    }
}
