import Foundation
import NewsImport
import NewsModel
import NewsStore

/// A feed file being imported, using both cores: the import's parsing
/// thread (`ParsingThread`) parses the feed and builds each article, while
/// the importing thread writes the previous ones in the file's
/// transaction, then gives them back to be freed where they were made. Preparing an
/// article for the store (body JSON, hash, search terms: a third of the
/// work) goes to whichever side is ahead: the parsing thread does it while
/// the writer has a backlog, and leaves it to the writer otherwise, so
/// that neither waits for the other (the two sides' costs shift with the
/// machine and the feed: a hundred small feeds commit a hundred times).
/// The queue between them is bounded, so memory stays flat whatever the
/// feed's size.
///
/// The parse is queued as soon as the feed is opened, so the next file of
/// a batch is being read while the current one is written.
final class FeedParse {
    static let batchSize = 64

    let file: FeedFile
    /// Known before the parse starts when the store may hold the file
    /// already (to recognise it unchanged); else worked out by the parsing
    /// thread once the parse is done (`fingerprint()`).
    private var knownFingerprint: DocumentFingerprint?
    private let hashedByParser = Handed<Result<DocumentFingerprint, ImportError>>()
    /// Read whole before anything is written (`writeInGroup`). Articles are
    /// prepared by whichever side would otherwise wait: the writer, for
    /// what it takes while waiting for the rest of the file; the parsing
    /// thread while the writer is busy with the file before. (With the
    /// parsing thread preparing them all, the writer waited a quarter of
    /// the time for a hundred feeds of a thousand items.)
    let wholeFirst: Bool
    /// The largest feed read whole first: its articles wait in memory
    /// (about three times the file), larger ones are written as they come.
    static let wholeFirstLimit = 8 << 20
    /// 2,048 items: room for the next file of a batch (a thousand items is
    /// common) to be parsed whole while the current one is written and
    /// committed. With 512, that parse stopped halfway and a core idled at
    /// every commit. At most about 10 MB more.
    private static let queueCapacity = 32
    private let queue = HandOff<[Pending]>(capacity: queueCapacity)
    /// Where the parse runs, and the writer gives back what it is done with.
    private let parsing: ParsingThread
    /// A restart's thread of its own, ended with the parse (see `restarting`).
    private let ownThread: ParsingThread?

    /// An item on its way to the store.
    enum Pending: Sendable {
        /// The raw hash says the item is stored as it is.
        case unchanged
        case built(Article, rawHash: UInt64?)
        case prepared(PreparedArticle)

        var prepared: PreparedArticle? {
            switch self {
            case .unchanged: nil
            case .built(let article, let rawHash): PreparedArticle(article, rawHash: rawHash)
            case .prepared(let prepared): prepared
            }
        }
    }

    /// `known`: the raw hashes already stored from this file (see
    /// `NewsStore.knownRawHashes`); `hint`: a restart's complete channel;
    /// `parsing`: the thread the parse is queued on, or nil for one of its own.
    init(file: FeedFile, fingerprint: DocumentFingerprint?, known: Set<UInt64>, hint: FeedRestart?,
         wholeFirst: Bool, parsing: ParsingThread?) {
        self.file = file
        knownFingerprint = fingerprint
        self.wholeFirst = wholeFirst
        ownThread = parsing == nil ? ParsingThread() : nil
        let parsing = parsing ?? ownThread!
        self.parsing = parsing
        let queue = queue, hashedByParser = hashedByParser
        parsing.submit {
            do {
                var batch: [Pending] = []
                batch.reserveCapacity(Self.batchSize)
                var prepareHere = false
                let origin = Origin(kind: .file, location: file.path)
                // Straight into the store: simple bodies are read into blocks
                // when their article is read, not now.
                _ = try file.stream(origin: origin, baseURL: nil, hint: hint, isKnown: known.contains,
                                    bodies: .deferredWhenSimple) { item in
                    if let article = item.article {
                        batch.append(prepareHere ? .prepared(PreparedArticle(article, rawHash: item.rawHash))
                                                 : .built(article, rawHash: item.rawHash))
                    } else {
                        batch.append(.unchanged)
                    }
                    if batch.count == Self.batchSize {   // one wake-up per batch, not per item
                        try queue.put(batch)
                        batch.removeAll(keepingCapacity: true)
                        parsing.freeGivenBack()
                        prepareHere = wholeFirst
                            // The writer prepares what it takes while it waits
                            // for the rest of the file; else it is busy with
                            // the file before, and the preparing is done here.
                            ? !queue.isConsumerWaiting
                            // A writer behind by an eighth of the queue gets
                            // help: it is the one both cores wait for since
                            // the analyzer remembers its words (at half the
                            // queue, it still prepared a thirtieth of them).
                            : queue.backlog >= Self.queueCapacity / 8
                    }
                }
                if !batch.isEmpty { try queue.put(batch) }
                queue.finish(nil)
            } catch {
                queue.finish(error)
                return
            }
            // Once the articles are all handed over: the writer asks for it
            // after the last one (see `NewsStore.importDocument`). Usually
            // worked out as the file was read (see `StreamedFingerprint`);
            // else the file is read again (a 200 MB feed takes a twentieth
            // of a second).
            if fingerprint == nil { hashedByParser.set(Result { () throws(ImportError) in try file.fingerprint() }) }
        }
    }

