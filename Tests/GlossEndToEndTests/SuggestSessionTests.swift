import Foundation
import XCTest

/// `suggest` and `similar` through the real binary: tag a few examples, accept suggested rows with
/// `tag #…`, save, and replay to the same workspace.
final class SuggestSessionTests: XCTestCase {
    /// Twelve short articles, even numbers on an election, odd ones on a storm.
    private func project() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let election = [
            "ballot", "candidate", "voters", "campaign", "polling", "mayor", "turnout", "debate", "council", "precinct",
        ]
        let storm = ["rain", "flood", "wind", "forecast", "storm", "river", "levee", "gusts", "evacuation", "shelter"]
        let shared = ["the", "city", "on", "said", "residents", "officials", "monday", "district"]
        for number in 0..<12 {
            let words = number % 2 == 0 ? election : storm
            let paragraphs = (0..<3).map { paragraph in
                (0..<14).map { position -> String in
                    let pick = (number * 5 + paragraph * 3 + position * 7) % (words.count + shared.count)
                    return pick < words.count ? words[pick] : shared[pick - words.count]
                }.joined(separator: " ") + "."
            }
            try directory.write(
                String(format: "articles/art%02d.txt", number),
                "Report \(number)\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
        }
        try FileManager.default.createDirectory(
            at: directory.url.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        return directory
    }

    private func export(_ name: String, in directory: TemporaryDirectory) throws -> String {
        try directory.read(name).split(separator: "\n").filter { !$0.contains("\"exportedAt\"") }.joined(
            separator: "\n")
    }

    func testAcceptedSuggestionsReplayToTheSameWorkspace() throws {
        let directory = try project()
        let script = """
            load articles
            tag art00: election
            tag art02: election
            tag art04: election
            tag art01: storm
            tag art03: storm
            tag art05: storm
            suggest election --limit 3
            tag #1-3 election
            similar art01: --limit 2
            tag #1,#2 storm
            suggest --all
            export json original.json
            save full
            save lean --state-only

            """
        let first = try GlossProcess.commands(script, in: directory.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("learned from 3 of [election] against [storm] 3"), first.stdout)
        XCTAssertTrue(first.stdout.contains("because: "), first.stdout)

        // The accepted rows are the right topic: even articles election, odd ones storm.
        let original = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try directory.read("original.json").utf8)) as? [String: Any])
        let codings = try XCTUnwrap(original["codings"] as? [[String: Any]])
        var tagged: [String: String] = [:]
        for coding in codings { tagged[coding["document"] as! String] = coding["tag"] as? String }
        XCTAssertEqual(tagged.count, 11, "\(tagged)")
        for (document, tag) in tagged {
            XCTAssertEqual(tag, Int(document.dropFirst(3))! % 2 == 0 ? "election" : "storm", document)
        }
        // The one document left uncoded gets its topic from suggest --all.
        let untagged = (0..<12).map { String(format: "art%02d", $0) }.first { tagged[$0] == nil }!
        let expected = Int(untagged.dropFirst(3))! % 2 == 0 ? "election" : "storm"
        XCTAssertTrue(
            first.stdout.contains("#1  \(untagged):  Report \(Int(untagged.dropFirst(3))!)  [\(expected)]"),
            first.stdout)

        let lean = try directory.read("sessions/lean.gloss")
        XCTAssertTrue(
            lean.contains("\nsuggest election --limit 3\ntag #1-3 election\n"), "a listing used by #n is kept:\n\(lean)"
        )
        XCTAssertFalse(lean.contains("suggest --all"), "a listing nobody used is left out:\n\(lean)")
        for name in ["full", "lean"] {
            try directory.write(
                "check-\(name).gloss", "replay sessions/\(name).gloss --quiet\nexport json \(name).json\n")
            let replay = try GlossProcess.run(["run", "check-\(name).gloss"], in: directory.url)
            XCTAssertEqual(replay.status, 0, replay.stderr)
            XCTAssertEqual(try export("\(name).json", in: directory), try export("original.json", in: directory), name)
        }
    }

    func testTooFewExamplesStopsAScriptWithWhatToDo() throws {
        let directory = try project()
        try directory.write("few.gloss", "load articles\ntag art00: election\nsuggest election\ntag #1 election\n")
        let result = try GlossProcess.run(["run", "few.gloss"], in: directory.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains(
                "few.gloss:3: error: [election] has 1 coded document; suggest learns from at least 3: tag 2 more"),
            result.stderr)
    }
}
