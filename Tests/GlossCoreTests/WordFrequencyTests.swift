import XCTest

@testable import GlossCore

/// Word counts read from the index (for `stats`) against tokenizing the texts in view, on random
/// corpora with possessives, accents, numbers and dotted abbreviations, for the whole workspace and for
/// filtered views. A possessive counts as its word, as queries fold it.
final class WordFrequencyTests: XCTestCase {
    func testIndexCountsAgreeWithTokenizingTheView() throws {
        for seed in 1...3 {
            let session = TestSession.make(
                FastPathReferenceTests.corpus(seed: UInt64(seed), documents: 50)
                    + [
                        (
                            "extra.txt",
                            "Port's port ports' 1,000 40.5 naïve NAÏVE Zelensky’s zelensky's café\n\nThe port's fleet, e.g. the U.S. one and the U.S.'s."
                        )
                    ])
            let workspace = session.workspace
            for filter in ["", "barrier", "harbor OR port", "vote NOT council"] {
                if !filter.isEmpty { try TestSession.run("filter \(filter)", in: session) }
                var expected: [String: Int] = [:]
                workspace.viewUnits.forEach { id in
                    for word in Tokenizer().foldedWords(workspace.corpus.text(ofUnit: id)) {
                        expected[
                            word.count > 2 && word.hasSuffix("'s") ? String(word.dropLast(2)) : word, default: 0] += 1
                    }
                }
                XCTAssertFalse(expected.isEmpty)
                XCTAssertEqual(
                    workspace.corpus.index.wordFrequencies(in: workspace.viewUnits), expected,
                    "seed \(seed), filter '\(filter)'")
                if !filter.isEmpty { try TestSession.run("unfilter", in: session) }
            }
            let all = workspace.corpus.index.wordFrequencies(in: workspace.viewUnits)
            XCTAssertEqual(all["u.s."], 2, "an abbreviation is one word, its possessive counted with it")
            XCTAssertEqual(all["e.g."], 1)
            XCTAssertNil(all["u"])
            XCTAssertNil(all["port's"])
        }
    }
}
