import Foundation
import XCTest

/// Reading and stepping on a real-shaped corpus (see `CorpusFixture`): next and prev from a find row,
/// more after --limit, kwic rows numbered for tag #n, find --by doc, titles in listings, path: and
/// docs QUERY, and saved sessions that replay all of it.
final class CorporaReadingTests: XCTestCase {
    private func corpus() throws -> TemporaryDirectory { try CorpusFixture.directory() }

    private func json(_ text: String) throws -> Any { try CorpusFixture.json(text) }

    /// The ids in load order (folders walked in name order).
    private func ids(in directory: TemporaryDirectory) throws -> [String] {
        let result = try GlossProcess.commands("docs --json\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(try json(result.stdout) as? [[String: Any]]).map { $0["id"] as! String }
    }

    /// The output of each command of a script: the script is run up to each command in turn, and
    /// each run's output less the one before it is that command's.
    private func outputs(_ commands: [String], in directory: TemporaryDirectory) throws -> [String] {
        var before = ""
        return try commands.indices.map { index in
            let run = try GlossProcess.commands(
                commands[...index].joined(separator: "\n") + "\n", files: ["corpus"], in: directory.url)
            XCTAssertEqual(run.status, 0, "\(commands[index]): \(run.stderr)")
            XCTAssertTrue(run.stdout.hasPrefix(before), run.stdout)
            defer { before = run.stdout }
            return String(run.stdout.dropFirst(before.count))
        }
    }

    // MARK: next and prev

    func testNextAndPrevReadOnFromAFindRow() throws {
        let directory = try corpus()
        let order = try ids(in: directory)
        let after = order[try XCTUnwrap(order.firstIndex(of: "sport/002")) + 1]
        let steps = try outputs(
            [
                "find doc:sport/002 budgeted",
                "show #1",
                "next",
                "next",
                "prev",
                "prev section",
                "next document",
                "next section",
            ], in: directory)
        XCTAssertTrue(steps[0].hasPrefix("#1  sport/002:s1.p1  Budgets Under Pressure\n"), steps[0])
        XCTAssertTrue(steps[1].hasPrefix("sport/002:s1.p1\n    Officials said the budgets"), steps[1])
        // The passage after: the next section's, under its heading.
        XCTAssertTrue(
            steps[2].hasPrefix(
                "sport/002:s2  What Comes Next\nsport/002:s2.p1\n    A final council vote on the sport plan"), steps[2])
        // The end of a document: on into the next one, under its id and title.
        XCTAssertTrue(
            steps[3].hasPrefix(
                "\(after):  Sport report 3: Council weighs the budget\n\(after):s0.p1\n    The sport desk reports"),
            steps[3])
        XCTAssertTrue(
            steps[4].hasPrefix(
                "sport/002:  Sport report 2: A vote on the harbor\nsport/002:s2  What Comes Next\nsport/002:s2.p1\n"),
            steps[4])
        // From s2.p1, the previous section is s1, shown whole.
        XCTAssertTrue(steps[5].hasPrefix("sport/002:s1  Budgets Under Pressure\n  sport/002:s1.p1\n"), steps[5])
        XCTAssertTrue(steps[6].hasPrefix("\(after):  Sport report 3: Council weighs the budget\n"), steps[6])
        XCTAssertTrue(steps[6].contains("\(after):s2  What Comes Next"), "the whole document: " + steps[6])
        // After a whole document, the next section is the following document's first.
        let last = order[order.firstIndex(of: after)! + 1]
        XCTAssertTrue(steps[7].hasPrefix("\(last):  "), steps[7])
        XCTAssertTrue(steps[7].contains("\(last):s0  (lead)"), steps[7])
    }

    func testStepsStopAtTheEndsAndStartAtTheCurrentDocument() throws {
        let directory = try corpus()
        let order = try ids(in: directory)
        let first = try GlossProcess.commands("use \(order[1])\nnext\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(
            first.stdout.hasPrefix("\(order[1]):  Business report 2: Rates rise again\n\(order[1]):s0.p1\n"),
            first.stdout)

        let start = try GlossProcess.commands("use \(order[0])\nprev\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(start.status, 1)
        XCTAssertTrue(
            start.stderr.contains(
                "<stdin>:2: error: nothing before the start of \(order[0]): it starts the first document"), start.stderr
        )

        let end = try GlossProcess.commands("show \(order.last!):s2.p1\nnext\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(end.status, 1)
        XCTAssertTrue(
            end.stderr.contains("error: nothing after \(order.last!):s2.p1: it ends the last document"), end.stderr)

        let wrong = try GlossProcess.commands("next paragraph\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("<stdin>:1:6: error: "), wrong.stderr)
    }

    // MARK: more

    func testMoreContinuesAListingAndItsRowsJoinTheNumbers() throws {
        let directory = try corpus()
        let whole = try GlossProcess.commands("find budget --json\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(whole.status, 0, whole.stderr)
        let results = try XCTUnwrap((try json(whole.stdout) as? [String: Any])?["results"] as? [[String: Any]])
        let labels = results.map { "\($0["document"] as! String):\($0["address"] as! String)" }
        XCTAssertGreaterThan(labels.count, 8)

        let steps = try outputs(
            [
                "find budget --limit 3",
                "more",
                "more 2",
                "tag #5 budget/fifth",
                "tag #2 budget/second",
                "tags --json",
            ], in: directory)
        let rows = { (text: String) in
            text.split(separator: "\n").filter { $0.hasPrefix("#") }.map {
                String($0.split(separator: " ")[0]) + " " + String($0.split(separator: " ")[1])
            }
        }
        XCTAssertEqual(rows(steps[0]), ["#1 " + labels[0], "#2 " + labels[1], "#3 " + labels[2]])
        XCTAssertEqual(rows(steps[1]), ["#4 " + labels[3], "#5 " + labels[4], "#6 " + labels[5]])
        XCTAssertEqual(rows(steps[2]), ["#7 " + labels[6], "#8 " + labels[7]])
        XCTAssertTrue(steps[1].contains("\(labels.count) results (showing rows 4–6) · "), steps[1])
        XCTAssertTrue(steps[2].contains("\(labels.count) results (showing rows 7–8) · "), steps[2])
        let session = try GlossProcess.commands(
            """
            find budget --limit 3
            more
            tag #5 budget/fifth
            tag #2 budget/second
            """, files: ["corpus"], in: directory.url)
        XCTAssertTrue(session.stderr.contains("tagged \(labels[4]) [budget/fifth]"), session.stderr)
        XCTAssertTrue(session.stderr.contains("tagged \(labels[1]) [budget/second]"), session.stderr)

        let shownWhole = try GlossProcess.commands("find putin met trump\nmore\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(shownWhole.status, 1)
        XCTAssertTrue(
            shownWhole.stderr.contains("<stdin>:2: error: the last listing is shown whole: nothing more to show"),
            shownWhole.stderr)
        let nothing = try GlossProcess.commands("more\n", files: ["corpus"], in: directory.url)
        XCTAssertTrue(
            nothing.stderr.contains("error: nothing to continue: more follows a listing cut by --limit (find, kwic)"),
            nothing.stderr)
        let unloaded = try GlossProcess.commands(
            "find budget --limit 3\nunload sport/002\nmore\n", files: ["corpus"], in: directory.url)
        XCTAssertTrue(
            unloaded.stderr.contains("<stdin>:3: error: the last listing is shown whole"),
            "no rows of unloaded documents: " + unloaded.stderr)
        // Another listing ends the one `more` continued.
        let other = try GlossProcess.commands(
            "find budget --limit 3\nkwic putin\nmore\n", files: ["corpus"], in: directory.url)
        XCTAssertTrue(other.stderr.contains("<stdin>:3: error: the last listing is shown whole"), other.stderr)
    }

    // MARK: kwic rows

    func testKwicRowsAreNumberedForTagAndShowTitles() throws {
        let directory = try corpus()
        let listed = try GlossProcess.commands("kwic putin --json\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let rows = try XCTUnwrap(try json(listed.stdout) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["number"] as? Int }, Array(1...rows.count))
        let fourth = "\(rows[3]["document"] as! String):\(rows[3]["address"] as! String)"
        XCTAssertEqual(rows[3]["title"] as? String, "Business report 4: Council weighs the budget")

        let session = try GlossProcess.commands(
            "kwic putin --titles --limit 2 --width 20\nmore\ntag #4 names\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(session.status, 0, session.stderr)
        let lines = session.stdout.split(separator: "\n").map(String.init)
        // Titles are cut to 30 columns.
        XCTAssertTrue(
            lines[0].hasPrefix(" #1  business/001:s1.p1  Business report 1: Fans and th   could change them.  [Putin]"),
            lines[0])
        XCTAssertTrue(lines[0].contains("[Putin]"), lines[0])
        XCTAssertEqual(lines[2], "\(rows.count) matches in \(rows.count) units (showing 2)")
        XCTAssertTrue(lines[3].hasPrefix(" #3  "), lines[3])
        XCTAssertTrue(lines[4].hasPrefix(" #4  \(fourth)  Business report 4: Council wei   could"), lines[4])
        XCTAssertEqual(lines[5], "\(rows.count) matches in \(rows.count) units (showing rows 3–4)")
        XCTAssertTrue(session.stderr.contains("tagged \(fourth) [names]"), session.stderr)
    }

    // MARK: find --by doc

    func testFindByDocumentListsDocumentsWithTitlesCountsAndBestPassages() throws {
        let directory = try corpus()
        let result = try GlossProcess.commands(
            """
            find budget OR budgets --by doc --json
            find budget OR budgets --by doc --sort title --json
            find budget OR budgets --by doc --sort id --json
            find budget OR budgets --json
            """, files: ["corpus"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let parts = result.stdout.components(separatedBy: "\n}\n{").enumerated().map { index, part in
            (index == 0 ? "" : "{") + part + (part.hasSuffix("}\n") || part.hasSuffix("}") ? "" : "\n}")
        }
        XCTAssertEqual(parts.count, 4, result.stdout)
        let byHits = try XCTUnwrap(try json(parts[0]) as? [String: Any])
        let byTitle = try XCTUnwrap(try json(parts[1]) as? [String: Any])
        let byID = try XCTUnwrap(try json(parts[2]) as? [String: Any])
        let passages = try XCTUnwrap((try json(parts[3]) as? [String: Any])?["results"] as? [[String: Any]])

        // Counts per document from find's own results.
        var expected: [String: Int] = [:]
        for row in passages { expected[row["document"] as! String, default: 0] += 1 }
        let documents = try XCTUnwrap(byHits["documents"] as? [[String: Any]])
        XCTAssertEqual(byHits["total"] as? Int, expected.count)
        XCTAssertEqual(byHits["results"] as? Int, passages.count)
        XCTAssertEqual(
            Dictionary(uniqueKeysWithValues: documents.map { ($0["document"] as! String, $0["results"] as! Int) }),
            expected)
        let counts = documents.map { $0["results"] as! Int }
        XCTAssertEqual(counts, counts.sorted(by: >), "most results first")
        XCTAssertEqual(counts.first, 4, "a title with budget, and three passages")
        XCTAssertEqual(
            documents.suffix(2).map { $0["document"] as? String }, ["sig-auth/readme", "sig-node/readme"],
            "fewest last, ties in load order")
        for row in documents {
            let best = try XCTUnwrap(row["best"] as? [String: Any])
            XCTAssertTrue(
                passages.contains {
                    $0["document"] as? String == row["document"] as? String
                        && $0["address"] as? String == best["address"] as? String
                },
                "the best passage is one of the document's results")
            XCTAssertNotNil(row["title"] as? String)
        }
        let titles = try XCTUnwrap(byTitle["documents"] as? [[String: Any]]).map { $0["title"] as! String }
        XCTAssertEqual(titles, titles.sorted { $0.lowercased() < $1.lowercased() })
        XCTAssertEqual(titles.first, "Business report 1: Fans and the new stadium")
        let ids = try XCTUnwrap(byID["documents"] as? [[String: Any]]).map { $0["document"] as! String }
        XCTAssertEqual(ids, ids.sorted())
    }

    func testFindByDocumentRowsAreTheirBestPassagesForShowNextAndMore() throws {
        let directory = try corpus()
        let steps = try outputs(
            [
                "find putin OR trump --by doc --limit 2",
                "more 1",
                "show #1",
                "next",
            ], in: directory)
        // politics/001 has the most results (putin and trump in two passages); its best one is first.
        XCTAssertEqual(
            steps[0],
            """
            #1  politics/001  Politics report 1: Fans and the new stadium  (2 results · 4
                matches)
                s2.p1  What Comes Next
                  …council vote on the politics plan is expected in March; [putin] met
                  [trump] in a different story entirely.
            #2  business/001  Business report 1: Fans and the new stadium  (1 result · 2
                matches)
                s1.p1  Budgets Under Pressure
                  …Sam Roe warned that the council vote could change them. [Putin] and
                  [Trump] were not mentioned in Kingsford.
            12 documents (showing 2) · 13 results · 26 matches

            """)
        XCTAssertTrue(steps[1].hasPrefix("#3  business/002  "), steps[1])
        XCTAssertTrue(steps[1].hasSuffix("12 documents (showing row 3) · 13 results · 26 matches\n"), steps[1])
        XCTAssertTrue(steps[2].hasPrefix("politics/001:s2.p1\n    A final council vote on the politics plan"), steps[2])
        XCTAssertTrue(
            steps[3].hasPrefix("politics/002:  Politics report 2: Rates rise again\npolitics/002:s0.p1\n"), steps[3])

        let misuse = try GlossProcess.commands("find budget --sort title\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(misuse.status, 1)
        XCTAssertTrue(misuse.stderr.contains("<stdin>:1:20: error: --sort orders the rows of --by doc"), misuse.stderr)
        let ranked = try GlossProcess.commands("find budget --by doc --rank\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(ranked.status, 1)
        XCTAssertTrue(
            ranked.stderr.contains("error: --rank orders passages; with --by doc use --sort score"), ranked.stderr)
    }

    // MARK: Titles

    func testFindRowsNameTheTitleBeforeTheFirstHeadingAndStatsNameDocuments() throws {
        let directory = try corpus()
        let result = try GlossProcess.commands(
            "find residents doc:business/002\nstats\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stdout.hasPrefix(
                """
                #1  business/002:s0.p1  Business report 2: Rates rise again
                    …on Tuesday about the city budget and what it means for [residents] in story
                    2.
                #2  business/002:s2.p1  What Comes Next
                    …council vote on the business plan is expected in March; [residents] may
                    speak at the meeting.
                2 results · 2 matches · 1 document

                """), result.stdout)
        XCTAssertTrue(
            result.stdout.contains("\n  politics/003  Politics report 3: A vote on the harbor  6 units\n"),
            result.stdout)
    }

    // MARK: path: and docs QUERY

    func testPathFieldAndDocsQuery() throws {
        let directory = try corpus()
        let result = try GlossProcess.commands(
            """
            docs path:politics/* --json
            docs path:guides --json
            docs path:*.md --json
            docs path:corpus/sport/001.txt --json
            docs path:SPORT/001 --json
            docs "putin met trump" --json
            find budget path:sport/* --json
            docs path:nowhere/*
            docs path:politics/*
            """, files: ["corpus"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let arrays = result.stdout.components(separatedBy: "\n]").dropLast().map { $0 + "\n]" }
        func ids(_ index: Int) throws -> [String] {
            let text = arrays[index].drop { $0 != "[" }
            return try XCTUnwrap(try json(String(text)) as? [[String: Any]]).map { $0["id"] as! String }
        }
        XCTAssertEqual(try ids(0), ["politics/001", "politics/002", "politics/003", "politics/004"])
        XCTAssertEqual(try ids(1), ["sig-auth/readme", "sig-node/readme"])
        XCTAssertEqual(try ids(2), ["sig-auth/readme", "sig-node/readme"])
        XCTAssertEqual(try ids(3), ["sport/001"])
        XCTAssertEqual(try ids(4), ["sport/001"], "case ignored, extension optional")
        XCTAssertEqual(try ids(5), ["politics/001"])
        XCTAssertTrue(result.stdout.contains("\"documents\": 4,"), "find budget path:sport/*: " + result.stdout)
        XCTAssertTrue(result.stdout.contains("none of the 14 documents match\n"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("4 of 14 documents match\n"), result.stdout)

        let empty = try GlossProcess.commands("docs path:\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.contains("<stdin>:1:11: error: path: needs a file or folder name"), empty.stderr)
    }

    // MARK: Saved sessions

    func testSavedSessionsReplayTagsMadeFromKwicMoreAndNext() throws {
        let directory = try corpus()
        let session = try GlossProcess.commands(
            """
            find budget --limit 2
            more
            tag #3 from-more
            kwic putin --limit 1
            more
            tag #2 from-kwic
            show #1
            next
            find council --by doc --limit 1
            tag #1 from-by-doc
            export json original.json
            save full
            save lean --state-only
            """, files: ["corpus"], in: directory.url)
        XCTAssertEqual(session.status, 0, session.stderr)
        let full = try directory.read("full.gloss")
        XCTAssertTrue(full.contains("\nmore\ntag #3 from-more\n"), full)
        XCTAssertTrue(full.contains("\nshow #1\nnext\n"), full)
        let lean = try directory.read("lean.gloss")
        XCTAssertFalse(
            lean.contains("\nnext\n") || lean.contains("\nshow #1\n"), "what only printed is left out: " + lean)
        XCTAssertTrue(lean.contains("\nkwic putin --limit 1\nmore\ntag #2 from-kwic\n"), lean)

        func codings(_ name: String) throws -> [[String: String]] {
            let object = try XCTUnwrap(try json(try directory.read(name)) as? [String: Any])
            return try XCTUnwrap(object["codings"] as? [[String: Any]]).map { coding in coding.mapValues { "\($0)" } }
        }
        let original = try codings("original.json")
        XCTAssertEqual(original.count, 3)
        for script in ["full.gloss", "lean.gloss"] {
            try directory.write(
                "replay-\(script)", try directory.read(script) + "\nexport json replayed-\(script).json\n")
            let replay = try GlossProcess.run(["run", "replay-\(script)"], in: directory.url)
            XCTAssertEqual(replay.status, 0, replay.stderr)
            XCTAssertEqual(try codings("replayed-\(script).json"), original, script)
        }
    }
}
