import XCTest

@testable import GlossCore

/// Stemmed search (`~word`, `set stem on`): Snowball's stems, built lazily per index shard, checked
/// against a reference that stems every word of every unit.
final class StemmingTests: XCTestCase {
    static let article = """
        Budget Talks

        The budgets were cut.

        Nothing was budgeted here.

        The budget office opened; the Budget’s author spoke.

        Running late, she runs to the council.
        """

    private func matches(_ query: String, stemsWords: Bool = false, language: String = "english", in session: Session)
        throws -> [String]
    {
        let node = try QueryParser.parse(
            query, options: QueryParser.Options(stemsWords: stemsWords, stemLanguage: language))
        let workspace = session.workspace
        return try QueryEvaluator(workspace: workspace).evaluate(node, within: workspace.viewUnits).ids.map { id in
            workspace.corpus.units[Int(id)].kind == .title
                ? "title" : workspace.corpus.label(workspace.corpus.units[Int(id)].ref)
        }
    }

    func testSnowballStemsEnglishByDefaultAndOtherLanguagesByName() throws {
        let english = try XCTUnwrap(Stemmer(language: "english"))
        XCTAssertEqual(
            ["budget", "budgets", "budgeted", "budget's"].map(english.stem), ["budget", "budget", "budget", "budget"])
        XCTAssertEqual(english.stem("running"), english.stem("runs"))
        let german = try XCTUnwrap(Stemmer(language: "german"))
        XCTAssertEqual(german.stem("katzen"), german.stem("katze"))
        XCTAssertNotEqual(english.stem("katzen"), english.stem("katze"), "each language has its own rules")
        XCTAssertNil(Stemmer(language: "klingon"))
        XCTAssertTrue(
            Stemmer.languages.contains("english") && Stemmer.languages.contains("german"), "\(Stemmer.languages)")
    }

    func testExactByDefaultStemmedWithTildeOrWhenStemmingIsOn() throws {
        let session = TestSession.make([("budget.txt", Self.article)])
        XCTAssertEqual(try matches("budgets", in: session), ["s0.p1"], "exact matching is the default")
        XCTAssertEqual(try matches("~budgets", in: session), ["title", "s0.p1", "s0.p2", "s0.p3"])
        XCTAssertEqual(try matches("~budgeted -budget", in: session), ["s0.p1", "s0.p2"])
        XCTAssertEqual(try matches("budgets", stemsWords: true, in: session), ["title", "s0.p1", "s0.p2", "s0.p3"])
        XCTAssertEqual(
            try matches("\"budgets\"", stemsWords: true, in: session), ["s0.p1"], "a quoted word stays exact")
        XCTAssertEqual(try matches("runs council", stemsWords: true, in: session), ["s0.p4"])
        XCTAssertEqual(try matches("run", in: session), [])
        XCTAssertEqual(try matches("~run", in: session), ["s0.p4"])
        // Prefixes and phrases are not stemmed.
        XCTAssertEqual(try matches("budgete*", stemsWords: true, in: session), ["s0.p2"])
        XCTAssertEqual(try matches("\"budget office\"", stemsWords: true, in: session), ["s0.p3"])
    }

    func testHighlightsAndCountsEveryFormOnce() throws {
        let session = TestSession.make([("budget.txt", Self.article)])
        let output = try TestSession.run("find ~budget", in: session)
        XCTAssertTrue(output.contains("[budgeted]"), output)
        XCTAssertTrue(output.contains("[Budget’s]"), output)
        XCTAssertTrue(output.hasSuffix("4 results · 5 matches · 1 document\n"), output)
        let node = try QueryParser.parse("~budget")
        let units = try QueryEvaluator(workspace: session.workspace).evaluate(
            node, within: session.workspace.corpus.liveUnits)
        XCTAssertEqual(
            MatchCounter(corpus: session.workspace.corpus, highlighter: Highlighter(node)).count(in: units), 5)
    }

