import Foundation
import XCTest

/// The REPL's features, driven through a pseudo-terminal on the real `gloss` binary: Tab completion of
/// commands, tags, addresses and paths; the pager; Ctrl-C during a long command and while output is
/// printed; history shared by two sessions; resizing; the startup file; `\` continuation; and the
/// unfinished-session notice.
///
/// Nothing sleeps: every step waits for output, for the terminal mode (raw while libedit reads a line,
/// canonical while a command runs) or for the process to exit, with a deadline.
final class ReplFeatureTests: XCTestCase {
    private typealias Key = PseudoTerminal.Key

    private let harborPrompt = "gloss harbor-barrier-vote> "
    /// Where `directoryWithArticle()` puts the sample article, relative to the working directory.
    private let harborPath = "articles/harbor-barrier-vote.txt"
    private var terminals: [PseudoTerminal] = []

    override func tearDown() {
        // Kills and reaps any child a failing test left running.
        for terminal in terminals { terminal.terminate() }
        terminals = []
        super.tearDown()
    }

    // MARK: Completion

    func testTabCompletesCommandsTagsAddressesAndPaths() throws {
        let directory = try directoryWithArticle()
        let terminal = try launch(in: directory)
        try terminal.waitForPrompt()

        // Paths for `load`: a folder takes a `/` and no space, a file a space.
        try complete(terminal, typing: "load art", into: "load articles/")
        try complete(terminal, typing: "har", into: "load articles/harbor-barrier-vote.txt ")
        try terminal.send(Key.enter)
        try terminal.expect("loaded harbor-barrier-vote")
        try terminal.waitForPrompt(harborPrompt)

        // A subcommand name.
        try complete(terminal, typing: "tags re", into: "tags rename ")
        try clearLine(terminal, prompt: harborPrompt)

        // Tags level by level: a tag with children completes without a space so `/` can follow.
        let tagged = try run("tag s1.p1 actor/russia actor/ukraine/kyiv", on: terminal)
        XCTAssertTrue(tagged.contains("tagged s1.p1 [actor/ukraine/kyiv]"), PseudoTerminal.visible(tagged))
        try complete(terminal, typing: "tag s1.p2 act", into: "tag s1.p2 actor")
        try terminal.send("/")
        XCTAssertEqual(try terminal.expect("/"), "", "a tag with children completes without a space after it")
        let children = try listCompletions(terminal, redrawing: "tag s1.p2 actor/")
        XCTAssertEqual(
            Self.candidates(in: children, hinted: false), ["actor/russia", "actor/ukraine"],
            PseudoTerminal.visible(children))
        try complete(terminal, typing: "u", into: "tag s1.p2 actor/ukraine")
        try complete(terminal, typing: "/", into: "tag s1.p2 actor/ukraine/kyiv ")
        try terminal.send(Key.enter)
        try terminal.expect("tagged s1.p2 [actor/ukraine/kyiv]")
        try terminal.waitForPrompt(harborPrompt)

        // Addresses of the current document, listed with their first words as hints.
        try type("show kp", on: terminal)
        let keyPoints = try listCompletions(terminal, redrawing: "show kp")
        XCTAssertEqual(
            Self.candidates(in: keyPoints, hinted: true), (1...8).map { "kp\($0)" }, PseudoTerminal.visible(keyPoints))
        XCTAssertTrue(
            keyPoints.contains("kp1  Council Vote — The final vote was postponed"), PseudoTerminal.visible(keyPoints))
        XCTAssertTrue(keyPoints.contains("kp8  Grant Deadline — A federal grant"), PseudoTerminal.visible(keyPoints))
        try terminal.send("3" + Key.enter)
        try terminal.expect("Two swinging gates would close")
        try terminal.waitForPrompt(harborPrompt)

        // Passages are offered once their section is typed.
        try complete(terminal, typing: "show s1.", into: "show s1.p")
        let passages = try listCompletions(terminal, redrawing: "show s1.p")
        XCTAssertEqual(
            Self.candidates(in: passages, hinted: true), ["s1.p1", "s1.p2"], PseudoTerminal.visible(passages))
        XCTAssertTrue(passages.contains("s1.p2  Three members have said"), PseudoTerminal.visible(passages))
        try terminal.send("2" + Key.enter)
        try terminal.expect("Three members have said they will vote for the barrier")
        try terminal.waitForPrompt(harborPrompt)
        try endSession(terminal, discarding: true)
    }

