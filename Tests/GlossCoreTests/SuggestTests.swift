import XCTest

@testable import GlossCore

/// The TF-IDF rows, the centroid model and the `suggest` and `similar` commands on small cases
/// whose answers can be worked out by hand.
final class SuggestTests: XCTestCase {
    // MARK: - Rows

    func testRowsAreSmoothedTFIDFScaledToLengthOne() throws {
        // Titles only: each document is one unit. df: apple 1, banana 2, cherry 2 of 3 documents.
        let session = TestSession.make([
            ("a.txt", "apple apple banana\n"), ("b.txt", "banana cherry\n"), ("c.txt", "cherry\n"),
        ])
        let context = session.workspace.learningContext(.document)
        let matrix = context.matrix
        XCTAssertEqual(matrix.rowCount, 3)
        let row = matrix.row(0).map {
            (matrix.word(ofColumn: matrix.columns[$0], in: context.vocabulary), matrix.values[$0])
        }
        // Columns go most frequent first (banana, cherry, then apple).
        // apple: (1 + ln 2)(ln(4/2) + 1) = 2.8667; banana: ln(4/3) + 1 = 1.2877; over their length 3.1426.
        XCTAssertEqual(row.map(\.0), ["banana", "apple"])
        XCTAssertEqual(row[0].1, 0.40974, accuracy: 1e-4)
        XCTAssertEqual(row[1].1, 0.91220, accuracy: 1e-4)
        XCTAssertEqual(matrix.documentFrequency, [2, 2, 1])
        XCTAssertEqual(
            matrix.row(2).map { matrix.word(ofColumn: matrix.columns[$0], in: context.vocabulary) }, ["cherry"])
        XCTAssertEqual(matrix.values[matrix.row(2).first!], 1, accuracy: 1e-6)
    }

    func testRowsFromTheIndexEqualRowsFromTheText() throws {
        // Possessives are indexed under their base word too; a text vector must count them the same way.
        let texts = [
            "The port’s fleet sailed. Port authorities said the fleet's crews were paid.",
            "Zelensky's visit: the PORT, the port and ports; café prices rose 1.2 percent.",
            "Nothing here but the port and a café.",
        ]
        let session = TestSession.make(texts.enumerated().map { ("d\($0.offset).txt", $0.element + "\n") })
        let context = session.workspace.learningContext(.document)
        for (row, text) in texts.enumerated() {
            let fromIndex = context.matrix.row(row).map { context.matrix.columns[$0] }
            let fromText = context.matrix.vector(ofText: text, vocabulary: context.vocabulary)
            XCTAssertEqual(fromIndex, fromText.map(\.0), "row \(row)")
            for (slot, entry) in zip(context.matrix.row(row), fromText) {
                XCTAssertEqual(context.matrix.values[slot], entry.1, accuracy: 1e-6)
            }
        }
        let words = context.matrix.row(0).map {
            context.matrix.word(ofColumn: context.matrix.columns[$0], in: context.vocabulary)
        }
        XCTAssertTrue(words.contains("port's") && words.contains("port"), "\(words)")
    }

    func testRowsDoNotDependOnHowLoadsWereSplitIntoShards() throws {
        let articles = Self.topicArticles
        let whole = TestSession.make(articles)
        // The same documents read as a load does, in parts of three: a shard each, with its own word ids.
        let pieces = Session()
        var parts: [Corpus.IndexedPart] = []
        for start in stride(from: 0, to: articles.count, by: 3) {
            var part = Corpus.IndexedPart()
            for article in articles[start..<min(articles.count, start + 3)] {
                var document = DocumentLoader.parse(article.text, pathExtension: "txt")
                document.path = article.name
                part.add(document)
            }
            part.finish()
            parts.append(part)
        }
        pieces.workspace.add(&parts)
        XCTAssertEqual(pieces.workspace.corpus.index.shards.count, 6)
        XCTAssertEqual(whole.workspace.corpus.index.shards.count, 1)
        for grain in [CodingGrain.document, .element] {
            let a = whole.workspace.learningContext(grain).matrix
            let b = pieces.workspace.learningContext(grain).matrix
            XCTAssertEqual(a.rowStarts, b.rowStarts)
            XCTAssertEqual(a.columns, b.columns)
            XCTAssertEqual(a.values, b.values, "bit for bit")
        }
    }

