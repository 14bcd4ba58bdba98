import Foundation
import XCTest

/// Fetching against a loopback server (scripts/test-feed-server.py): no
/// test touches the internet.
final class FetchTests: CLITestCase {
    private var server: Process!
    private var serverInput: Pipe!
    private var base = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        let root = Self.fixtures.deletingLastPathComponent()
        server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", root.appendingPathComponent("scripts/test-feed-server.py").path, Self.fixtures.path]
        let output = Pipe()
        serverInput = Pipe()
        server.standardOutput = output
        server.standardInput = serverInput
        try server.run()
        // The first line is the port.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        base = "http://127.0.0.1:" + String(decoding: line, as: UTF8.self)
    }

    override func tearDownWithError() throws {
        try? serverInput.fileHandleForWriting.close()
        server.waitUntilExit()
        try super.tearDownWithError()
    }

    private func feeds() throws -> [[String: Any]] {
        try XCTUnwrap(json(try kiosque("feeds", "--json")) as? [[String: Any]])
    }

    func testFetchTwiceSendsConditionalRequestsAndAddsNothing() throws {
        XCTAssertEqual(try kiosque("add", "\(base)/feeds/rss2-lemonde-like.xml", "--name", "Lyon").status, 0)
        XCTAssertEqual(try kiosque("add", "\(base)/gzip/atom-basic.xml").status, 0)
        let first = try kiosque("fetch")
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertTrue(first.stdout.contains("Lyon : 4 nouveaux articles"), first.stdout)
        XCTAssertTrue(first.stdout.contains("atom-basic.xml : 4 nouveaux articles"), first.stdout)
        let second = try kiosque("fetch")
        XCTAssertEqual(second.status, 0)
        XCTAssertTrue(second.stdout.contains("Lyon : inchangé (304)"), second.stdout)
        XCTAssertTrue(second.stdout.contains("0 nouvel article"), second.stdout)
        XCTAssertEqual((try json(try kiosque("list", "--json")) as? [Any])?.count, 8)
        let lyon = try XCTUnwrap(try feeds().first { $0["name"] as? String == "Lyon" })
        XCTAssertEqual(lyon["articles"] as? Int, 4)
        XCTAssertEqual(lyon["status"] as? String, "inchangé")
    }

    /// An import keeps simple item HTML for the store to read later; a
    /// fetch of the same feed must find its articles unchanged, not rewrite
    /// them because they came another way.
    func testAFeedImportedFromAFileAndThenFetchedIsUnchanged() throws {
        for name in ["rss2-lemonde-like.xml", "atom-basic.xml"] {
            let imported = try kiosque("import", Self.fixtures.appendingPathComponent("feeds/" + name).path)
            XCTAssertEqual(imported.status, 0, imported.stderr)
            try kiosque("add", "\(base)/feeds/\(name)", "--name", name)
        }
        let fetched = try kiosque("fetch")
        XCTAssertEqual(fetched.status, 0, fetched.stdout + fetched.stderr)
        XCTAssertTrue(fetched.stdout.contains("rss2-lemonde-like.xml : 0 nouvel article, 0 mis à jour"), fetched.stdout)
        XCTAssertTrue(fetched.stdout.contains("atom-basic.xml : 0 nouvel article, 0 mis à jour"), fetched.stdout)
        XCTAssertEqual((try json(try kiosque("list", "--json")) as? [Any])?.count, 8)
    }

    func testAFailingFeedIsReportedAndNeverStopsTheOthers() throws {
        for path in ["feeds/rss1-rdf.xml", "broken", "missing", "garbage", "slow/30"] {
            try kiosque("add", "\(base)/\(path)")
        }
        let run = try self.run(["fetch", "--jobs", "4"], environment: ["KIOSQUE_FETCH_TIMEOUT": "2"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("rss1-rdf.xml : 3 nouveaux articles"), run.stdout)
        XCTAssertTrue(run.stdout.contains("/broken : échec, HTTP 500"), run.stdout)
        XCTAssertTrue(run.stdout.contains("/missing : échec, HTTP 404"), run.stdout)
        XCTAssertTrue(run.stdout.contains("/garbage : échec"), run.stdout)
        XCTAssertTrue(run.stdout.contains("/slow/30 : échec, délai dépassé"), run.stdout)
        let states = try feeds()
        XCTAssertEqual(states.filter { $0["status"] as? String == "erreur" }.count, 4)
        XCTAssertEqual(try kiosque("check").status, 0)
    }

    func testAPermanentRedirectMovesTheSubscription() throws {
        try kiosque("add", "\(base)/moved/rss2-cp1252.xml")
        try kiosque("add", "\(base)/temporary/rss2-iso8859.xml")
        XCTAssertEqual(try kiosque("fetch").status, 0)
        let urls = try feeds().compactMap { $0["url"] as? String }
        XCTAssertTrue(urls.contains("\(base)/feeds/rss2-cp1252.xml"), "\(urls)")
        XCTAssertTrue(urls.contains("\(base)/temporary/rss2-iso8859.xml"), "\(urls)")
    }

    func testEndlessAndNonWebRedirectsFailClearly() throws {
        try kiosque("add", "\(base)/loop/a")
        try kiosque("add", "\(base)/elsewhere/b")
        let run = try kiosque("fetch")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("/loop/a : échec, trop de redirections"), run.stdout)
        XCTAssertTrue(run.stdout.contains("/elsewhere/b : échec, redirection vers une adresse qui n'est pas du web"),
                      run.stdout)
        XCTAssertEqual(Set(try feeds().compactMap { $0["url"] as? String }), ["\(base)/loop/a", "\(base)/elsewhere/b"],
                       "a failed fetch moves no subscription")
    }

    func testAnAnswerLargerThanAllowedIsRefused() throws {
        try kiosque("add", "\(base)/big/3000")
        try kiosque("add", "\(base)/feeds/atom-basic.xml")
        let run = try self.run(["fetch"], environment: ["KIOSQUE_FETCH_MAX_MB": "2"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("/big/3000 : échec, réponse trop grande (plus de 2 Mo)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("atom-basic.xml : 4 nouveaux articles"), run.stdout)
    }

    func testTheHeaderCharsetAppliesWhenTheDocumentDeclaresNone() throws {
        try kiosque("add", "\(base)/latin1")
        XCTAssertEqual(try kiosque("fetch").status, 0)
        let rows = try XCTUnwrap(json(try kiosque("list", "--json")) as? [[String: Any]])
        XCTAssertEqual(rows.first?["title"] as? String, "L’été — 5 € œuvre")
    }

    func testOPMLRoundTripKeepsEveryFeedAndNewsboatURLsImport() throws {
        let opml = folder.appendingPathComponent("abonnements.opml")
        try Data("""
            <?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
            <outline text="Presse"><outline text="Le Matin" xmlUrl="https://lematin.example/rss"/>
            <outline title="L'Économiste &amp; co" xmlUrl="https://leco.example/feed?x=1&amp;y=2"/></outline>
            <outline text="Médias24" type="rss" xmlUrl="https://medias24.example/atom" fullText="true"/></body></opml>
            """.utf8).write(to: opml)
        let imported = try kiosque("import", opml.path)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("3 abonnements ajoutés"), imported.stdout)
        let exported = try kiosque("export", "--opml")
        let again = folder.appendingPathComponent("export.opml")
        try Data(exported.stdout.utf8).write(to: again)
        let other = folder.appendingPathComponent("autre.sqlite").path
        XCTAssertEqual(try kiosque("import", "--store", other, again.path).status, 0)
        let urls = { (store: String?) throws -> Set<String> in
            let run = try self.run(["feeds", "--json"] + (store.map { ["--store", $0] } ?? []))
            return Set((try self.json(run) as? [[String: Any]] ?? []).compactMap { $0["url"] as? String })
        }
        XCTAssertEqual(try urls(nil), try urls(other))
        XCTAssertEqual(try urls(nil).count, 3)
        let full = try XCTUnwrap(json(try self.run(["feeds", "--json", "--store", other])) as? [[String: Any]])
            .filter { $0["full_text"] as? Bool == true }.compactMap { $0["url"] as? String }
        XCTAssertEqual(full, ["https://medias24.example/atom"], "the full-text setting goes through OPML")

        let newsboat = folder.appendingPathComponent("urls")
        try Data("# mes flux\nhttps://a.example/rss \"~Journal A\" politique\nhttps://b.example/feed\n\"query:Non lus:unread = \\\"yes\\\"\"\n".utf8)
            .write(to: newsboat)
        let fromNewsboat = try kiosque("import", newsboat.path)
        XCTAssertTrue(fromNewsboat.stdout.contains("2 abonnements ajoutés"), fromNewsboat.stdout + fromNewsboat.stderr)
        XCTAssertTrue(try feeds().contains { $0["name"] as? String == "Journal A" })
    }

    func testRemoveAndUnknownFeeds() throws {
        try kiosque("add", "\(base)/feeds/rss1-rdf.xml", "--name", "Rabat")
        XCTAssertEqual(try kiosque("remove", "Rabat").status, 0)
        XCTAssertEqual(try feeds().count, 0)
        XCTAssertNotEqual(try kiosque("remove", "Rabat").status, 0)
        XCTAssertNotEqual(try kiosque("add", "ftp://x.example/f").status, 0)
    }
}

extension FetchTests {
    /// `r` in the reader fetches in the background; the new headlines join
    /// the list while the screen goes on answering.
    func testRInTheReaderFetchesAndTheListGrows() throws {
        try kiosque("add", "\(base)/feeds/rss2-lemonde-like.xml")
        let env = ["TERM": "tmux-256color", "HOME": folder.path, "KIOSQUE_STORE": storePath, "PATH": "/usr/bin:/bin"]
        let session = try TmuxSession(command: [binary.path, "--no-ticker"], environment: env)
        try session.waitFor("the empty store") { $0.contains { $0.contains("Aucun article") } }
        try session.send("r")
        try session.waitFor("the fetch to end") { $0.contains { $0.contains("Flux récupérés : 4 nouveaux articles") } }
        try session.waitFor("the new headlines") { $0.contains { $0.contains("Crue de la Saône") } }
        try session.send("q")
        try session.waitFor("a clean exit") { $0.contains { $0.contains("KIOSQUE-EXIT=0") } }
    }
}

extension FetchTests {
    /// kill -9 in the middle of a fetch, then fetches and flags from several
    /// processes at once: the store stays sound and nothing is lost.
    func testKilledAndConcurrentFetchesKeepTheStoreSound() throws {
        for n in 0..<40 {
            try kiosque("add", "\(base)/feeds/\(["rss1-rdf.xml", "atom-basic.xml", "rss2-lemonde-like.xml"][n % 3])?n=\(n)")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["fetch", "--jobs", "8"]
        process.environment = environment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.15)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(try kiosque("check").status, 0)

        try kiosque("import", fixture("feeds/rss2-lemonde-like.xml"))
        var imageID: Int?
        for row in try XCTUnwrap(json(try kiosque("list", "--json", "--limit", "1000")) as? [[String: Any]]) {
            let shown = try XCTUnwrap(json(try kiosque("show", String(row["id"] as! Int), "--json")) as? [String: Any])
            imageID = (shown["blocks"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }.first
            if imageID != nil { break }
        }
        let image = try XCTUnwrap(imageID, "the Lyon feed has images")
        let runs: [[String]] = [["fetch"], ["fetch", "--jobs", "2"], ["import", fixture("pages")]]
            + ["amina", "yassine", "claire"].map { ["flag", String(image), "--user", $0] }
        for stderr in runConcurrently(runs) {
            XCTAssertFalse(stderr.contains("locked") || stderr.contains("occupée"), stderr)
        }
        XCTAssertEqual(try kiosque("check").status, 0)
        // The three fixture feeds (4 + 4 + 3 items) and the seven good pages, each once.
        let rows = try XCTUnwrap(json(try kiosque("list", "--json", "--limit", "1000")) as? [[String: Any]])
        XCTAssertEqual(rows.count, 4 + 4 + 3 + 7)
        let flags = try XCTUnwrap(json(try kiosque("flags", "--json")) as? [[String: Any]])
        XCTAssertEqual(flags.first?["flags"] as? Int, 3)
    }

    // MARK: - Full text

    private func articles() throws -> [[String: Any]] {
        let list = try XCTUnwrap(json(try kiosque("list", "--json")) as? [[String: Any]])
        return try list.map { item in
            try XCTUnwrap(json(try kiosque("show", "--json", "\(item["id"] as! Int)")) as? [String: Any])
        }
    }

    private func bodyText(_ article: [String: Any]) -> String {
        ((article["blocks"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }.joined(separator: "\n")
    }

    func testFetchFullReadsThePagesOfSummariesAndKeepsTheSummaryWhenAPageFails() throws {
        try kiosque("add", "\(base)/summaries/feed.xml", "--name", "Résumés")
        let run = try kiosque("fetch", "--full")
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("Résumés : 3 nouveaux articles, 0 mis à jour, 2 pages lues en entier, 1 page illisible (résumé gardé)"),
                      run.stdout)
        let byTitle = Dictionary(uniqueKeysWithValues: try articles().map { ($0["title"] as! String, $0) })
        let sncf = try XCTUnwrap(byTitle["Grève à la SNCF : le trafic perturbé mardi"])
        XCTAssertTrue(bodyText(sncf).contains("En Île-de-France, le RER B"), bodyText(sncf))
        XCTAssertFalse(bodyText(sncf).contains("Lire aussi"), bodyText(sncf))
        XCTAssertEqual(sncf["author"] as? String, "Claire Dubois")
        let gone = try XCTUnwrap(byTitle["Une page qui n'existe plus"])
        XCTAssertEqual(bodyText(gone), "Le résumé de cet article tient en une ligne…")

        // The feed still sends the summaries: the bodies read from the pages stay.
        let again = try kiosque("fetch", "--full")
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("Résumés : 0 nouvel article"), again.stdout)
        let sncfAgain = try XCTUnwrap(try articles().first { $0["title"] as? String == "Grève à la SNCF : le trafic perturbé mardi" })
        XCTAssertEqual(bodyText(sncfAgain), bodyText(sncf))
    }

    func testTheFullTextSettingIsKeptPerFeed() throws {
        let added = try kiosque("add", "\(base)/summaries/feed.xml", "--full")
        XCTAssertTrue(added.stdout.contains("Texte intégral"), added.stdout)
        XCTAssertEqual(try feeds().first?["full_text"] as? Bool, true)
        XCTAssertEqual(try kiosque("fetch").status, 0)   // no --full: the feed's setting asks for the pages
        let sncf = try XCTUnwrap(try articles().first { $0["title"] as? String == "Grève à la SNCF : le trafic perturbé mardi" })
        XCTAssertTrue(bodyText(sncf).contains("RER B"), bodyText(sncf))
        try kiosque("add", "\(base)/summaries/feed.xml", "--no-full")
        XCTAssertEqual(try feeds().first?["full_text"] as? Bool, false)
    }

    func testExtractAndImportAWebPage() throws {
        let extracted = try kiosque("extract", "--json", "\(base)/pages/sncf-greve.html")
        XCTAssertEqual(extracted.status, 0, extracted.stderr)
        let page = try XCTUnwrap(json(extracted) as? [String: Any])
        XCTAssertEqual(page["title"] as? String, "Grève à la SNCF : le trafic perturbé mardi")
        XCTAssertEqual(page["published"] as? String, "2025-02-18T11:20:00+01:00")
        let missing = try kiosque("extract", "\(base)/pages/disparue.html")
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "kiosque : \(base)/pages/disparue.html : HTTP 404 (introuvable)\n")

        let imported = try kiosque("import", Self.fixtures.appendingPathComponent("web/sncf-greve.html").path)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let stored = try XCTUnwrap(try articles().first)
        XCTAssertEqual(stored["source"] as? String, "Le Quotidien")
        XCTAssertEqual(stored["url"] as? String, "https://www.lequotidien.fr/societe/greve-sncf.html")
        XCTAssertTrue(bodyText(stored).contains("Selon les prévisions"), bodyText(stored))
    }
}