    // MARK: Pager

    func testLongOutputGoesThroughThePagerUnlessTurnedOff() throws {
        let directory = try directoryWithArticle()
        // A pager that marks every line it receives; 20 rows make the outline (37 lines) long.
        let environment = ["PAGER": "sed s/^/PAGED:/"]
        let terminal = try launch([harborPath], in: directory, environment: environment, rows: 20)
        try terminal.waitForPrompt(harborPrompt)

        let paged = Self.lines(try run("outline", on: terminal))
        XCTAssertGreaterThan(paged.count, 20, paged.joined(separator: "\n"))
        XCTAssertEqual(paged.filter { !$0.hasPrefix("PAGED:") }, [], "every line goes through the pager")
        let short = try run("show kp1", on: terminal)
        XCTAssertTrue(short.contains("Council Vote"), PseudoTerminal.visible(short))
        XCTAssertFalse(short.contains("PAGED:"), "short output is printed directly: " + PseudoTerminal.visible(short))
        // The pager had Ctrl-C while it ran; back at the prompt, Ctrl-C clears the line again.
        try type("show kp2", on: terminal)
        try clearLine(terminal, prompt: harborPrompt)

        try run("set pager off", on: terminal)
        let direct = Self.lines(try run("outline", on: terminal))
        XCTAssertFalse(direct.contains { $0.contains("PAGED:") }, direct.joined(separator: "\n"))
        // The pager received the whole outline: the same lines, each marked.
        XCTAssertEqual(paged, direct.map { "PAGED:" + $0 })
        try endSession(terminal)

        let noPager = try launch(["--no-pager", harborPath], in: directory, environment: environment, rows: 20)
        try noPager.waitForPrompt(harborPrompt)
        let unpaged = Self.lines(try run("outline", on: noPager))
        XCTAssertEqual(unpaged, direct)
        try endSession(noPager)
    }

    // MARK: Ctrl-C during a command

    func testCtrlCInterruptsALongFilterAndLeavesTheViewUnchanged() throws {
        let directory = try TemporaryDirectory()
        // 16,000 passages on which /(a+)+b/ backtracks (a run of `a` followed by `c`, then a `b`): about
        // 2^22 steps a passage, under PCRE2's match limit (10 million), minutes of work uninterrupted in a
        // release build, so that the command is still running when Ctrl-C comes on any machine;
        // checked for Ctrl-C every few hundred passages. (The fetch test below needs no such margin.)
        let paragraph = String(repeating: "a", count: 21) + "c b"
        for article in 0..<160 {
            let text =
                "Article \(article)\n\n" + (0..<100).map { "Paragraph \($0) " + paragraph }.joined(separator: "\n\n")
                + "\n"
            try directory.write("corpus/a" + String(format: "%03d", article) + ".txt", text)
        }
        let terminal = try launch(in: directory)
        try terminal.waitForPrompt()
        let prompt = "gloss a000> "
        let loaded = try run("load corpus", on: terminal, prompt: prompt, timeout: 60)
        XCTAssertTrue(loaded.contains("loaded 160 documents from corpus"), PseudoTerminal.visible(loaded))

        try type("filter /(a+)+b/", on: terminal)
        try terminal.send(Key.enter)
        // libedit gives the terminal back (canonical mode) once it returns the line: the command runs.
        try terminal.waitForCookedMode()
        let interruptedAt = Date()
        try terminal.send(Key.ctrlC)
        // Any prompt: an uninterrupted filter would show the view size in it.
        let printed = try terminal.expect("> ", timeout: 60)
        let latency = Date().timeIntervalSince(interruptedAt)
        XCTAssertTrue(printed.contains("error: interrupted"), PseudoTerminal.visible(printed))
        XCTAssertTrue(
            printed.hasSuffix("\n" + String(prompt.dropLast(2))),
            "a fresh prompt without a view size: " + PseudoTerminal.visible(printed))
        XCTAssertLessThan(latency, 5, "Ctrl-C took \(latency) s to stop the command")
        try terminal.waitForRawMode()

        // The interrupted filter was not added to the stack: there is none to list.
        let stack = try run("filter", on: terminal, prompt: prompt)
        XCTAssertEqual(Self.lines(stack).first, "error: missing QUERY: usage: filter QUERY (see help queries)")
        try endSession(terminal)
    }

