import Foundation
import NewsModel

/// Reads an <img> element into an `ImageRef`, or nothing when the image
/// cannot be shown or is not content.
package enum HTMLImageSource {
    package static func imageRef<Node: HTMLNodeView>(_ image: Node, baseURL: String?) -> ImageRef? {
        guard let url = imageURL(image, baseURL: baseURL) else { return nil }
        return ImageRef(url: url, alt: image.attribute("alt").map(TextSanitizer.cleanLine))
    }

    /// The URL `imageRef` gives, without the rest: an import wants only the
    /// images' URLs of an article whose HTML it keeps for later.
    package static func imageURL<Node: HTMLNodeView>(_ image: Node, baseURL: String?) -> String? {
        isTrackingPixel(image) ? nil : sourceURL(image, baseURL: baseURL)
    }

    /// `src`, else the attributes lazy-loading scripts fill in `src` from,
    /// else the first `srcset` candidate. A `src` holding a placeholder
    /// (a data: URL) does not count. Only http(s) results are kept.
    package static func sourceURL<Node: HTMLNodeView>(_ image: Node, baseURL: String?) -> String? {
        for name in sourceAttributes {
            if let value = image.attribute(name), let url = CanonicalURL.resolve(value, against: baseURL) {
                return url
            }
        }
        for name in sourceSetAttributes {
            if let candidate = image.attribute(name)?.split(separator: ",").first?
                .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first,
               let url = CanonicalURL.resolve(String(candidate), against: baseURL) {
                return url
            }
        }
        return nil
    }

    // Made once: written in place, the lists were made again for each image.
    private static let sourceAttributes = ["src", "data-src", "data-lazy-src", "data-original"]
    private static let sourceSetAttributes = ["srcset", "data-srcset"]

    /// A 1×1 (or 0×0) image is a counter, not a picture.
    package static func isTrackingPixel<Node: HTMLNodeView>(_ image: Node) -> Bool {
        isAtMostOnePixel(image.attribute("width")) || isAtMostOnePixel(image.attribute("height"))
    }

    private static func isAtMostOnePixel(_ size: String?) -> Bool {
        size.flatMap(pixels).map { $0 <= 1 } ?? false
    }

    /// "640", " 1 " or "1px" as a number. Trimmed of what Foundation's
    /// `whitespaces` holds (tab and Unicode's spaces) by hand: Foundation's
    /// trimming bridged every width of every image through NSString, a
    /// twentieth of an import whose images give their size.
    static func pixels(_ value: String) -> Int? {
        // A number alone, as nearly every size is written, has nothing to
        // trim: the scalars' properties are not looked up.
        if let number = Int(value) { return number }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        var scalars = Substring(value).unicodeScalars
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        var digits = Substring(scalars)
        if digits.hasSuffix("px") { digits = digits.dropLast(2) }
        return Int(digits)
    }
}