    func testStemmedSearchFindsTheUnitsHoldingAWordOfTheSameStem() throws {
        for language in ["english", "german"] {
            let session = TestSession.make(FastPathReferenceTests.corpus(seed: 23, documents: 30))
            let workspace = session.workspace
            let stemmer = try XCTUnwrap(Stemmer(language: language))
            let unitWords = workspace.corpus.units.indices.map {
                Tokenizer().foldedWords(workspace.corpus.text(ofUnit: Int32($0)))
            }
            var nonEmpty = 0
            for word in FastPathReferenceTests.vocabulary + [
                "votes", "voting", "storms", "costs", "gating", "harbors", "cafes",
            ] {
                let stem = stemmer.stem(try XCTUnwrap(Tokenizer().fold(word)))
                let expected = unitWords.indices.filter { unit in
                    unitWords[unit].contains { term in
                        stemmer.stem(term) == stem
                            || (term.hasSuffix("'s") && stemmer.stem(String(term.dropLast(2))) == stem)
                    }
                }.map { Int32($0) }
                let node = try QueryParser.parse("~" + word, options: QueryParser.Options(stemLanguage: language))
                XCTAssertEqual(
                    try QueryEvaluator(workspace: workspace).evaluate(node, within: workspace.corpus.liveUnits).ids,
                    expected,
                    "\(language) ~\(word)")
                if !expected.isEmpty { nonEmpty += 1 }
            }
            XCTAssertGreaterThan(nonEmpty, 20, "most words are in the corpus")
        }
    }

    func testStemsAreWorkedOutOnFirstUseAndFollowLaterLoads() throws {
        let session = TestSession.make([("budget.txt", Self.article)])
        let index = session.workspace.corpus.index
        XCTAssertFalse(index.shards.isEmpty)
        XCTAssertTrue(index.shards.allSatisfy { !$0.hasStems(in: "english") }, "loading stems nothing")
        XCTAssertEqual(try matches("~zorbing", in: session), [])
        XCTAssertTrue(index.shards.allSatisfy { $0.hasStems(in: "english") })
        XCTAssertFalse(index.shards.contains { $0.hasStems(in: "german") })
        var document = DocumentLoader.parse("Zorbs\n\nThey zorbed all day.\n", pathExtension: "txt")
        document.path = "zorb.txt"
        session.workspace.add([document])
        XCTAssertEqual(
            try matches("~zorbing", in: session).count, 2, "terms added since are stemmed on the next search")
    }

    func testQueryErrorsForTildeAndMisspeltNear() {
        func error(_ query: String) -> GlossError? {
            do {
                _ = try QueryParser.parse(query)
                return nil
            } catch { return error }
        }
        XCTAssertEqual(error("~")?.message, "'~' needs a word right after it, as in ~budget")
        XCTAssertEqual(error("cost ~budget*")?.column, 6)
        XCTAssertEqual(
            error("~storm-surge")?.message, "'~' stems one word, as in ~budget (not a phrase, prefix or field)")
        XCTAssertEqual(
            error("putin NEAR trump")?.message,
            "NEAR is written NEAR(putin trump, 5): the words in parentheses, then how many words apart they may be")
        XCTAssertEqual(error("putin NEAR trump")?.column, 7)
        XCTAssertEqual(
            error("(putin NEAR/12 trump) -cost")?.message,
            "NEAR is written NEAR(putin trump, 12): the words in parentheses, then how many words apart they may be")
        XCTAssertEqual(
            error("NEAR/3")?.message,
            "NEAR is written NEAR(a b, 3): the words in parentheses, then how many words apart they may be")
        XCTAssertNil(error("near trump"), "lowercase near is a word")
        XCTAssertNil(error("NEARBY trump"))
        XCTAssertNil(error("NEAR(putin trump, 3)"))
    }

    func testSettingsTurnStemmingOnAndNameTheLanguage() throws {
        let session = TestSession.make([("budget.txt", Self.article)])
        XCTAssertTrue(try TestSession.run("find budgets", in: session).hasSuffix("1 result · 1 match · 1 document\n"))
        try TestSession.run("set stem on", in: session)
        XCTAssertTrue(
            try TestSession.run("find budgets", in: session).hasSuffix("4 results · 5 matches · 1 document\n"))
        XCTAssertEqual(try TestSession.run("set stem", in: session), "on\n")
        let wrong = TestSession.failure("set stem-language germn", in: session)
        XCTAssertEqual(wrong?.column, 19)
        XCTAssertTrue(
            wrong?.message.hasPrefix("no stemmer for 'germn' (languages: arabic,") == true, wrong?.message ?? "")
        XCTAssertTrue(wrong?.message.hasSuffix("; did you mean 'german'?") == true, wrong?.message ?? "")
        try TestSession.run("set stem-language German", in: session)
        XCTAssertEqual(session.settings.stemLanguage, "german")
    }

    func testStatsCountsFormsTogetherByStem() {
        let (counts, others) = SearchCommands.stemFrequencies(
            ["budget": 4, "budgets": 2, "budgeted": 1, "council": 3], language: "english")
        XCTAssertEqual(counts, ["budget": 7, "council": 3])
        XCTAssertEqual(others, ["budget": ["budgets", "budgeted"]])
    }
}
