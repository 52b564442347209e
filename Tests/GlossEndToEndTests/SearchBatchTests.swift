import Foundation
import XCTest

/// Runs find and kwic on the shared samples through the binary and checks the exact hits.
final class SearchBatchTests: XCTestCase {
    private var samples: [String] {
        ["harbor-barrier-vote.txt", "river-towns-broadband.md"].map {
            GlossProcess.samples.appendingPathComponent($0).path
        }
    }

    private func hits(_ query: String) throws -> [String] {
        let result = try GlossProcess.commands("find --json \(query)\n", files: samples)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json =
            try JSONSerialization.jsonObject(with: Data(result.stdout.drop(while: { $0 != "{" }).utf8))
            as? [String: Any]
        let rows = try XCTUnwrap(json?["results"] as? [[String: Any]])
        return rows.map { "\($0["document"] as! String):\($0["address"] as! String)" }
    }

    func testFindHitsOnTheSamples() throws {
        XCTAssertEqual(
            try hits("\"fishing fleet\" OR crews"),
            [
                "harbor-barrier-vote:s0.p1", "harbor-barrier-vote:s4", "harbor-barrier-vote:s4.p1",
                "harbor-barrier-vote:s4.p2",
                "harbor-barrier-vote:q3", "harbor-barrier-vote:kp6", "harbor-barrier-vote:s7.p1",
            ])
        XCTAssertEqual(try hits("kind:keypoint percent"), ["harbor-barrier-vote:kp8", "river-towns-broadband:kp4"])
        XCTAssertEqual(
            try hits("bonds -kind:keypoint"), ["river-towns-broadband:s2.p1", "river-towns-broadband:s5.p1"])
        XCTAssertEqual(
            try hits("/\\$\\d+ million/"),
            [
                "harbor-barrier-vote:s3.p2", "harbor-barrier-vote:s5.p1", "harbor-barrier-vote:kp5",
                "harbor-barrier-vote:kp7",
                "river-towns-broadband:s2.p1", "river-towns-broadband:kp3",
            ])
        XCTAssertEqual(try hits("doc:river* kind:quote"), ["river-towns-broadband:s2.p2"])
        XCTAssertEqual(try hits("NEAR(council vote, 4) kind:paragraph"), ["harbor-barrier-vote:s1.p1"])
    }

    func testKwicOnTheSamples() throws {
        let result = try GlossProcess.commands("kwic council --width 20\n", files: samples)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("loaded ") }.joined(separator: "\n")
        XCTAssertEqual(lines, Self.expectedKwic)
    }

    static let expectedKwic = """
         #1  harbor-barrier-vote:s0.p1             The city  [council]  of Port Alder spent
         #2  harbor-barrier-vote:s0.p2  ching in March, the  [council]  is under pressure t
         #3  harbor-barrier-vote:s1               Where the  [Council]  Vote Stands
         #4  harbor-barrier-vote:s1.p1  r two evenings, the  [council]  postponed its final
         #5  harbor-barrier-vote:s1.p1  l vote by one week.  [Council]  President Dana Ruiz
         #6  harbor-barrier-vote:s2.p2   In a letter to the  [council] , Dr. Helen Okafor a
         #7  harbor-barrier-vote:s4.p1  . Captains told the  [council]  that even a short c
         #8  harbor-barrier-vote:q4           When will the  [council]  decide?
         #9  harbor-barrier-vote:q4                     The  [council]  postponed its vote
        #10  harbor-barrier-vote:kp1                         [Council]  Vote — The final vo
        #11  harbor-barrier-vote:s7.p1         Port Alder’s  [council]  is split over a $1.
        11 matches in 10 units
        """
}
