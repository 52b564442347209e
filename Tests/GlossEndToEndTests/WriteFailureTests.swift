import Foundation
import XCTest

/// Writes that cannot happen — a read-only folder, a full disk — give a clear error, and leave the
/// session and the earlier files intact.
final class WriteFailureTests: XCTestCase {
    private func sample() throws -> String {
        try String(contentsOf: GlossProcess.samples.appendingPathComponent("harbor-barrier-vote.txt"), encoding: .utf8)
    }

    /// Runs gloss as the unprivileged user `nobody` (root ignores file permissions).
    private func runAsNobody(_ stdin: String, in directory: URL, state: URL) throws -> GlossProcess.Result {
        // A copy the user nobody can run: the build folder may be inside a private home directory.
        let binary = directory.appendingPathComponent("gloss-copy").path
        if !FileManager.default.fileExists(atPath: binary) {
            try FileManager.default.copyItem(atPath: try GlossProcess.binary.path, toPath: binary)
            chmod(binary, 0o755)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary]
        process.currentDirectoryURL = directory
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "XDG_STATE_HOME": state.path,
        ].merging(GlossProcess.sanitizerEnvironment) { $1 }
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return GlossProcess.Result(
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
            status: process.terminationStatus)
    }

    func testReadOnlyFolderAndUnreadableFile() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to drop to the user nobody") }
        let directory = try TemporaryDirectory()
        try directory.write("harbor.txt", try sample())
        try directory.write("secret.txt", "Nobody may read this.")
        try directory.write("sessions/old.gloss", "# an earlier session\n")
        let state = directory.url.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        chmod(directory.url.path, 0o755)
        chmod(directory.url.appendingPathComponent("sessions").path, 0o755)
        chmod(directory.url.appendingPathComponent("secret.txt").path, 0o000)
        chown(state.path, 65534, 65534)
        // Piped commands stop at the first error: run each failing command in its own process.
        let unreadable = try runAsNobody("load secret.txt\n", in: directory.url, state: state)
        XCTAssertEqual(unreadable.stderr, "<stdin>:1:6: error: secret.txt: permission denied\n")
        let save = try runAsNobody(
            "load harbor.txt\ntag s1.p1 kept\nsave old --force\n", in: directory.url, state: state)
        XCTAssertEqual(save.status, 1)
        XCTAssertTrue(save.stderr.contains("cannot write") && save.stderr.contains("permission denied"), save.stderr)
        XCTAssertEqual(try directory.read("sessions/old.gloss"), "# an earlier session\n", "the earlier file is intact")
        let export = try runAsNobody("load harbor.txt\nexport json out.json\n", in: directory.url, state: state)
        XCTAssertTrue(export.stderr.contains("cannot write") && export.stderr.contains("out.json"), export.stderr)
    }

    /// A full disk (a 256 KB tmpfs): exports fail with a clear error and the old file survives; the
    /// journal warns that commands are no longer protected, and the session goes on.
    func testFullDisk() throws {
        let directory = try TemporaryDirectory()
        let disk = directory.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.path]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            throw XCTSkip("cannot mount a small tmpfs here (needs root and mount rights)")
        }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [disk.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        try directory.write("harbor.txt", try sample())
        let first = try GlossProcess.commands("load harbor.txt\nexport json disk/workspace.json\n", in: directory.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try directory.read("disk/workspace.json")
        // Fill the disk.
        let filler = disk.appendingPathComponent("filler")
        _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(repeating: 0x61, count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
        let second = try GlossProcess.commands(
            "load harbor.txt\ntag s1.p1 new\nexport json disk/workspace.json --force\n", in: directory.url)
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(
            second.stderr.contains("cannot write") && second.stderr.contains("the disk is full; nothing was changed"),
            second.stderr)
        XCTAssertEqual(try directory.read("disk/workspace.json"), before, "the earlier export is intact")
        // A journal on the full disk: each command warns, and the session goes on.
        let journaled = try GlossProcess.run(
            [], stdin: "load harbor.txt\ntag s1.p1 x\ntags\n", in: directory.url,
            environment: ["XDG_STATE_HOME": disk.appendingPathComponent("state").path])
        XCTAssertTrue(journaled.stdout.contains("x  1  1"), journaled.stdout)
        XCTAssertTrue(
            journaled.stderr.contains("journal")
                && (journaled.stderr.contains("the disk is full") || journaled.stderr.contains("No space")),
            journaled.stderr)
    }
}
