import Foundation
import XCTest

/// `load URL` against a server on 127.0.0.1 that the test starts (never the internet): fetching,
/// snapshots, offline replay, `--allow-net`, `--refresh` with re-anchoring, redirects, refusals.
final class WebLoadTests: XCTestCase {
    static func article(
        _ second: String = "The board said the cap would cost about four million dollars a year in fares."
    ) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fare cap approved | The Ledger</title>
        <meta property="og:site_name" content="The Ledger"><meta name="author" content="Ana Lima"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Fare cap approved</h1>
        <p>The transit board voted on Tuesday to cap weekly fares for riders who pay per trip.</p>
        <p>\(second)</p>
        <h2>Who benefits</h2><p>About four in ten riders pay per trip, and most of them earn less than average.</p>
        </article><footer>© The Ledger</footer></body></html>
        """
    }

    private func run(_ arguments: [String], stdin: String = "", in directory: TemporaryDirectory) throws
        -> GlossProcess.Result
    {
        try GlossProcess.run(arguments, stdin: stdin, in: directory.url)
    }

    func testAFetchedPageIsSavedWithItsSnapshotAndReplaysOfflineAndIdentically() throws {
        let server = try LocalHTTPServer()
        server["/news/fare-cap"] = .page(Self.article())
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.url.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        let url = server.url("/news/fare-cap")
        let first = try run(
            ["--allow-net"], stdin: "load \(url)\ntag s0.p2 cost\nsave sessions/fares\noutline --json\n", in: directory)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("loaded fare-cap  1 section · 3 passages"), first.stderr)
        XCTAssertTrue(first.stderr.contains("fetched 1 page"), first.stderr)
        let saved = try directory.read("sessions/fares.gloss")
        XCTAssertTrue(saved.contains("load \(url) --sha256 "), saved)
        let sources = try FileManager.default.contentsOfDirectory(
            atPath: directory.url.appendingPathComponent("sessions/sources").path)
        XCTAssertEqual(sources.filter { $0.hasSuffix(".page") }.count, 1, "\(sources)")
        let sidecar = try directory.read("sessions/sources/" + sources.first { $0.hasSuffix(".json") }!)
        XCTAssertTrue(sidecar.contains("\"finalURL\" : \"\(url)\""), sidecar)
        XCTAssertTrue(sidecar.contains("\"fetchedAt\""), sidecar)
        XCTAssertEqual(server.requests, ["/news/fare-cap"])

        // The server is gone and the cache too: the snapshot beside the session is all there is.
        server.stop()
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent(".cache"))
        try directory.write("replay.gloss", "replay sessions/fares.gloss --quiet\noutline --json\ntags\n")
        let replayed = try run(["run", "replay.gloss"], in: directory)
        XCTAssertEqual(replayed.status, 0, replayed.stderr)
        XCTAssertNotNil(Self.json(first.stdout))
        XCTAssertEqual(Self.json(replayed.stdout), Self.json(first.stdout), "the replay reads the same document")
        XCTAssertTrue(replayed.stdout.contains("cost  1  1"), replayed.stdout)
    }

    func testAReplayedScriptFetchesOnlyWithAllowNet() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server["/story"] = .page(Self.article())
        let directory = try TemporaryDirectory()
        try directory.write("fetch.gloss", "load \(server.url("/story"))\ndocs\n")
        let refused = try run(["run", "fetch.gloss"], in: directory)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(
            refused.stderr.contains(
                "fetch.gloss:1:6: error: \(server.url("/story")): a replayed script may not fetch from the network, and no snapshot of the page was found (gloss run --allow-net permits fetching)"
            ), refused.stderr)
        XCTAssertEqual(server.requests, [], "nothing was sent")
        let allowed = try run(["run", "fetch.gloss", "--allow-net"], in: directory)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(allowed.stdout.contains("by Ana Lima · The Ledger"), allowed.stdout)
        // Now a snapshot is in the cache: the same script runs without the network.
        let cached = try run(["run", "fetch.gloss"], in: directory)
        XCTAssertEqual(cached.status, 0, cached.stderr)
        XCTAssertTrue(cached.stderr.contains("read from its snapshot"), cached.stderr)
        XCTAssertEqual(server.requests, ["/story"])
    }

    func testRefreshFetchesAgainAndAChangedPageIsReAnchored() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let url = server.url("/fares")
        server["/fares"] = .page(Self.article())
        let directory = try TemporaryDirectory()
        let saved = try run(["--allow-net"], stdin: "load \(url)\ntag s1.p1 riders\nsave fares\n", in: directory)
        XCTAssertEqual(saved.status, 0, saved.stderr)
        // The page changes: a paragraph is added before the tagged one's section.
        server["/fares"] = .page(
            Self.article("The board said the cap would cost about four million dollars a year. Critics said more."))
        var script = try directory.read("fares.gloss")
        XCTAssertFalse(script.contains("--refresh"))
        let fromSnapshot = try run(["run", "fares.gloss"], in: directory)
        XCTAssertEqual(fromSnapshot.status, 0, fromSnapshot.stderr)
        XCTAssertFalse(
            fromSnapshot.stderr.contains("changed since"),
            "the snapshot is the same page: no drift: \(fromSnapshot.stderr)")
        script = script.replacingOccurrences(of: "load \(url)", with: "load --refresh \(url)") + "tags\nshow s1.p1\n"
        try directory.write("refresh.gloss", script)
        let refreshed = try run(["run", "refresh.gloss", "--allow-net"], in: directory)
        XCTAssertEqual(refreshed.status, 0, refreshed.stderr)
        XCTAssertTrue(
            refreshed.stderr.contains(
                "changed since the session was saved (SHA-256 differs); annotations are re-anchored by their text"),
            refreshed.stderr)
        XCTAssertTrue(refreshed.stderr.contains("fetched 1 page"), refreshed.stderr)
        XCTAssertTrue(refreshed.stdout.contains("riders  1  1"), refreshed.stdout)
        XCTAssertEqual(server.requests, ["/fares", "/fares"])
        let refusedRefresh = try run(["run", "refresh.gloss"], in: directory)
        XCTAssertEqual(refusedRefresh.status, 1, "--refresh in a script needs --allow-net")
    }

    func testRedirectsAreFollowedAndBadAnswersRefusedClearly() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server["/old"] = .redirect(to: "/new")
        server["/new"] = .page(Self.article())
        server["/photo.jpg"] = LocalHTTPServer.Response(
            headers: [("Content-Type", "image/jpeg")], body: [0xFF, 0xD8, 0xFF, 0xE0])
        server["/report.pdf"] = LocalHTTPServer.Response(
            headers: [("Content-Type", "application/pdf")], body: Array("%PDF-1.4".utf8))
        server["/huge"] = .page("<p>" + String(repeating: "a", count: 21 << 20) + "</p>")
        server["/plain"] = .page(
            "Plain Title\n\nA plain-text article served as text.\n", type: "text/plain; charset=utf-8")
        let directory = try TemporaryDirectory()
        let redirected = try run(
            ["--allow-net"], stdin: "load \(server.url("/old"))\nshow old: --json\n", in: directory)
        XCTAssertEqual(redirected.status, 0, redirected.stderr)
        XCTAssertTrue(
            redirected.stdout.contains("\"url\": \"\(server.url("/new"))\""),
            "the final address is the page's: \(redirected.stdout)")
        let plain = try run(["--allow-net"], stdin: "load \(server.url("/plain"))\ndocs --json\n", in: directory)
        XCTAssertTrue(plain.stdout.contains("\"format\": \"plain-wire\""), plain.stdout)
        let cases = [
            (
                "/photo.jpg",
                "the page is image/jpeg; gloss reads text/plain, text/markdown, text/x-markdown, text/html, application/xhtml+xml, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.oasis.opendocument.text, application/epub+zip, application/pdf"
            ),
            ("/report.pdf", "the PDF is damaged or not a PDF"),
            ("/missing", "the server answered HTTP 404 Not Found"),
            ("/huge", "the page is larger than 20 MB"),
        ]
        for (path, message) in cases {
            let result = try run(["--allow-net"], stdin: "load \(server.url(path))\n", in: directory)
            XCTAssertEqual(result.status, 1, path)
            XCTAssertTrue(result.stderr.contains("<stdin>:1:6: error: \(server.url(path)): \(message)"), result.stderr)
        }
        let mixed = try run(["--allow-net"], stdin: "load \(server.url("/new")) notes.txt\n", in: directory)
        XCTAssertTrue(mixed.stderr.contains("load web addresses and files in separate commands"), mixed.stderr)
        server.stop()
        let refused = try run(["--allow-net"], stdin: "load --refresh \(server.url("/new"))\n", in: directory)
        XCTAssertTrue(refused.stderr.contains("cannot connect to the server"), refused.stderr)
    }

    /// The JSON part of a run's output (what follows the first `[`), parsed for comparison.
    static func json(_ output: String) -> NSArray? {
        guard let start = output.range(of: "[\n")?.lowerBound else { return nil }
        let end = output.lastIndex(of: "]").map { output.index(after: $0) } ?? output.endIndex
        return try? JSONSerialization.jsonObject(with: Data(output[start..<end].utf8)) as? NSArray
    }
}
