import Foundation
import XCTest

/// Kills `gloss` with SIGKILL in the middle of a scripted session and checks that `--resume` brings
/// back every completed command's effect, and nothing else.
final class CrashRecoveryTests: XCTestCase {
    /// Command 0 loads the article; command i > 0 leaves a unique trace (tag `t<i>`, a note, a mark)
    /// and prints exactly one status line (on standard error), so the test knows which commands completed.
    static func commands(_ count: Int) -> [String] {
        var commands = ["load articles/harbor-barrier-vote.txt"]
        let passages = ["s0.p1", "s0.p2", "s1.p1", "s1.p2", "s2.p1", "s3.p2", "s4.p1", "s5.p2", "s7.p1", "kp3", "q2"]
        for index in 1..<count {
            switch index % 5 {
            case 0: commands.append("note \(passages[index % passages.count]) \"note \(index)\"")
            case 3: commands.append("mark s3.p2 \"roughly twice\" t\(index)")
            default: commands.append("tag \(passages[index % passages.count]) t\(index)")
            }
        }
        return commands
    }

    private func project() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let text = try String(
            contentsOf: GlossProcess.samples.appendingPathComponent("harbor-barrier-vote.txt"), encoding: .utf8)
        try directory.write("articles/harbor-barrier-vote.txt", text)
        return directory
    }

    /// The traces in an export: which commands' effects are present.
    private func traces(in export: String) throws -> [Int] {
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(export.drop(while: { $0 != "{" }).utf8)) as? [String: Any])
        var found: [Int] = []
        for coding in json["codings"] as? [[String: String]] ?? [] { found += number(coding["tag"]!, prefix: "t") }
        for mark in json["marks"] as? [[String: Any]] ?? [] {
            for tag in mark["tags"] as? [String] ?? [] { found += number(tag, prefix: "t") }
        }
        for note in json["notes"] as? [[String: Any]] ?? [] {
            found += number(note["text"] as! String, prefix: "note ")
        }
        return found.sorted()
    }

    private func number(_ text: String, prefix: String) -> [Int] {
        text.hasPrefix(prefix) ? Int(text.dropFirst(prefix.count)).map { [$0] } ?? [] : []
    }

    /// Runs commands from `start`, killing the process after `stop` of them have printed their line
    /// and the next has been sent. Returns how many commands the resumed journal restored.
    private func runThenKill(
        _ commands: [String], from start: Int, completing stop: Int, resume: Bool,
        in directory: TemporaryDirectory, state: URL
    ) throws -> (restored: Int?, seen: Int) {
        let process = try StreamingProcess(
            arguments: resume ? ["--resume"] : [], directory: directory.url, state: state)
        var seen = start
        var restored: Int?
        if resume {
            // Wait until the journal has been replayed before sending more.
            let message = process.readErrorLine() ?? ""
            restored = Self.restoredCount(message)
            guard let count = restored else {
                XCTFail("no resume message: \(message)")
                return (nil, seen)
            }
            // The command sent just before the last kill may or may not have completed: carry on after
            // whatever the journal holds.
            seen = count
        }
        while seen < min(max(stop, seen), commands.count) {
            process.send(commands[seen])
            guard process.readErrorLine() != nil else {
                XCTFail("no output for \(commands[seen]): \(process.errorOutput())")
                return (nil, seen)
            }
            seen += 1
        }
        if seen < commands.count { process.send(commands[seen]) }
        process.kill()
        return (restored, seen)
    }

    /// The number of commands a `--resume` restored, from its message (0 when there was nothing to resume).
    static func restoredCount(_ errors: String) -> Int? {
        if errors.contains("no unfinished session") { return 0 }
        return errors.range(of: "resumed ").flatMap { Int(errors[$0.upperBound...].prefix(while: \.isNumber)) }
    }

    func testKillThenResumeKeepsEveryCompletedCommand() throws {
        let directory = try project()
        let state = directory.url.appendingPathComponent(".state")
        let commands = Self.commands(40)
        _ = try runThenKill(commands, from: 0, completing: 25, resume: false, in: directory, state: state)
        let resumed = try GlossProcess.run(
            ["--resume"], stdin: "export json -\n", in: directory.url,
            environment: ["XDG_STATE_HOME": state.path])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let found = try traces(in: resumed.stdout)
        // Commands 1…24 completed for sure; the 26th (index 25) may or may not have been journaled.
        XCTAssertTrue(found == Array(1...24) || found == Array(1...25), "recovered \(found)")
        XCTAssertTrue(resumed.stderr.contains("resumed 2"), resumed.stderr)
    }

    /// A replay's commands reach the journal together: once the replay has printed its result, a
    /// kill loses none of them.
    func testKillAfterAReplayKeepsItsCommands() throws {
        let directory = try project()
        let state = directory.url.appendingPathComponent(".state")
        let commands = Self.commands(60)
        try directory.write("coding.gloss", commands.joined(separator: "\n") + "\n")
        let process = try StreamingProcess(arguments: [], directory: directory.url, state: state)
        process.send("replay --quiet coding.gloss")
        process.send("find zzmarkzz")
        XCTAssertNotNil(process.readLine(), "no output after the replay: \(process.errorOutput())")
        process.kill()
        let resumed = try GlossProcess.run(
            ["--resume"], stdin: "export json -\n", in: directory.url,
            environment: ["XDG_STATE_HOME": state.path])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(try traces(in: resumed.stdout), Array(1..<60))
    }

    func testAHundredKillsLoseNoCompletedCommand() throws {
        let directory = try project()
        let state = directory.url.appendingPathComponent(".state")
        let commands = Self.commands(260)
        var generator = SeededGenerator(seed: 20_261_125)
        var position = 0
        for round in 0..<100 {
            let stop = min(commands.count, position + Int.random(in: 0...4, using: &generator))
            let (restored, seen) = try runThenKill(
                commands, from: position, completing: stop, resume: round > 0,
                in: directory, state: state)
            if round > 0 {
                let count = try XCTUnwrap(restored, "round \(round): no 'resumed N' message")
                XCTAssertTrue(
                    count == position || count == position + 1,
                    "round \(round): restored \(count), expected \(position) or \(position + 1)")
            }
            position = seen
        }
        let last = try StreamingProcess(arguments: ["--resume"], directory: directory.url, state: state)
        let restored = try XCTUnwrap(Self.restoredCount(last.readErrorLine() ?? ""))
        XCTAssertTrue(
            restored == position || restored == position + 1,
            "restored \(restored), expected \(position) or \(position + 1)")
        last.send("export json -")
        let (status, errors) = last.finish()
        XCTAssertEqual(status, 0, errors)
        XCTAssertEqual(
            try traces(in: last.remainingOutput()), restored > 1 ? Array(1..<restored) : [],
            "the recovered workspace is the replay of the completed commands")
    }
}
