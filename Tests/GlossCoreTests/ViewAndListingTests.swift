import XCTest

@testable import GlossCore

/// Stacked filters, the @ target and #n result references.
final class ViewAndListingTests: XCTestCase {
    var session: Session!

    override func setUp() {
        session = TestSession.make([("queries.txt", QueryLanguageTests.article)])
    }

    func testFiltersStackAndUnstack() throws {
        let total = session.workspace.corpus.liveUnits.count
        try TestSession.run("filter barrier", in: session)
        XCTAssertEqual(session.workspace.viewUnits.count, 5)
        try TestSession.run("filter storm", in: session)
        XCTAssertEqual(try TestSession.matches("kind:lead OR kind:heading", in: session), ["s0.p4", "s0.p5"])
        let stack = try TestSession.run("filter", in: session)
        XCTAssertTrue(stack.contains("1  barrier  (5)"), stack)
        XCTAssertTrue(stack.contains("2  storm  (2)"), stack)
        try TestSession.run("unfilter", in: session)
        XCTAssertEqual(session.workspace.viewUnits.count, 5)
        try TestSession.run("filter nato", in: session)
        XCTAssertEqual(session.workspace.viewUnits.count, 0)
        try TestSession.run("unfilter --all", in: session)
        XCTAssertEqual(session.workspace.viewUnits.count, total)
        XCTAssertNotNil(TestSession.failure("unfilter", in: session))
    }

    func testFindSearchesOnlyTheView() throws {
        try TestSession.run("filter kind:lead", in: session)
        let output = try TestSession.run("find barrier", in: session)
        XCTAssertEqual(session.workspace.view.lastListing.map { "\($0.address)" }, ["s0.p4", "s0.p5"])
        XCTAssertTrue(output.contains("2 results"), output)
    }

    func testResultReferences() throws {
        try TestSession.run("find barrier", in: session)
        XCTAssertEqual(
            session.workspace.view.lastListing.map { "\($0.address)" }, ["s0.p4", "s0.p5", "s1", "s1.p1", "q1"])
        XCTAssertEqual(try session.workspace.resolveTargets("#2-3").map { "\($0.address)" }, ["s0.p5", "s1"])
        XCTAssertEqual(try session.workspace.resolveTargets("#1,#5").map { "\($0.address)" }, ["s0.p4", "q1"])
        let shown = try TestSession.run("show #4", in: session)
        XCTAssertTrue(shown.contains("The barrier costs $1.2 billion"), shown)
        XCTAssertThrowsError(try session.workspace.resolveTargets("#9")) { error in
            XCTAssertEqual((error as? GlossError)?.message, "no result #9 (the last listing has #1-#5)")
        }
        try TestSession.run("find --limit 2 barrier", in: session)
        XCTAssertThrowsError(try session.workspace.resolveTargets("#3"))
    }

    func testViewTargetIsEveryPassageInTheView() throws {
        try TestSession.run("filter barrier", in: session)
        XCTAssertEqual(
            session.workspace.viewElements().map { "\($0.address)" }, ["s0.p4", "s0.p5", "s1.p1", "q1"],
            "headings are left out of @")
    }

    func testRankOrdersByRelevance() throws {
        try TestSession.run("find barrier", in: session)
        XCTAssertEqual("\(session.workspace.view.lastListing[0].address)", "s0.p4", "document order by default")
        try TestSession.run("find barrier --rank", in: session)
        XCTAssertEqual(session.workspace.view.lastListing.count, 5)
        // The shortest unit with the word ranks first under BM25: the four-word heading.
        XCTAssertEqual("\(session.workspace.view.lastListing[0].address)", "s1")
        XCTAssertEqual("\(session.workspace.view.lastListing.last!.address)", "s0.p5", "the longest unit ranks last")
    }

    func testKwicAlignsMatches() throws {
        let output = try TestSession.run("kwic barrier --width 12", in: session)
        let lines = output.split(separator: "\n").dropLast().map(String.init)
        XCTAssertEqual(lines.count, 5, output)
        let columns = Set(
            lines.map { line in
                line.range(of: "[barrier]", options: .caseInsensitive).map {
                    line.distance(from: line.startIndex, to: $0.lowerBound)
                } ?? -1
            })
        XCTAssertEqual(columns.count, 1, "matches line up:\n\(output)")
    }

    func testStatsCountsWordsWithoutStopWords() throws {
        let output = try TestSession.run("stats --json --top 3", in: session)
        XCTAssertTrue(output.contains("\"word\": \"barrier\""), output)
        XCTAssertFalse(output.contains("\"word\": \"the\""), output)
        let all = try TestSession.run("stats --json --top 1 --stopwords", in: session)
        XCTAssertTrue(all.contains("\"word\": \"the\""), all)
    }
}