    // MARK: - Model

    func testScoresAndLogOddsAtTheScoreTemperature() {
        // Cosines 0.3 and 0.24 at temperature 0.015: odds e^4 to 1, a score of 0.98201.
        XCTAssertEqual(CentroidModel.softmax([Float(0.3), 0.24])[0], 0.98201, accuracy: 1e-4)
        XCTAssertEqual(CentroidModel.logOdds([Float(0.3), 0.24], of: 0), 4, accuracy: 1e-3)
        XCTAssertEqual(CentroidModel.logOdds([Float(0.24), 0.3], of: 0), -4, accuracy: 1e-3)
        // Against two equal rivals the odds halve: 4 − ln 2.
        XCTAssertEqual(CentroidModel.logOdds([Float(0.3), 0.24, 0.24], of: 0), 4 - log(2), accuracy: 1e-3)
    }

    func testUncodedTextsWidenWhatAClassKnows() throws {
        // Class 0's only example says "goal"; class 1's says "oven". "striker" is in no example, but an
        // uncoded text pairs it with "goal": after refinement a text with only "striker" leans to class 0.
        let session = TestSession.make([
            ("e0.txt", "goal\n"), ("e1.txt", "oven\n"), ("u0.txt", "goal striker\n"), ("u1.txt", "oven flour\n"),
            ("probe.txt", "striker\n"),
        ])
        let context = session.workspace.learningContext(.document)
        let plain = CentroidModel(matrix: context.matrix, examples: [[0], [1]], refine: false)
        XCTAssertEqual(Array(plain.similarities(ofRow: 4)), [0, 0], "no shared word with either example")
        let refined = CentroidModel(matrix: context.matrix, examples: [[0], [1]], refine: true)
        let probe = Array(refined.similarities(ofRow: 4))
        XCTAssertGreaterThan(probe[0], 0.1)
        XCTAssertEqual(probe[1], 0)
    }

    // MARK: - suggest

    /// Eight articles on football and eight on cooking, with words of both kinds of news in between.
    static let topicArticles: [(name: String, text: String)] = {
        let football = [
            "match", "goal", "striker", "referee", "league", "coach", "season", "penalty", "stadium", "fans",
        ]
        let cooking = ["recipe", "oven", "flour", "butter", "sauce", "garlic", "simmer", "bake", "onion", "chef"]
        let common = ["the", "city", "said", "week", "people", "new", "local", "report"]
        func article(_ words: [String], _ number: Int) -> String {
            var lines: [String] = []
            for paragraph in 0..<3 {
                var sentence: [String] = []
                for position in 0..<12 {
                    let pick = (number * 3 + paragraph * 5 + position * 7) % (words.count + common.count)
                    sentence.append(pick < words.count ? words[pick] : common[pick - words.count])
                }
                lines.append(sentence.joined(separator: " ").capitalizedFirst + ".")
            }
            return "News \(number)\n\n" + lines.joined(separator: "\n\n") + "\n"
        }
        return (0..<16).map { number in
            (String(format: "art%02d.txt", number), article(number % 2 == 0 ? football : cooking, number))
        }
    }()

    func testSuggestRanksTheTagsOwnTopicFirstAndRowsCanBeAccepted() throws {
        let session = TestSession.make(Self.topicArticles)
        for number in [0, 2, 4] { try TestSession.run("tag art0\(number): football", in: session) }
        for number in [1, 3, 5] { try TestSession.run("tag art0\(number): cooking", in: session) }
        let output = try TestSession.run("suggest football --limit 5", in: session)
        let listed = session.workspace.view.lastListing.map { session.workspace.corpus.documents[$0.document].id }
        XCTAssertEqual(listed.count, 5)
        XCTAssertTrue(
            listed.allSatisfy { Int($0.dropFirst(3))! % 2 == 0 }, "football articles first: \(listed)\n\(output)")
        XCTAssertTrue(output.contains("because: "), output)
        XCTAssertTrue(output.contains("learned from 3 of [football] against [cooking] 3"), output)
        XCTAssertFalse(
            listed.contains("art00") || listed.contains("art02"), "documents already tagged are not suggested")
        try TestSession.run("tag #1-2 football", in: session)
        XCTAssertEqual(session.workspace.annotations.directCount("football"), 5)
    }