    /// Ctrl-C stops a command that would otherwise wait as long as the other side likes: a fetch from a
    /// server that accepts the connection and never answers. Unlike the filter above, nothing here
    /// depends on how fast the machine is: without Ctrl-C the load would wait for its 30 s limit.
    func testCtrlCStopsAFetchThatNeverGetsAnAnswer() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(listener, 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        XCTAssertTrue(bound)
        XCTAssertEqual(listen(listener, 4), 0, "the kernel completes the connection; nobody ever answers")
        let url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/never"

        let directory = try TemporaryDirectory()
        let terminal = try launch(in: directory)
        try terminal.waitForPrompt()
        try type("load \(url)", on: terminal)
        try terminal.send(Key.enter)
        try terminal.waitForCookedMode()
        let interruptedAt = Date()
        try terminal.send(Key.ctrlC)
        let printed = try terminal.expect("> ", timeout: 25)
        XCTAssertTrue(printed.contains("error: interrupted"), PseudoTerminal.visible(printed))
        XCTAssertLessThan(
            Date().timeIntervalSince(interruptedAt), 20, "stopped by Ctrl-C, not by the transfer's time limit")
        try terminal.waitForRawMode()
        let docs = try run("docs", on: terminal, prompt: "gloss> ")
        XCTAssertTrue(docs.contains("no documents loaded"), PseudoTerminal.visible(docs))
        try endSession(terminal)
    }

