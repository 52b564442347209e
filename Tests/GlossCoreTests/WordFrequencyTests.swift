import XCTest
@testable import GlossCore

/// Word counts read from the index (for `stats`) against tokenizing the texts in view, on random
/// corpora with possessives, accents and numbers, for the whole workspace and for filtered views.
final class WordFrequencyTests: XCTestCase {
    func testIndexCountsAgreeWithTokenizingTheView() throws {
        for seed in 1...3 {
            let session = TestSession.make(FastPathReferenceTests.corpus(seed: UInt64(seed), documents: 50)
                + [("extra.txt", "Port's port ports' 1,000 40.5 naïve NAÏVE Zelensky’s zelensky's café\n\nThe port's fleet.")])
            let workspace = session.workspace
            for filter in ["", "barrier", "harbor OR port", "vote NOT council"] {
                if !filter.isEmpty { try TestSession.run("filter \(filter)", in: session) }
                var expected: [String: Int] = [:]
                workspace.viewUnits.forEach { id in
                    for word in Tokenizer().foldedWords(workspace.text(ofUnit: id)) { expected[word, default: 0] += 1 }
                }
                XCTAssertFalse(expected.isEmpty)
                XCTAssertEqual(workspace.index.wordFrequencies(in: workspace.viewUnits), expected, "seed \(seed), filter '\(filter)'")
                if !filter.isEmpty { try TestSession.run("unfilter", in: session) }
            }
        }
    }
}
