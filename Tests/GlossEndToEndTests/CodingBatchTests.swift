import XCTest

/// Codes the shared sample in batch and checks the codebook, co-occurrence and notes output exactly.
final class CodingBatchTests: XCTestCase {
    static let script = """
        load ${1}
        tag s1.p1,s1.p2 actor/council process/vote
        tag kp1,kp2 actor/council
        tag s4.p1,kp6 actor/fleet concern
        tag q2 funding
        mark s3.p2 "roughly twice the figure" cost/dispute --note "The coalition doubles the city’s estimate"
        mark kp4 "excluding maintenance" cost
        tags describe actor "Who takes part in the decision"
        note s1.p2 "Haddad holds the swing vote"
        note tag:concern "Worries raised by those affected"
        tags
        cooc
        cooc actor cost
        notes
        """

    static let expected = """
        actor      0  6  Who takes part in the decision
          council  4  4
          fleet    2  2
        concern    2  2
        cost       1  2
          dispute  1  1
        funding    1  1
        process    0  2
          vote     2  2
        9 tags · counts: direct, then including tags below
                          (1) (2) (3) (4) (5) (6) (7)
        (1) actor/council   4   0   0   0   0   0   2
        (2) actor/fleet     0   2   2   0   0   0   0
        (3) concern         0   2   2   0   0   0   0
        (4) cost            0   0   0   1   0   0   0
        (5) cost/dispute    0   0   0   0   1   0   0
        (6) funding         0   0   0   0   0   1   0
        (7) process/vote    2   0   0   0   0   0   2
                  (1) (2)
        (1) actor   6   0
        (2) cost    0   2
        n1  m1
            The coalition doubles the city’s estimate
        n2  s1.p2
            Haddad holds the swing vote
        n3  tag:concern
            Worries raised by those affected

        """

    func testCodingTheHarborSample() throws {
        let directory = try TemporaryDirectory()
        try directory.write("coding.gloss", Self.script)
        let sample = GlossProcess.samples.appendingPathComponent("harbor-barrier-vote.txt").path
        let result = try GlossProcess.run(["run", "coding.gloss", sample], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        // What the commands did goes to standard error; standard output is the report alone.
        let status = result.stderr.split(separator: "\n")
        XCTAssertTrue(status.first?.hasPrefix("loaded harbor-barrier-vote") == true, result.stderr)
        XCTAssertTrue(
            status.allSatisfy {
                ["loaded ", "tagged ", "m1 ", "m2 ", "n2 ", "n3 ", "described "].contains(where: $0.hasPrefix)
            }, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("actor "), result.stdout)
        XCTAssertEqual(result.stdout.trimmingCharacters(in: .newlines), Self.expected.trimmingCharacters(in: .newlines))
    }
}