    /// outline of a 250,000-section document ran for minutes and ignored Ctrl-C; it is linear now, and
    /// still long enough (seconds in a debug build) for Ctrl-C to stop it.
    func testCtrlCInterruptsTheOutlineOfAHugeDocument() throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "long.md", (0..<250_000).map { "## Section \($0)\n\nPassage \($0).\n" }.joined(separator: "\n"))
        let terminal = try launch(["--no-pager", "long.md"], in: directory)
        try terminal.waitForPrompt("gloss long> ", timeout: 60)
        try terminal.waitForRawMode()
        try type("outline", on: terminal)
        try terminal.send(Key.enter)
        try terminal.waitForCookedMode()
        try terminal.send(Key.ctrlC)
        let printed = try terminal.expect("gloss long> ", timeout: 60)
        XCTAssertTrue(printed.contains("error: interrupted"), PseudoTerminal.visible(String(printed.suffix(500))))
        XCTAssertFalse(printed.contains("s250000"), "the outline was not printed")
        try terminal.waitForRawMode()
        try endSession(terminal)
    }

    func testCtrlCWhileOutputIsPrintedDoesNotStopTheNextCommand() throws {
        let directory = try TemporaryDirectory()
        // 6,000 results of about 60 bytes: several times what a pseudo-terminal buffers (20 to 64 KB).
        // (Were it all buffered, gloss would be back at the prompt and the test would pass without
        // checking anything, but not fail.)
        for article in 0..<60 {
            let text =
                "Article \(article)\n\n" + (0..<100).map { "Paragraph \($0) of the sample" }.joined(separator: "\n\n")
                + "\n"
            try directory.write("corpus/a" + String(format: "%03d", article) + ".txt", text)
        }
        let terminal = try launch(["--no-pager", "corpus"], in: directory)
        let prompt = "gloss a000> "
        try terminal.waitForPrompt(prompt, timeout: 60)

        try type("find paragraph", on: terminal)
        try terminal.send(Key.enter)
        // The first result is out, so the command has finished and gloss is printing; as this side reads
        // no further, gloss blocks writing when the terminal's buffer is full. Ctrl-C arrives meanwhile.
        try terminal.expect("#1  ")
        try terminal.send(Key.ctrlC)
        try terminal.waitForPrompt(prompt, timeout: 30)

        // That Ctrl-C came after the command: it must not stop the next one.
        try type("filter paragraph", on: terminal)
        try terminal.send(Key.enter)
        let next = try terminal.expect("> ")
        XCTAssertEqual(
            Self.lines(next), ["", "view: 6,000 of 6,060 units", "gloss a000 [6000/6060]"], PseudoTerminal.visible(next)
        )
        try terminal.waitForRawMode()
        try endSession(terminal)
    }

    // MARK: History

    func testTwoConcurrentSessionsShareTheHistoryFile() throws {
        let directory = try TemporaryDirectory()
        let first = try launch(in: directory)
        let second = try launch(in: directory)
        try first.waitForPrompt()
        try second.waitForPrompt()

        try run("docs", on: first, prompt: "gloss> ")
        try run("docs", on: first, prompt: "gloss> ")  // the previous line again: not added
        try run("tags", on: second, prompt: "gloss> ")
        try run(" filter", on: second, prompt: "gloss> ")  // a leading space: not recorded
        try run("help set", on: first, prompt: "gloss> ")
        try run("set", on: second, prompt: "gloss> ")
        try endSession(second)
        // The first session, which never saw the second's lines, ends last: nothing may overwrite them.
        try run("help load", on: first, prompt: "gloss> ")
        try endSession(first)
        let expected = "docs\ntags\nhelp set\nset\nhelp load\n"
        XCTAssertEqual(try directory.read(".state/gloss/history"), expected)

        let third = try launch(in: directory)
        try third.waitForPrompt()
        try third.send(Key.up)
        try third.expect("help load")
        try third.send(Key.enter)
        try third.expect("usage: load PATH")
        try third.waitForPrompt()
        try endSession(third)
        // Running the recalled line repeats the last entry, so the file is unchanged.
        XCTAssertEqual(try directory.read(".state/gloss/history"), expected)
    }

    // MARK: Resizing

    func testOutputFollowsTheNewWidthAfterAResize() throws {
        let directory = try directoryWithArticle()
        let terminal = try launch([harborPath], in: directory, columns: 100)
        try terminal.waitForPrompt(harborPrompt)
        let wide = Self.lines(try run("show s0.p1", on: terminal))
        XCTAssertGreaterThan(wide.map(\.count).max() ?? 0, 50, wide.joined(separator: "\n"))
        XCTAssertLessThanOrEqual(wide.map(\.count).max() ?? 0, 100, wide.joined(separator: "\n"))

        try terminal.resize(columns: 50, rows: 40)
        let narrow = Self.lines(try run("show s0.p1", on: terminal))
        XCTAssertGreaterThan(narrow.count, wide.count, narrow.joined(separator: "\n"))
        XCTAssertEqual(narrow.filter { $0.count > 50 }, [], "lines wider than the 50-column terminal")
        // Still the whole passage.
        XCTAssertTrue(narrow.last?.hasSuffix("from the start.") ?? false, narrow.joined(separator: "\n"))
        try endSession(terminal)
    }

    // MARK: Startup file

    func testStartupFileRunsUnlessSkipped() throws {
        let directory = try directoryWithArticle()
        try directory.write(".config/gloss/glossrc", "# a comment\nset width 40\n")
        let configured = try launch([harborPath], in: directory)
        try configured.waitForPrompt(harborPrompt)
        let narrow = Self.lines(try run("show s0.p1", on: configured))
        XCTAssertGreaterThan(narrow.count, 8, narrow.joined(separator: "\n"))
        XCTAssertEqual(narrow.filter { $0.count > 40 }, [], "lines wider than `set width 40`")
        try endSession(configured)

        let skipped = try launch(["-X", harborPath], in: directory)
        try skipped.waitForPrompt(harborPrompt)
        let wide = Self.lines(try run("show s0.p1", on: skipped))
        XCTAssertGreaterThan(
            wide.map(\.count).max() ?? 0, 40,
            "with -X the terminal's 100 columns apply: " + wide.joined(separator: "\n"))
        try endSession(skipped)
    }

    // MARK: Line continuation

    func testBackslashContinuesTheCommandOnTheNextLine() throws {
        let directory = try directoryWithArticle()
        let terminal = try launch([harborPath], in: directory)
        try terminal.waitForPrompt(harborPrompt)
        try type("show \\", on: terminal)
        try terminal.send(Key.enter)
        let between = try terminal.expect("...> ")
        XCTAssertFalse(between.contains("error"), "the first half ran on its own: " + PseudoTerminal.visible(between))
        try terminal.waitForRawMode()
        let printed = try run("kp1", on: terminal, prompt: harborPrompt)
        XCTAssertEqual(
            Self.lines(printed),
            ["kp1  Council Vote", "    The final vote was postponed by one week after nine hours of public comment."])
        try endSession(terminal)
        // History keeps the joined command.
        XCTAssertEqual(try directory.read(".state/gloss/history"), "show kp1\n")
    }

    // MARK: Unfinished sessions

    func testKilledSessionIsOfferedAndRestoredByResume() throws {
        let directory = try directoryWithArticle()
        let killed = try launch(in: directory)
        try killed.waitForPrompt()
        try run("load " + harborPath, on: killed)
        let tagged = try run("tag s1.p1 x", on: killed)
        XCTAssertTrue(tagged.contains("tagged s1.p1 [x]"), PseudoTerminal.visible(tagged))
        killed.terminate()  // SIGKILL, then reaped: the process is gone, its journal stays
        XCTAssertEqual(killed.termination, .signalled(SIGKILL))

        let restored = try launch(in: directory)
        let notice = try restored.expect("gloss> ")
        XCTAssertTrue(
            notice.contains("gloss: an unfinished session can be restored (the newest from "),
            PseudoTerminal.visible(notice))
        XCTAssertTrue(notice.contains(", 2 commands): type 'resume'"), PseudoTerminal.visible(notice))
        try restored.waitForRawMode()
        let resumed = try run("resume", on: restored)
        XCTAssertTrue(resumed.contains("resumed 2 commands"), PseudoTerminal.visible(resumed))
        let tags = Self.lines(try run("tags", on: restored))
        XCTAssertTrue(tags.contains { $0.hasPrefix("x  1") }, tags.joined(separator: "\n"))
        try endSession(restored, discarding: true)

        // The restored session was discarded on leaving: nothing is left to offer.
        let clean = try launch(in: directory)
        let greeting = try clean.expect("gloss> ")
        XCTAssertFalse(greeting.contains("unfinished"), PseudoTerminal.visible(greeting))
        try clean.waitForRawMode()
        try endSession(clean)
    }

    // MARK: Leaving with unsaved work

    /// Ctrl-D with unsaved work asks; Enter leaves and keeps the work for --resume.
    func testLeavingWithUnsavedWorkAsksAndEnterKeepsIt() throws {
        let directory = try directoryWithArticle()
        let terminal = try launch([harborPath], in: directory)
        try terminal.waitForPrompt(harborPrompt)
        try run("tag s0.p1 important", on: terminal)
        try terminal.send(Key.ctrlD)
        try terminal.expect("1 change is not saved.")
        try terminal.expect("[s]ave, [d]iscard, [c]ancel (Enter keeps them for gloss --resume): ")
        try terminal.waitForRawMode()
        try terminal.send(Key.enter)
        try terminal.expect("unsaved work is kept as an unfinished session: gloss --resume restores it")
        XCTAssertEqual(try terminal.waitForExit(), .exited(0))

        let resumed = try GlossProcess.run(["--resume"], stdin: "tags\nquit --discard\n", in: directory.url)
        XCTAssertTrue(resumed.stdout.contains("important  1  1"), resumed.stdout + resumed.stderr)
    }

    /// Cancel stays; save asks for a name and leaves nothing unfinished; discard leaves nothing either.
    func testLeavingAnswersCancelSaveAndDiscard() throws {
        let directory = try directoryWithArticle()
        let terminal = try launch([harborPath], in: directory)
        try terminal.waitForPrompt(harborPrompt)
        try run("tag s1.p1 cost", on: terminal)
        try type("quit", on: terminal)
        try terminal.send(Key.enter)
        try terminal.expect("(Enter keeps them for gloss --resume): ")
        try terminal.waitForRawMode()
        try terminal.send("c" + Key.enter)
        try terminal.waitForPrompt(harborPrompt)
        try run("tag s1.p2 cost", on: terminal)
        try terminal.send(Key.ctrlD)
        try terminal.expect("2 changes are not saved.")
        try terminal.expect("(Enter keeps them for gloss --resume): ")
        try terminal.waitForRawMode()
        try terminal.send("s" + Key.enter)
        try terminal.expect("save as (a name, Enter to cancel): ")
        try terminal.waitForRawMode()
        try terminal.send("coded" + Key.enter)
        try terminal.expect("saved 3 commands to coded.gloss")
        XCTAssertEqual(try terminal.waitForExit(), .exited(0))
        XCTAssertTrue(try directory.read("coded.gloss").contains("tag s1.p2 cost"))
        let nothing = try GlossProcess.run(["--resume"], stdin: "", in: directory.url)
        XCTAssertTrue(nothing.stderr.contains("there is no unfinished session to resume"), nothing.stderr)

        let second = try launch(["coded.gloss"], in: directory)
        try second.waitForPrompt(harborPrompt)
        try run("untag s1.p2 cost", on: second)
        try endSession(second, discarding: true)
        let still = try GlossProcess.run(["--resume"], stdin: "", in: directory.url)
        XCTAssertTrue(still.stderr.contains("there is no unfinished session to resume"), still.stderr)
    }

    /// Opening a script whose replay fails says where, keeps the session tied to it, and will not
    /// overwrite it with the partial state; after a crash and resume it still knows.
    func testAFailedReopenSaysWhereAndProtectsTheScript() throws {
        let directory = try directoryWithArticle()
        try directory.write("coded.gloss", "load \(harborPath)\ntag s1 a\nshow s99\ntag s2 b\ntag s3 c\n")
        let terminal = try launch(["coded.gloss"], in: directory)
        let opened = try terminal.expect(harborPrompt)
        XCTAssertTrue(
            opened.contains("coded.gloss:3:6: error: no section s99 in harbor-barrier-vote"),
            PseudoTerminal.visible(opened))
        XCTAssertTrue(opened.contains("opened up to line 3; 3 lines were not replayed"), PseudoTerminal.visible(opened))
        try terminal.waitForRawMode()
        let refused = try run("save", on: terminal)
        XCTAssertTrue(
            refused.contains("coded.gloss stopped at line 3 when it was opened (3 lines not replayed)"),
            PseudoTerminal.visible(refused))
        XCTAssertTrue(refused.contains("save coded.recovered.gloss"), PseudoTerminal.visible(refused))
        XCTAssertTrue(try directory.read("coded.gloss").contains("tag s3 c"), "the script is untouched")
        try run("tag s4 d", on: terminal)
        terminal.terminate()

        let resumed = try GlossProcess.run(["--resume"], stdin: "save\n", in: directory.url)
        XCTAssertTrue(
            resumed.stderr.contains("coded.gloss stopped at line 3 when it was opened"),
            "the origin survives resume:\n" + resumed.stderr)
        let recovered = try GlossProcess.run(["--resume"], stdin: "save coded.recovered\nquit\n", in: directory.url)
        XCTAssertEqual(recovered.status, 0, recovered.stderr)
        XCTAssertTrue(try directory.read("coded.recovered.gloss").contains("tag s4 d"))
        XCTAssertTrue(try directory.read("coded.gloss").contains("tag s3 c"))
    }

    // MARK: Scripts replayed at the prompt

    /// A script replayed at the prompt, or opened from the command line, asks before it writes outside
    /// the current folder (here through a symlink); no keeps the file from being written.
    func testAReplayedScriptAsksBeforeWritingOutsideTheFolder() throws {
        let directory = try directoryWithArticle()
        let outside = directory.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let work = directory.url.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: work.appendingPathComponent("dirlink").path, withDestinationPath: "../outside")
        try directory.write("work/evil.gloss", "load ../\(harborPath)\nexport json dirlink/x.json\n")
        let terminal = try PseudoTerminal(
            [], in: work,
            environment: [
                "HOME": directory.url.path,
                "XDG_STATE_HOME": directory.url.appendingPathComponent(".state").path,
            ])
        terminals.append(terminal)
        try terminal.waitForPrompt()
        try type("replay evil.gloss", on: terminal)
        try terminal.send(Key.enter)
        try terminal.expect(
            "A replayed script wants to write dirlink/x.json in \(outside.resolvingSymlinksInPath().path)")
        try terminal.expect("[y/N] ")
        try terminal.waitForRawMode()
        try terminal.send("n" + Key.enter)
        let refused = try terminal.expect(harborPrompt)
        XCTAssertTrue(refused.contains("a script may not write dirlink/x.json"), PseudoTerminal.visible(refused))
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.appendingPathComponent("x.json").path))
        try terminal.waitForRawMode()
        try endSession(terminal)

        let opened = try PseudoTerminal(
            ["evil.gloss"], in: work,
            environment: [
                "HOME": directory.url.path,
                "XDG_STATE_HOME": directory.url.appendingPathComponent(".state").path,
            ])
        terminals.append(opened)
        try opened.expect("Allow writes there for this replay? [y/N] ")
        try opened.waitForRawMode()
        try opened.send("y" + Key.enter)
        try opened.waitForPrompt(harborPrompt)
        XCTAssertTrue(FileManager.default.fileExists(atPath: outside.appendingPathComponent("x.json").path))
        try endSession(opened)
    }

    /// A file name with control characters is never completed onto the line.
    func testHostileFileNamesAreNotCompleted() throws {
        let directory = try directoryWithArticle()
        try directory.write("articles/evil\u{1B}[2Jname.txt", "A title\n\nA paragraph.\n")
        let terminal = try launch(in: directory)
        try terminal.waitForPrompt()
        try complete(terminal, typing: "load articles/", into: "load articles/harbor-barrier-vote.txt ")
        XCTAssertFalse(terminal.output.contains("\u{1B}"), PseudoTerminal.visible(terminal.output))
        try clearLine(terminal, prompt: "gloss> ")
        try endSession(terminal)
    }

    // MARK: Helpers

    private func launch(
        _ arguments: [String] = [], in directory: TemporaryDirectory, environment: [String: String] = [:],
        columns: Int = 100, rows: Int = 40
    ) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            arguments, in: directory.url, environment: environment, columns: columns, rows: rows)
        terminals.append(terminal)
        return terminal
    }

    /// A temporary directory holding the sample article at `articles/harbor-barrier-vote.txt`.
    private func directoryWithArticle() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let article = GlossProcess.samples.appendingPathComponent("harbor-barrier-vote.txt")
        try directory.write(harborPath, String(contentsOf: article, encoding: .utf8))
        return directory
    }

    /// Types `text` and waits for its echo.
    private func type(_ text: String, on terminal: PseudoTerminal, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        try terminal.send(text)
        try terminal.expect(text, file: file, line: line)
    }

    /// Types `command`, presses Enter and returns what it printed before the next `prompt` (which is then
    /// ready for keys), without the line break that ends the echo.
    @discardableResult
    private func run(
        _ command: String, on terminal: PseudoTerminal, prompt: String? = nil,
        timeout: TimeInterval = PseudoTerminal.defaultTimeout,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        try type(command, on: terminal, file: file, line: line)
        try terminal.send(Key.enter)
        let printed = try terminal.expect(prompt ?? harborPrompt, timeout: timeout, file: file, line: line)
        try terminal.waitForRawMode(file: file, line: line)
        return printed.hasPrefix("\n") ? String(printed.dropFirst()) : printed
    }

    /// Types `typed`, presses Tab and waits until the line ends with `completed`.
    private func complete(
        _ terminal: PseudoTerminal, typing typed: String, into completed: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try type(typed, on: terminal, file: file, line: line)
        try terminal.send(Key.tab)
        // libedit may redraw the whole line, so wait for how it ends.
        try terminal.waitUntil("the line to become `\(completed)`", file: file, line: line) { $0.hasSuffix(completed) }
        try terminal.expect(completed, file: file, line: line)
    }

    /// Presses Tab where the candidates share no longer prefix, and returns the list printed before the
    /// prompt and the unchanged `typed` line are drawn again.
    private func listCompletions(
        _ terminal: PseudoTerminal, redrawing typed: String, prompt: String? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        let redrawn = (prompt ?? harborPrompt) + typed
        try terminal.send(Key.tab)
        try terminal.waitUntil("a list of candidates, then `\(redrawn)`", file: file, line: line) {
            $0.contains("\n") && $0.hasSuffix(redrawn)
        }
        return try terminal.expect(redrawn, file: file, line: line).replacingOccurrences(of: "\r", with: "")
    }

    /// Ctrl-C on a partly typed line (its echo already seen): a fresh prompt on an empty line.
    private func clearLine(
        _ terminal: PseudoTerminal, prompt: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try terminal.send(Key.ctrlC)
        try terminal.waitForPrompt("\r\n" + prompt, file: file, line: line)
    }

    /// Ends the session with Ctrl-D at an empty prompt and checks the exit status.
    /// Ctrl-D; with unsaved work, the question that follows is answered with discard.
    private func endSession(
        _ terminal: PseudoTerminal, discarding: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try terminal.send(Key.ctrlD)
        if discarding {
            try terminal.expect("[s]ave, [d]iscard, [c]ancel", file: file, line: line)
            try terminal.waitForRawMode(file: file, line: line)
            try terminal.send("d" + Key.enter)
        }
        let termination = try terminal.waitForExit(file: file, line: line)
        XCTAssertEqual(termination, .exited(0), PseudoTerminal.visible(terminal.output), file: file, line: line)
    }

    /// The lines of a command's output, without the empty one the prompt starts.
    private static func lines(_ text: String) -> [String] {
        var lines = text.replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The candidates of a completion list: one per line with hints, else several per line in columns.
    private static func candidates(in list: String, hinted: Bool) -> [String] {
        let lines = lines(list).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if hinted { return lines.map { String($0.prefix { $0 != " " }) } }
        return lines.flatMap { $0.split(separator: " ").map(String.init) }
    }
}
