import Foundation
import XCTest

/// A downloaded script is untrusted: what it may write and read, through the real binary.
final class ScriptSandboxTests: XCTestCase {
    /// A tree with the sample article, a folder outside it, and a symlink inside pointing there.
    private func tree() throws -> (root: TemporaryDirectory, tree: URL, outside: URL) {
        let root = try TemporaryDirectory()
        let article = try String(
            contentsOf: GlossProcess.samples.appendingPathComponent("harbor-barrier-vote.txt"), encoding: .utf8)
        try root.write("tree/harbor.txt", article)
        try root.write("outside/keep.txt", "untouched\n")
        let tree = root.url.appendingPathComponent("tree")
        let outside = root.url.appendingPathComponent("outside")
        try FileManager.default.createSymbolicLink(
            atPath: tree.appendingPathComponent("dirlink").path, withDestinationPath: "../outside")
        return (root, tree, outside)
    }

    private func run(_ arguments: [String], stdin: String = "", in folder: URL, home: URL) throws -> GlossProcess.Result
    {
        try GlossProcess.run(
            arguments, stdin: stdin, in: folder,
            environment: ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent(".state").path])
    }

    /// 1. A folder symlink inside the tree does not carry export, save or an inner script's export out.
    func testSymlinkedFoldersDoNotCarryWritesOut() throws {
        let (root, tree, outside) = try tree()
        try root.write("tree/export.gloss", "load harbor.txt\nexport json dirlink/x.json\n")
        try root.write("tree/save.gloss", "load harbor.txt\nsave dirlink/s.gloss\n")
        try root.write("outside/inner.gloss", "export md report.md\n")
        try root.write("tree/chain.gloss", "load harbor.txt\nreplay dirlink/inner.gloss\n")
        for script in ["export.gloss", "save.gloss", "chain.gloss"] {
            let result = try run(["run", script], in: tree, home: root.url)
            XCTAssertEqual(result.status, 1, "\(script): \(result.stderr)")
            XCTAssertTrue(
                result.stderr.contains("a script may not write")
                    && result.stderr.contains("outside \(tree.resolvingSymlinksInPath().path)"),
                "\(script): \(result.stderr)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted()
        XCTAssertEqual(left, ["inner.gloss", "keep.txt"])
        // Where --allow-write says, the write goes.
        let allowed = try run(["run", "export.gloss", "--allow-write", "dirlink"], in: tree, home: root.url)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: outside.appendingPathComponent("x.json").path))
    }

    /// 2. Temporary files have unguessable names and are created without following symlinks; a symlink
    /// at the target is replaced, not written through; left-overs of a killed write are removed.
    func testPlantedSymlinksCannotRedirectAWrite() throws {
        let (root, tree, outside) = try tree()
        let victim = outside.appendingPathComponent("keep.txt")
        // The names the old scheme used, for the next few thousand process ids.
        let pid = getpid()
        for candidate in pid..<(pid + 3_000) {
            try? FileManager.default.createSymbolicLink(
                atPath: tree.appendingPathComponent(".report.md.tmp-\(candidate)").path,
                withDestinationPath: victim.path)
        }
        try FileManager.default.createSymbolicLink(
            atPath: tree.appendingPathComponent("linked.md").path, withDestinationPath: victim.path)
        try root.write("tree/.report.md.tmp-leftover", "half of an old write")
        try root.write("tree/report.gloss", "load harbor.txt\nexport md report.md\nexport md linked.md --force\n")
        let result = try run(["run", "report.gloss"], in: tree, home: root.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "untouched\n")
        let linked = try FileManager.default.attributesOfItem(atPath: tree.appendingPathComponent("linked.md").path)
        XCTAssertEqual(linked[.type] as? FileAttributeType, .typeRegular, "the symlink at the target was replaced")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: tree.appendingPathComponent(".report.md.tmp-leftover").path))
        XCTAssertTrue(try String(contentsOf: tree.appendingPathComponent("report.md"), encoding: .utf8).hasPrefix("#"))
    }

    /// 4. Reads stay open by default but are listed; --strict confines them, --allow-read widens that,
    /// and a script cannot turn strict off.
    func testStrictConfinesReadsAndOthersAreListed() throws {
        let (root, tree, outside) = try tree()
        try root.write("outside/secret.txt", "The secret\n\nA paragraph someone should not export.\n")
        try root.write("tree/loot.gloss", "load ../outside/secret.txt\nexport json loot.json\n")
        let open = try run(["run", "loot.gloss"], in: tree, home: root.url)
        XCTAssertEqual(open.status, 0, open.stderr)
        XCTAssertTrue(
            open.stderr.contains(
                "loot.gloss read 1 file outside its folder and the current folder: \(outside.resolvingSymlinksInPath().path)/secret.txt"
            ), open.stderr)
        try FileManager.default.removeItem(at: tree.appendingPathComponent("loot.json"))

        let strict = try run(["run", "--strict", "loot.gloss"], in: tree, home: root.url)
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(
            strict.stderr.contains(
                "loot.gloss:1:6: error: a script run with --strict may not read ../outside/secret.txt"), strict.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.appendingPathComponent("loot.json").path))
        // Through a symlink inside the tree it is still outside.
        try root.write("tree/linked.gloss", "load dirlink/secret.txt\n")
        XCTAssertEqual(try run(["run", "--strict", "linked.gloss"], in: tree, home: root.url).status, 1)

        let widened = try run(
            ["run", "--strict", "--allow-read", "../outside", "loot.gloss"], in: tree, home: root.url)
        XCTAssertEqual(widened.status, 0, widened.stderr)

        try root.write("tree/sneaky.gloss", "set strict off\nload ../outside/secret.txt\n")
        let sneaky = try run(["run", "--strict", "sneaky.gloss"], in: tree, home: root.url)
        XCTAssertTrue(
            sneaky.stderr.contains("sneaky.gloss:1:12: error: a script cannot turn strict off"), sneaky.stderr)

        // At the prompt, set strict on confines a replay the same way.
        let prompt = try run([], stdin: "set strict on\nreplay loot.gloss\n", in: tree, home: root.url)
        XCTAssertTrue(prompt.stderr.contains("in replay of loot.gloss:1"), prompt.stderr)
        XCTAssertTrue(prompt.stderr.contains("may not read ../outside/secret.txt"), prompt.stderr)
    }

    /// `$$` is a literal dollar sign; `${NAME}` a variable.
    func testDoubleDollarIsALiteralDollar() throws {
        let (root, tree, _) = try tree()
        try root.write(
            "tree/money.gloss", "load harbor.txt\nset price 12\nnote s1 \"$$${price} and $${price}\"\nnotes\n")
        let result = try run(["run", "money.gloss"], in: tree, home: root.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("$12 and ${price}"), result.stdout)
    }

    /// An unusable state folder is said in words, not as a Foundation error code.
    func testAnUnusableStateFolderIsSaidPlainly() throws {
        let (root, tree, _) = try tree()
        try root.write("blocker", "a file where the state folder should be")
        let result = try GlossProcess.run(
            ["harbor.txt"], stdin: "quit\n", in: tree,
            environment: ["XDG_STATE_HOME": root.url.appendingPathComponent("blocker/state").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(root.url.path)/blocker is a file, not a folder"), result.stderr)
        XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain"), result.stderr)
    }
}