    func testMinKeepsConfidentRowsOnly() throws {
        let session = TestSession.make(Self.topicArticles)
        for number in [0, 2, 4] { try TestSession.run("tag art0\(number): football", in: session) }
        for number in [1, 3, 5] { try TestSession.run("tag art0\(number): cooking", in: session) }
        func scores(_ line: String) throws -> [Double] {
            let object =
                try JSONSerialization.jsonObject(with: Data(try TestSession.run(line, in: session).utf8))
                as? [String: Any]
            return (object?["results"] as? [[String: Any]] ?? []).map { $0["score"] as! Double }
        }
        let all = try scores("suggest football --json")
        XCTAssertEqual(all.count, 13, "16 articles less the 3 coded football")
        XCTAssertEqual(all, all.sorted(by: >), "most confident first")
        // Halfway between two rows' scores, so rounding in the JSON cannot put a row on either side.
        let cut = (all[4] + all[8]) / 2
        XCTAssertLessThan(all[8], all[4])
        let kept = try scores("suggest football --json --min \(cut)")
        XCTAssertEqual(kept, all.filter { $0 >= cut })
        XCTAssertTrue(try scores("suggest --all --json --min \(cut)").allSatisfy { $0 >= cut })
    }

    func testSuggestAllGivesEveryUncodedDocumentItsTopic() throws {
        let session = TestSession.make(Self.topicArticles)
        for number in [0, 2, 4] { try TestSession.run("tag art0\(number): football", in: session) }
        for number in [1, 3, 5] { try TestSession.run("tag art0\(number): cooking", in: session) }
        let json = try TestSession.run("suggest --all --json", in: session)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let results = try XCTUnwrap(object["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 10)
        for result in results {
            let number = Int((result["document"] as! String).dropFirst(3))!
            XCTAssertEqual(result["tag"] as? String, number % 2 == 0 ? "football" : "cooking", "\(result)")
        }
        XCTAssertEqual(object["grain"] as? String, "document")
        // Grouped by tag in codebook order: cooking rows, then football rows.
        XCTAssertEqual(
            results.map { $0["tag"] as! String },
            Array(repeating: "cooking", count: 5) + Array(repeating: "football", count: 5))
    }

    func testTooFewExamplesSaysWhatToDo() throws {
        let session = TestSession.make(Self.topicArticles)
        try TestSession.run("tag art00: football", in: session)
        try TestSession.run("tag art02: football", in: session)
        XCTAssertEqual(
            TestSession.failure("suggest football", in: session)?.message,
            "[football] has 2 coded documents; suggest learns from at least 3: tag 1 more (tag DOC: football), then ask again"
        )
        XCTAssertNotNil(TestSession.failure("suggest --all", in: session)?.message.contains("at least 3"))
        XCTAssertEqual(
            TestSession.failure("suggest footbal", in: session)?.message,
            "no tag 'footbal' in the codebook; did you mean 'football'?")
        XCTAssertEqual(
            TestSession.failure("suggest football --all", in: session)?.message, "give a TAG or --all, not both")
        XCTAssertEqual(
            TestSession.failure("suggest football --min 2", in: session)?.message,
            "--min takes a score from 0 to 1, not '2'")
    }

    func testASingleTagIsToldApartFromTheRest() throws {
        let session = TestSession.make(Self.topicArticles)
        for number in [0, 2, 4] { try TestSession.run("tag art0\(number): football", in: session) }
        let output = try TestSession.run("suggest football --limit 4", in: session)
        let listed = session.workspace.view.lastListing.map { session.workspace.corpus.documents[$0.document].id }
        XCTAssertTrue(listed.allSatisfy { Int($0.dropFirst(3))! % 2 == 0 }, "\(listed)\n\(output)")
        XCTAssertTrue(output.contains("against the rest"), output)
    }

    func testPassagesAreSuggestedWhenPassagesWereCoded() throws {
        // One document with football and cooking paragraphs: the unit follows the coding.
        let paragraphs = (0..<10).map { number -> String in
            let text = Self.topicArticles[number].text.components(separatedBy: "\n\n")[1].trimmingCharacters(
                in: .whitespacesAndNewlines)
            return text
        }
        let session = TestSession.make([("mixed.txt", "Mixed news\n\n" + paragraphs.joined(separator: "\n\n") + "\n")])
        let addresses = session.workspace.corpus.units.filter { $0.kind == .paragraph }.map { "\($0.element)" }
        XCTAssertEqual(addresses.count, 10)
        try TestSession.run("tag \(addresses[0]),\(addresses[2]),\(addresses[4]) football", in: session)
        try TestSession.run("tag \(addresses[1]),\(addresses[3]),\(addresses[5]) cooking", in: session)
        let json = try TestSession.run("suggest football --json", in: session)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["grain"] as? String, "element")
        let results = try XCTUnwrap(object["results"] as? [[String: Any]])
        XCTAssertEqual(
            results.prefix(2).map { $0["address"] as! String }.sorted(), [addresses[6], addresses[8]].sorted())
        XCTAssertEqual(
            results.count, 7, "the paragraphs not coded football (cooking ones too); the title is no candidate")
    }

    func testSuggestInQueryAndViewNarrowTheCandidates() throws {
        let session = TestSession.make(Self.topicArticles)
        for number in [0, 2, 4] { try TestSession.run("tag art0\(number): football", in: session) }
        for number in [1, 3, 5] { try TestSession.run("tag art0\(number): cooking", in: session) }
        try TestSession.run("suggest football --in \"doc:art1*\"", in: session)
        XCTAssertEqual(
            Set(session.workspace.view.lastListing.map { session.workspace.corpus.documents[$0.document].id }),
            Set((10..<16).map { "art\($0)" }))
        XCTAssertEqual(
            TestSession.failure("suggest football --in \"(goal\"", in: session)?.column, 24,
            "at the unclosed parenthesis")
    }

    func testRankingsRepeatExactly() throws {
        func ranking() throws -> String {
            let session = TestSession.make(Self.topicArticles)
            for number in [0, 2, 4] { try TestSession.run("tag art0\(number): football", in: session) }
            for number in [1, 3, 5] { try TestSession.run("tag art0\(number): cooking", in: session) }
            return try TestSession.run("suggest football --json", in: session)
                + TestSession.run("suggest --all --json", in: session)
        }
        XCTAssertEqual(try ranking(), try ranking())
    }

    // MARK: - similar

    func testSimilarRanksDocumentsAndPassagesOfTheSameTopic() throws {
        let session = TestSession.make(Self.topicArticles)
        let output = try TestSession.run("similar art00: --limit 4", in: session)
        let listed = session.workspace.view.lastListing.map { session.workspace.corpus.documents[$0.document].id }
        XCTAssertEqual(listed.count, 4)
        XCTAssertFalse(listed.contains("art00"), "the target itself is left out")
        XCTAssertTrue(listed.allSatisfy { Int($0.dropFirst(3))! % 2 == 0 }, "\(listed)\n\(output)")
        try TestSession.run("use art01", in: session)
        try TestSession.run("mark s0.p1 \(Self.firstWords(of: session)) cooking", in: session)
        try TestSession.run("similar m1 --limit 3", in: session)
        let passages = session.workspace.view.lastListing
        XCTAssertEqual(passages.count, 3)
        XCTAssertTrue(passages.allSatisfy { $0.address != .document && $0.document % 2 == 1 }, "\(passages)")
        XCTAssertNotNil(TestSession.failure("similar art00:,art01:", in: session))
    }

    /// The first three words of art01's first paragraph, quoted, for a mark.
    private static func firstWords(of session: Session) -> String {
        let document = session.workspace.corpus.documentIndex(id: "art01")!
        let text = session.workspace.corpus.documents[document].sections[0].passages[0].text
        return "\"" + text.split(separator: " ").prefix(3).joined(separator: " ") + "\""
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
