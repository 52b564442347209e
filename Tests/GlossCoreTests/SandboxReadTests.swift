import Foundation
import XCTest

@testable import GlossCore

/// A script's reads of many files (a folder load) are checked folder by folder; what they find outside
/// the readable folders must be what checking each file on its own finds.
final class SandboxReadTests: XCTestCase {
    private var top = ""

    override func setUpWithError() throws {
        top =
            FileManager.default.temporaryDirectory.appendingPathComponent("gloss-sandbox-reads-\(UUID().uuidString)")
            .path
        for folder in ["inside/a", "inside/a/b", "outside/c", "outside/d"] {
            try FileManager.default.createDirectory(atPath: top + "/" + folder, withIntermediateDirectories: true)
            for file in 0..<3 {
                try "text".write(toFile: "\(top)/\(folder)/f\(file).txt", atomically: false, encoding: .utf8)
            }
        }
        // Links inside the tree: a file and a folder leading out, a file leading to another inside.
        try FileManager.default.createSymbolicLink(
            atPath: top + "/inside/a/out.txt", withDestinationPath: top + "/outside/c/f0.txt")
        try FileManager.default.createSymbolicLink(
            atPath: top + "/inside/linked", withDestinationPath: top + "/outside/d")
        try FileManager.default.createSymbolicLink(
            atPath: top + "/inside/a/in.txt", withDestinationPath: top + "/inside/a/b/f1.txt")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: top)
    }

    func testFolderByFolderFindsWhatFileByFileFinds() throws {
        let paths = [
            "inside/a/f0.txt", "inside/a/f1.txt", "inside/a/out.txt", "inside/a/in.txt", "inside/a/b/f2.txt",
            "inside/linked/f0.txt", "inside/linked/f2.txt", "inside/a/../a/b/f0.txt", "inside//a/f2.txt",
            "outside/c/f1.txt", "outside/c/f2.txt", "outside/d/f1.txt", "outside/c/missing.txt", "inside/a/b/f0.txt",
        ].map { top + "/" + $0 }
        // The file argument outside is readable on its own, its folder's other files are not.
        let roots = [top + "/inside", top + "/outside/d/f1.txt"]
        var together = ScriptSandbox(writableRoots: [top], readableRoots: roots)
        try together.checkReads(paths.map { ($0, $0) })
        var oneByOne = ScriptSandbox(writableRoots: [top], readableRoots: roots)
        for path in paths { try oneByOne.checkRead(path, shownAs: path) }
        XCTAssertEqual(together.outsideReads, oneByOne.outsideReads)
        let real = try XCTUnwrap(RealPath.resolve(top))
        XCTAssertEqual(
            together.outsideReads,
            [
                "\(real)/outside/c/f0.txt", "\(real)/outside/d/f0.txt", "\(real)/outside/d/f2.txt",
                "\(real)/outside/c/f1.txt", "\(real)/outside/c/f2.txt",
            ])
        var strict = ScriptSandbox(writableRoots: [top], readableRoots: roots, strict: true)
        XCTAssertThrowsError(try strict.checkReads([(paths[2], "inside/a/out.txt")])) { error in
            XCTAssertTrue((error as? GlossError)?.message.contains("may not read inside/a/out.txt") == true, "\(error)")
        }
    }

    /// The folder and name cut at the last slash lead where Foundation's path rules lead.
    func testFolderAndNameAgreeWithFoundation() {
        // Equal up to the slashes Foundation folds (the folder is only ever resolved).
        func folded(_ path: String) -> String {
            var path = path
            while path.contains("//") { path = path.replacingOccurrences(of: "//", with: "/") }
            return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        }
        for path in [
            "/a/b/c.txt", "/c.txt", "c.txt", "a/b.md", "/a//b/c.txt", "/a/b/", "/a/./b/../c.txt", "/", "", "/a/b//c",
            "//c",
        ] {
            let (folder, name) = ScriptSandbox.folderAndName(of: path)
            let nsFolder = (path as NSString).deletingLastPathComponent
            XCTAssertEqual(String(name), (path as NSString).lastPathComponent, path)
            XCTAssertEqual(folded(String(folder)), nsFolder, path)
        }
    }
}
