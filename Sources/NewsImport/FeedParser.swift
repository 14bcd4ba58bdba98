// TEMPORARY STUB (to be replaced by the real libxml2 feed parser).
import NewsModel
public enum FeedParser {
    public static func parse(_ data: [UInt8], origin: Origin, baseURL: String?) throws -> ImportResult {
        throw ImportError("flux : analyseur absent")
    }
}
