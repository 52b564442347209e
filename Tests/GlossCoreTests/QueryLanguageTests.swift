import XCTest

@testable import GlossCore

/// Every operator and field of the query language, against a small article whose matches are known.
final class QueryLanguageTests: XCTestCase {
    static let article = """
        Test Article On Queries

        The senator met NATO officials in Brussels.

        Zelensky’s plan drew praise from the Café owners.

        Security and securities were discussed; insecure systems too.

        The storm surge barrier protects the harbor.

        Storm warnings came well before the surge of water reached the old barrier.

        Costs Of The Barrier

        The barrier costs $1.2 billion, or 1,200 million dollars.

        - gates close in storms
        - fishing boats wait

        Frequently Asked Questions

        Who pays for the barrier?

        The city pays, with a federal grant.
        """

    var session: Session!

    override func setUp() {
        session = TestSession.make([("queries.txt", Self.article)])
    }

    private func matches(_ query: String) throws -> [String] {
        try TestSession.matches(query, in: session)
    }

    func testStructureOfTheFixture() throws {
        XCTAssertEqual(try matches("kind:title"), ["title"])
        XCTAssertEqual(try matches("kind:heading"), ["s1#", "s2#"])
        XCTAssertEqual(try matches("kind:lead"), ["s0.p1", "s0.p2", "s0.p3", "s0.p4", "s0.p5"])
    }

    func testWordsMatchWholeWordsOnly() throws {
        XCTAssertEqual(try matches("nato"), ["s0.p1"])
        XCTAssertEqual(try matches("senator"), ["s0.p1"])
        XCTAssertEqual(try matches("nat"), [])
        XCTAssertEqual(try matches("ate"), [], "no substring matches for words")
    }

    func testWordsAreAnded() throws {
        XCTAssertEqual(try matches("storm barrier"), ["s0.p4", "s0.p5"])
        XCTAssertEqual(try matches("storm barrier old"), ["s0.p5"])
        XCTAssertEqual(try matches("storm AND old"), ["s0.p5"])
    }

    func testFoldingOfCaseDiacriticsAndApostrophes() throws {
        XCTAssertEqual(try matches("cafe"), ["s0.p2"])
        XCTAssertEqual(try matches("CAFÉ"), ["s0.p2"])
        XCTAssertEqual(try matches("zelensky's"), ["s0.p2"])
        XCTAssertEqual(try matches("zelensky’s"), ["s0.p2"])
        XCTAssertEqual(try matches("zelensky"), ["s0.p2"], "a possessive is found under its base word")
    }

    func testPhrases() throws {
        XCTAssertEqual(try matches("\"storm surge\""), ["s0.p4"])
        XCTAssertEqual(try matches("storm-surge"), ["s0.p4"], "a hyphenated word is a phrase")
        XCTAssertEqual(try matches("“surge barrier”"), ["s0.p4"], "curly quotes work as quotes")
        XCTAssertEqual(try matches("\"barrier storm\""), [])
    }

    func testPrefixes() throws {
        XCTAssertEqual(try matches("secur*"), ["s0.p3"])
        XCTAssertEqual(try matches("insec*"), ["s0.p3"])
        XCTAssertEqual(try matches("cost*"), ["s1#", "s1.p1"])
    }

    func testOrNotAndParentheses() throws {
        XCTAssertEqual(try matches("nato OR cafe"), ["s0.p1", "s0.p2"])
        XCTAssertEqual(try matches("barrier -storm"), ["s1#", "s1.p1", "q1?"])
        XCTAssertEqual(try matches("barrier NOT storm"), ["s1#", "s1.p1", "q1?"])
        XCTAssertEqual(try matches("(nato OR cafe) -brussels"), ["s0.p2"])
        XCTAssertEqual(try matches("nato OR cafe barrier"), ["s0.p1"], "AND binds tighter than OR")
        XCTAssertEqual(try matches("-barrier kind:lead"), ["s0.p1", "s0.p2", "s0.p3"])
        XCTAssertEqual(try matches("barrier or"), ["s1.p1"], "lowercase or is a word")
    }

    func testNear() throws {
        XCTAssertEqual(try matches("NEAR(storm barrier, 3)"), ["s0.p4"])
        XCTAssertEqual(try matches("NEAR(storm barrier, 12)"), ["s0.p4", "s0.p5"])
        XCTAssertEqual(try matches("NEAR(barrier storm, 3)"), ["s0.p4"], "either order")
    }

