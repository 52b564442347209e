import XCTest

@testable import GlossCore

/// The totals of a `find` footer, read from the index, against the highlighter's ranges summed over
/// every result's text.
final class MatchCounterTests: XCTestCase {
    func testCountsFromTheIndexEqualTheHighlightedRanges() throws {
        let articles = FastPathReferenceTests.corpus(seed: 91, documents: 40)
        let session = TestSession.make(articles)
        let workspace = session.workspace
        var random = ReferenceRandom(seed: 17)
        var queries = (0..<300).map { _ in FastPathReferenceTests.randomQuery(&random) }
        queries += [
            "zelensky", "zelensky's", "gate*", "ga*", "\"the gates\"", "/c[ao]st/", "/gate/i OR vote", "zel*", "~gates",
            "~voting", "~zelensky", "~gate OR gate*", "~vote zelensky",
        ]
        var nonZero = 0
        for query in queries {
            let node = try QueryParser.parse(query)
            let units = try QueryEvaluator(workspace: workspace).evaluate(node, within: workspace.corpus.liveUnits)
            let highlighter = Highlighter(node)
            var expected = 0
            units.forEach {
                expected += (try? highlighter.ranges(in: workspace.corpus.text(ofUnit: $0), at: "unit"))?.count ?? 0
            }
            XCTAssertEqual(
                MatchCounter(corpus: workspace.corpus, highlighter: highlighter).count(in: units), expected, query)
            if expected > 0 { nonZero += 1 }
        }
        XCTAssertGreaterThan(nonZero, 150, "most queries match something")
    }
}