    /// The file's size and hash, recorded with its articles: known before,
    /// or handed over by the parsing thread once the parse is done. Asked
    /// for once every article was taken (see `NewsStore.importDocument`):
    /// the parsing thread is then at it, or done.
    func fingerprint() throws(ImportError) -> DocumentFingerprint {
        if let knownFingerprint { return knownFingerprint }
        let fingerprint = try hashedByParser.wait().get()
        knownFingerprint = fingerprint
        return fingerprint
    }

    /// A parse that is never written (the batch stopped) ends at its next batch.
    deinit {
        queue.cancel()
        ownThread?.close()
    }

    /// Writes the file's articles in one transaction; the parse's error
    /// (an `ImportError`, a `FeedRestart`) rolls it back and is rethrown.
    func write(into store: NewsStore) throws -> SaveOutcome {
        try store.importDocument(location: file.path, fingerprint: try fingerprint()) { writer in
            do {
                while let batch = try queue.take() {
                    for pending in batch {
                        if let prepared = pending.prepared { try writer.save(prepared) } else { writer.countUnchanged() }
                    }
                    parsing.giveBack(consume batch)
                }
            } catch {
                queue.cancel()
                queue.waitUntilFinished()
                throw error
            }
        }
    }

    /// Writes the file, reading it again when the parse asks to (its
    /// channel came late, or the plain XML reader gave the feed up to
    /// libxml2's): the transaction so far is rolled back each time. Each
    /// restart carries more of what the next reading needs, so there are
    /// at most two.
    func writeRestarting(into store: NewsStore) throws -> SaveOutcome {
        try restarting(store) { parse in try parse.write(into: store) }
    }

    /// Reads the file whole (restarting as asked), then writes it into the
    /// store's group of documents (`NewsStore.importDocumentInGroup`): a
    /// file that cannot be read leaves nothing behind.
    func writeInGroup(into store: NewsStore) throws -> SaveOutcome {
        var parse = self
        var (toWrite, taken) = try restarting(store) { current in
            parse = current
            return try current.readWhole()
        }
        defer {
            // The batches go back to the parsing thread that made them once
            // nothing else holds their articles; what the writer prepared
            // itself is freed here, where it was made.
            toWrite = []
            let batches = taken
            taken = []
            parse.parsing.giveBack(consume batches)
        }
        let fingerprint = try parse.fingerprint()
        return try store.importDocumentInGroup(location: file.path, fingerprint: fingerprint) { writer in
            for pending in toWrite {
                if let prepared = pending.prepared { try writer.save(prepared) } else { writer.countUnchanged() }
            }
        }
    }

    /// The file's items, prepared, and the batches they came in.
    private func readWhole() throws -> (toWrite: [Pending], taken: [[Pending]]) {
        var toWrite: [Pending] = []
        var taken: [[Pending]] = []
        do {
            while let batch = try queue.take() {
                // Waiting for the rest of the file: time to prepare these.
                for pending in batch {
                    if case .built(let article, let rawHash) = pending {
                        toWrite.append(.prepared(PreparedArticle(article, rawHash: rawHash)))
                    } else {
                        toWrite.append(pending)
                    }
                }
                taken.append(batch)
            }
        } catch {
            queue.cancel()
            queue.waitUntilFinished()
            throw error
        }
        return (toWrite, taken)
    }

    private func restarting<T>(_ store: NewsStore, _ body: (FeedParse) throws -> T) throws -> T {
        var parse = self
        for _ in 0..<2 {
            do {
                return try body(parse)
            } catch let restart as FeedRestart {
                // On a thread of its own: the shared one may be parsing a
                // file further on, waiting for the writer to take its
                // articles, and the writer waits for this one.
                parse = FeedParse(file: file, fingerprint: knownFingerprint,
                                  known: try store.knownRawHashes(from: file.path),
                                  hint: restart, wholeFirst: wholeFirst, parsing: nil)
            }
        }
        return try body(parse)
    }
}

/// A value one thread hands to another, once.
final class Handed<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slot: Value?

    func set(_ value: Value) {
        condition.lock()
        slot = value
        condition.broadcast()
        condition.unlock()
    }

    var value: Value? {
        condition.lock()
        defer { condition.unlock() }
        return slot
    }

    /// The value, once it is set.
    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while slot == nil { condition.wait() }
        return slot!
    }
}
