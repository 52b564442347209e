import Foundation
import XCTest

@testable import GlossCore

/// The parallel folder walk against a plain depth-first walk with one visited set, on random trees with
/// symlinks to ancestors (loops), to folders of other branches (the same folder by two paths) and to
/// files.
final class FolderWalkTests: XCTestCase {
    func testParallelWalkListsWhatASingleWalkLists() throws {
        for seed in 1...40 {
            var random = ReferenceRandom(seed: UInt64(seed))
            let top = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-walk-\(UUID().uuidString)")
                .path
            defer { try? FileManager.default.removeItem(atPath: top) }
            try Self.makeTree(at: top, random: &random)
            var visited: Set<[UInt64]> = []
            var expected: [String] = []
            Self.referenceWalk(top, shown: "corpus", visited: &visited, into: &expected)
            let listed = FolderWalk.files(under: top, shownAs: "corpus").map(\.displayName)
            XCTAssertEqual(listed, expected, "seed \(seed)")
        }
    }

    /// A big flat folder (its stats shared between the cores), with what readdir's entry types must
    /// not be trusted for alone: symlinks to files and folders, a dangling one, a folder and a FIFO
    /// named like articles.
    func testABigFlatFolderListsWhatASingleWalkLists() throws {
        let manager = FileManager.default
        let top = manager.temporaryDirectory.appendingPathComponent("gloss-flat-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: top) }
        try manager.createDirectory(atPath: top + "/folder.txt/inner", withIntermediateDirectories: true)
        try "inside\n".write(toFile: top + "/folder.txt/inner/a.md", atomically: false, encoding: .utf8)
        for file in 0..<700 {
            let name = file % 7 == 0 ? "n\(file).pdf" : file % 3 == 0 ? "m\(file).MD" : "t\(file).txt"
            try String(repeating: "x", count: file).write(toFile: top + "/" + name, atomically: false, encoding: .utf8)
        }
        try manager.createSymbolicLink(atPath: top + "/link-to-file.txt", withDestinationPath: top + "/t1.txt")
        try manager.createSymbolicLink(atPath: top + "/link-to-folder", withDestinationPath: top + "/folder.txt")
        // A folder reached only through a symlink.
        let outside = top + "-outside"
        defer { try? manager.removeItem(atPath: outside) }
        try manager.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "outside\n".write(toFile: outside + "/o.txt", atomically: false, encoding: .utf8)
        try manager.createSymbolicLink(atPath: top + "/zz-link-outside", withDestinationPath: outside)
        try manager.createSymbolicLink(atPath: top + "/dead.txt", withDestinationPath: top + "/nothing-here")
        XCTAssertEqual(mkfifo(top + "/pipe.txt", 0o600), 0)

        var visited: Set<[UInt64]> = []
        var expected: [String] = []
        Self.referenceWalk(top, shown: "corpus", visited: &visited, into: &expected)
        let listed = FolderWalk.files(under: top, shownAs: "corpus")
        XCTAssertEqual(listed.map(\.displayName), expected)
        XCTAssertGreaterThan(listed.count, 600)
        XCTAssertTrue(expected.contains("corpus/zz-link-outside/o.txt"))
        // Shown as its own path (a folder named absolutely), each file shows as its path.
        var visitedAgain: Set<[UInt64]> = []
        var expectedAsPaths: [String] = []
        Self.referenceWalk(top, shown: top, visited: &visitedAgain, into: &expectedAsPaths)
        let listedAsPaths = FolderWalk.files(under: top, shownAs: top)
        XCTAssertEqual(listedAsPaths.map(\.displayName), expectedAsPaths)
        XCTAssertEqual(listedAsPaths.map(\.displayName), listedAsPaths.map(\.path))
        for candidate in listed {
            var info = stat()
            XCTAssertEqual(stat(candidate.path, &info), 0, candidate.displayName)
            XCTAssertEqual(candidate.isKnownRegular, info.st_mode & S_IFMT == S_IFREG, candidate.displayName)
        }
    }

    private static func makeTree(at top: String, random: inout ReferenceRandom) throws {
        let manager = FileManager.default
        var folders = [top]
        var index = 0
        while index < folders.count, folders.count < 14 {
            let folder = folders[index]
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for file in 0..<random.next(6) {
                let names = [
                    "a\(file).txt", "b\(file).md", "c\(file).markdown", "d\(file).pdf", ".hidden\(file).txt",
                    "E\(file).TXT", "f\(file).Md", "g\(file)md", "h\(file).txt.bak", "i\(file)..md",
                ]
                let name = names[random.next(names.count)]
                try "Text \(file)\n".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
            }
            for sub in 0..<random.next(index == 0 ? 5 : 3) { folders.append(folder + "/sub\(sub)") }
            index += 1
        }
        for folder in folders where !manager.fileExists(atPath: folder) {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        // Symlinks: to any folder (an ancestor makes a loop, another branch a second path) or to a file.
        for link in 0..<random.next(6) {
            let from = folders[random.next(folders.count)]
            let target = folders[random.next(folders.count)]
            let name = random.next(4) == 0 ? "link\(link).txt" : "link\(link)"
            try? manager.createSymbolicLink(atPath: from + "/" + name, withDestinationPath: target)
        }
    }

    /// The walk as it was before it went parallel: depth first, one visited set for the whole tree.
    private static func referenceWalk(
        _ path: String, shown: String, visited: inout Set<[UInt64]>, into files: inout [String]
    ) {
        var info = stat()
        guard stat(path, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted,
            let names = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return }
        for name in names.filter({ !$0.hasPrefix(".") }).sorted() {
            let child = path + "/" + name
            var childInfo = stat()
            guard stat(child, &childInfo) == 0 else { continue }
            if childInfo.st_mode & S_IFMT == S_IFDIR {
                referenceWalk(child, shown: shown + "/" + name, visited: &visited, into: &files)
            } else if DocumentLoader.articleExtensions.contains((name as NSString).pathExtension.lowercased()) {
                files.append(shown + "/" + name)
            }
        }
    }
}
