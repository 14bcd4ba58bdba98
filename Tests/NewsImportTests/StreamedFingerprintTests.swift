import Foundation
import NewsModel
import XCTest
@testable import NewsImport

/// A feed's fingerprint worked out while it is read, equal to the one
/// worked out by reading it again (which stores made before hold).
final class StreamedFingerprintTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosque-fingerprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// The fingerprint as `FeedFile.fingerprint()` always made it: pieces of 1 MB.
    private func reference(_ bytes: [UInt8]) -> DocumentFingerprint {
        var hasher = ContentHasher()
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + (1 << 20), bytes.count)
            bytes[offset..<end].withUnsafeBytes { hasher.add($0) }
            offset = end
        }
        return DocumentFingerprint(size: bytes.count, hash: hasher.value)
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testBytesGivenInPiecesOfAnySizeThenTheRestReadGiveTheFilesFingerprint() throws {
        for size in [0, 1, 7, 8, 9, 63, 1_000, (2 << 20) + 13] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }
            let path = try write(bytes, "f\(size)")
            let descriptor = open(path, O_RDONLY)
            defer { close(descriptor) }
            for _ in 0..<4 {
                let given = Int.random(in: 0...size)
                let streamed = StreamedFingerprint()
                var offset = 0
                while offset < given {
                    let end = min(given, offset + Int.random(in: 1...70_000))
                    bytes[offset..<end].withUnsafeBytes { streamed.add($0) }
                    offset = end
                }
                XCTAssertEqual(try streamed.finish(reading: descriptor), reference(bytes), "\(size) bytes, \(given) given")
            }
        }
    }

    /// Streams the feed at `path`, then changes the file: the fingerprint
    /// asked for after is the one of the bytes read, not read again.
    private func streamedFingerprint(of path: String) throws -> DocumentFingerprint {
        guard case .feed(let file) = try DocumentImporter.open(atPath: path) else {
            XCTFail("not streamed")
            return DocumentFingerprint(size: 0, hash: 0)
        }
        var items = 0
        _ = try file.stream(origin: Origin(kind: .file, location: path), baseURL: nil, hint: nil,
                            isKnown: { _ in false }, bodies: .blocks) { _ in items += 1 }
        XCTAssertGreaterThan(items, 0)
        let other = open(path, O_WRONLY)
        XCTAssertEqual(pwrite(other, "X", 1, 0), 1)
        close(other)
        return try file.fingerprint()
    }

    private func feed(items: Int, encoding: String = "UTF-8") -> String {
        let item = "<item><guid>%d</guid><title>Élection n° %d à Fès</title><description>Le scrutin approche.</description></item>"
        return "<?xml version=\"1.0\" encoding=\"\(encoding)\"?><rss version=\"2.0\"><channel><title>Le Journal</title>"
            + (0..<items).map { String(format: item, $0, $0) }.joined() + "</channel></rss>\n<!-- fin -->\n"
    }

    func testAFeedReadByThePlainReaderKnowsItsFingerprint() throws {
        for items in [1, 12_000] {   // one read, and a window filled again (1.3 MB)
            let bytes = Array(feed(items: items).utf8)
            XCTAssertEqual(try streamedFingerprint(of: try write(bytes, "plain\(items).xml")), reference(bytes))
        }
    }

    func testAFeedLeftToLibxml2KnowsItsFingerprintToo() throws {
        let bytes = Array(feed(items: 3, encoding: "ISO-8859-1").data(using: .isoLatin1)!)
        XCTAssertEqual(try streamedFingerprint(of: try write(bytes, "latin1.xml")), reference(bytes))
    }
}
