import Foundation
import XCTest

@testable import GlossCore

/// The saved session is what replays: for random sequences of loads, filters, listings and `#n`,
/// tags, marks, notes, renames, deletions, no-ops, undo and redo, `save` then a batch replay of the
/// saved file gives the same `export json` as the live workspace; and so does a resume of the journal.
final class SavedSessionPropertyTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-property-\(UUID().uuidString)")
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sessions/articles")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("other"), withIntermediateDirectories: true)
        let harbor = try String(contentsOf: samples.appendingPathComponent("harbor-barrier-vote.txt"), encoding: .utf8)
        let river = try String(contentsOf: samples.appendingPathComponent("river-towns-broadband.md"), encoding: .utf8)
        try harbor.write(to: directory.appendingPathComponent("harbor.txt"), atomically: true, encoding: .utf8)
        try river.write(to: directory.appendingPathComponent("river.md"), atomically: true, encoding: .utf8)
        // Same file name in another folder: ids must come out the same in the replay.
        try String(harbor.prefix(1500)).write(
            to: directory.appendingPathComponent("other/harbor.txt"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testSavedSessionsReplayToTheLiveWorkspace() throws {
        for seed in 1...1_000 {
            var random = ReferenceRandom(seed: UInt64(seed))
            let session = Session(baseDirectory: directory.path)
            var typed: [String] = []
            for _ in 0..<(8 + random.next(22)) {
                let line = Self.command(&random, session: session)
                typed.append(line)
                _ = session.execute(line)
            }
            let live = try export(session)
            let script = directory.appendingPathComponent("saved-\(seed).gloss").path
            let save = session.execute("save \(CommandLineTokenizer.quote(script)) --force")
            XCTAssertNil(save.error, "seed \(seed): \(save.error?.message ?? "")")
            let replayed = Session(baseDirectory: directory.path)
            replayed.isScript = true
            let text = try String(contentsOfFile: script, encoding: .utf8)
            var failures: [String] = []
            ScriptRunner().run(ScriptRunner.commands(in: text), name: "saved", in: replayed) { event in
                if case .error(let message) = event { failures.append(message) }
            }
            XCTAssertEqual(
                failures, [],
                "seed \(seed): the saved session fails to replay\n\(typed.joined(separator: "\n"))\n---\n\(text)")
            let again = try export(replayed)
            if live != again {
                XCTFail(
                    "seed \(seed): the replay differs from the live workspace\n\(typed.joined(separator: "\n"))\n---\n\(text)\n---\n\(Self.difference(live, again))"
                )
                return
            }
            try? FileManager.default.removeItem(atPath: script)
        }
    }

    /// The journal holds every command as the session ran it, undo and redo included: a resume of it
    /// gives the live workspace back.
    func testJournalsResumeToTheLiveWorkspace() throws {
        let store = JournalStore(directory: directory.appendingPathComponent("journal").path)
        for seed in 1...60 {
            var random = ReferenceRandom(seed: UInt64(seed) &* 7919)
            let session = Session(baseDirectory: directory.path)
            session.journalStore = store
            session.journal = try store.create(folder: directory.path)
            var typed: [String] = []
            for _ in 0..<(8 + random.next(16)) {
                let line = Self.command(&random, session: session)
                typed.append(line)
                _ = session.execute(line)
            }
            let live = try export(session)
            let path = try XCTUnwrap(session.journal?.path)
            session.journal = nil  // as after kill -9: unlocked, left behind
            let unfinished = try XCTUnwrap(
                store.unfinished().first { $0.path == path }, "seed \(seed): no unfinished journal")
            let resumed = Session(baseDirectory: directory.path)
            resumed.journalStore = store
            let report = try resumed.restore(unfinished) { _ in false }
            XCTAssertNil(report.stop?.error.message, "seed \(seed)\n\(typed.joined(separator: "\n"))")
            let again = try export(resumed)
            if live != again {
                XCTFail(
                    "seed \(seed): the resume differs from the live workspace\n\(typed.joined(separator: "\n"))\n---\n\(Self.difference(live, again))"
                )
                return
            }
            resumed.journal?.remove()
        }
    }

    private func export(_ session: Session) throws -> String {
        let result = session.execute("export json -")
        if let error = result.error { throw error }
        return result.output.split(separator: "\n").filter { !$0.contains("\"exportedAt\"") }.joined(separator: "\n")
    }

    private static func difference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n")
        let right = b.split(separator: "\n")
        for index in 0..<max(left.count, right.count)
        where index >= left.count || index >= right.count || left[index] != right[index] {
            let lo = max(0, index - 3)
            return "live:\n" + left[lo..<min(left.count, index + 4)].joined(separator: "\n")
                + "\nreplay:\n" + right[lo..<min(right.count, index + 4)].joined(separator: "\n")
        }
        return ""
    }

    // MARK: - Random commands, mostly valid for the state they are typed in

    private static let tags = ["cost", "actor", "actor/council", "actor/fleet", "theme", "Risk"]
    private static let queries = [
        "barrier", "cost OR fleet", "kind:faq", "tag:actor", "tag:cost", "council -vote", "doc:harbor*", "tag:theme",
    ]

    static func command(_ random: inout ReferenceRandom, session: Session) -> String {
        let workspace = session.workspace
        let loaded = workspace.corpus.loadedDocumentIndices
        func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[random.next(items.count)] }
        func element() -> String? {
            guard let document = pick(loaded) else { return nil }
            let elements = workspace.elements(ofDocument: document)
            guard let ref = pick(elements) else { return nil }
            // Sometimes unqualified: the current document decides.
            return random.next(3) == 0 ? "\(ref.address)" : workspace.corpus.label(ref, qualified: true)
        }
        func target() -> String {
            switch random.next(10) {
            case 0: return "@"
            case 1, 2: return "#\(1 + random.next(4))" + (random.next(2) == 0 ? "-\(2 + random.next(4))" : "")
            case 3: return pick(loaded).map { workspace.corpus.documents[$0].id + ":" } ?? "s1"
            case 4: return [element(), element()].compactMap { $0 }.joined(separator: ",")
            case 5: return pick(Array(workspace.annotations.marks.keys)).map { "m\($0)" } ?? "s1.p1"
            default: return element() ?? "s1.p1"
            }
        }
        let tag = pick(tags)!
        switch random.next(26) {
        case 0, 1: return "load " + ["harbor.txt", "river.md", "other/harbor.txt", "other/"][random.next(4)]
        case 2, 3, 4, 5: return "tag \(target()) \(tag)"
        case 6: return "untag \(target()) \(tag)"
        case 7, 8: return "find \(pick(queries)!)"
        case 9: return "filter \(pick(queries)!)"
        case 10: return random.next(3) == 0 ? "unfilter --all" : "unfilter"
        case 11, 12: return "undo" + (random.next(3) == 0 ? " \(1 + random.next(3))" : "")
        case 13: return "redo"
        case 14: return "note \(target()) \"note \(random.next(100))\""
        case 15:
            return pick(Array(workspace.annotations.notes.keys)).map { "note rm n\($0)" }
                ?? "note tag:\(tag) \"about \(tag)\""
        case 16:
            guard let document = pick(loaded),
                let ref = pick(
                    workspace.elements(ofDocument: document).filter {
                        if case .passage = $0.address { return true } else { return false }
                    })
            else {
                return "tags"
            }
            let words = workspace.corpus.text(of: ref).split(separator: " ")
            guard words.count > 3 else { return "tags" }
            let start = random.next(words.count - 2)
            let quote = words[start..<min(words.count, start + 2 + random.next(3))].joined(separator: " ")
            return "mark \(workspace.corpus.label(ref, qualified: true)) \(CommandLineTokenizer.quote(quote)) \(tag)"
        case 17: return pick(Array(workspace.annotations.marks.keys)).map { "unmark m\($0)" } ?? "marks"
        case 18: return "tags rename \(tag) \(pick(tags)!)"
        case 19: return "tags delete \(tag) --force"
        case 20: return "tags describe \(tag) \"the \(tag) code\""
        case 21: return pick(loaded).map { "use " + workspace.corpus.documents[$0].id } ?? "docs"
        case 22: return "show \(target())"
        case 23: return "tags color \(tag) \(["red", "blue", "none"][random.next(3)])"
        case 24: return "outline"
        default: return "tag \(target()) \(tag)"  // often a no-op repeat
        }
    }
}