    func testRegexesMatchSubstrings() throws {
        XCTAssertEqual(try matches("/ecur/"), ["s0.p3"])
        XCTAssertEqual(try matches("/\\$\\d+\\.\\d billion/"), ["s1.p1"])
        XCTAssertEqual(try matches("/^storm/"), [], "case-sensitive by default")
        XCTAssertEqual(try matches("/^storm/i"), ["s0.p5"])
        XCTAssertEqual(try matches("/Storm w/"), ["s0.p5"])
        XCTAssertEqual(try matches("/STORM/i"), ["s0.p4", "s0.p5", "s1.p2"], "substrings: storms matches")
        XCTAssertEqual(try matches("storm"), ["s0.p4", "s0.p5"], "words: storms does not")
        XCTAssertEqual(try matches("/nat(o|ion)/i -brussels"), [])
        XCTAssertEqual(
            try matches("/\\$\\d+(\\.\\d+)? (million|billion)/"), ["s1.p1"], "a required group narrows, never drops")
        XCTAssertEqual(try matches("/(?:STORMS|ecurity)/i"), try matches("/STORMS|ecurity/i"))
    }

    func testRegexPrefilterIsConservative() {
        XCTAssertEqual(RegexLiteral.requiredAlternatives(of: "storm (surge|season)"), ["storm"])
        XCTAssertEqual(RegexLiteral.requiredAlternatives(of: "\\d+ (Million|billion)"), ["million", "billion"])
        XCTAssertEqual(RegexLiteral.requiredAlternatives(of: "(?:million|billion)+"), ["million", "billion"])
        XCTAssertNil(
            RegexLiteral.requiredAlternatives(of: "\\d+ (million|billion)?"), "an optional group requires nothing")
        XCTAssertNil(
            RegexLiteral.requiredAlternatives(of: "(million|bn)"), "a short alternative may hide inside any word")
        XCTAssertNil(RegexLiteral.requiredAlternatives(of: "(?!million|billion)x"), "a lookahead requires nothing")
        XCTAssertNil(RegexLiteral.requiredAlternatives(of: "(million|billion\\w)"))
        XCTAssertNil(RegexLiteral.requiredAlternatives(of: "tax|levy"), "top-level alternation")
    }

    func testKindFields() throws {
        XCTAssertEqual(try matches("kind:list"), ["s1.p2", "s1.p3"])
        XCTAssertEqual(try matches("kind:question"), ["q1?"])
        XCTAssertEqual(try matches("kind:answer"), ["q1!"])
        XCTAssertEqual(try matches("kind:faq"), ["q1?", "q1!"])
        XCTAssertEqual(try matches("kind:list|heading storm*"), ["s1.p2"])
        XCTAssertEqual(try matches("kind:paragraph,list boats"), ["s1.p3"])
    }

    func testSectionAndDocumentFields() throws {
        XCTAssertEqual(try matches("section:costs"), ["s1#", "s1.p1", "s1.p2", "s1.p3"])
        XCTAssertEqual(try matches("section:\"costs barrier\" kind:list"), ["s1.p2", "s1.p3"])
        XCTAssertEqual(try matches("doc:quer*"), try matches("kind:title OR -kind:title"))
        XCTAssertEqual(try matches("doc:other"), [])
    }

    func testErrorsCarryColumns() {
        let cases: [(String, Int, String)] = [
            ("\"storm surge", 1, "unclosed quote"),
            ("barrier (storm OR", 16, "OR needs something on both sides"),
            ("(barrier", 1, "unclosed '('"),
            ("barrier)", 8, "unexpected ')'"),
            ("barrier NOT", 9, "NOT needs something after it"),
            ("kind:paragrph", 6, "unknown kind 'paragrph'"),
            ("colour:red barrier", 1, "unknown field 'colour:'"),
            ("/abc", 1, "unclosed regular expression"),
            ("/a(b/", 5, "invalid regular expression"),
            ("se*cure", 3, "'*' is allowed only at the end of a word"),
            ("NEAR(storm, 3)", 1, "NEAR needs at least two words"),
            ("NEAR(storm barrier, x)", 1, "NEAR distance must be a number"),
            ("OR storm", 1, "OR needs something on both sides"),
            ("storm - barrier", 7, "'-' must be followed by what to exclude"),
            ("()", 1, "empty parentheses"),
            ("/x/g", 4, "unknown regex flag 'g'"),
        ]
        for (query, column, message) in cases {
            XCTAssertThrowsError(try QueryParser.parse(query), query) { error in
                let error = error as? GlossError
                XCTAssertEqual(error?.column, column, "column for \(query): \(error?.message ?? "")")
                XCTAssertTrue(
                    error?.message.hasPrefix(message) == true, "message for \(query): \(error?.message ?? "")")
            }
        }
    }

    func testFindReportsQueryErrorsAtTheirColumnInTheLine() {
        let error = TestSession.failure("find barrier \"storm", in: session)
        XCTAssertEqual(error?.column, 14)
        XCTAssertEqual(error?.message, "unclosed quote")
        let option = TestSession.failure("find barrier --limt 3", in: session)
        XCTAssertEqual(option?.column, 14)
        XCTAssertTrue(option?.message.contains("did you mean '--limit'?") == true, option?.message ?? "")
    }
}
