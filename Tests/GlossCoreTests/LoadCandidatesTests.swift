import Foundation
import XCTest

@testable import GlossCore

/// `load`'s arguments are expanded at once and joined without hashing when no two can name the same
/// file; the result must be what expanding them one by one, each file kept where first met, gives.
final class LoadCandidatesTests: XCTestCase {
    func testArgumentsExpandAsOneByOneWithRepeatsDropped() throws {
        let manager = FileManager.default
        let top = manager.temporaryDirectory.appendingPathComponent("gloss-args-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: top) }
        for folder in ["a/b", "c", "a-2"] {
            try manager.createDirectory(atPath: top + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["a/x.txt", "a/b/y.md", "a/b/z.txt", "c/w.txt", "a-2/v.txt", "top.txt"] {
            try "\(file)\n".write(toFile: top + "/" + file, atomically: false, encoding: .utf8)
        }
        let arguments = [
            "a", "a/b", "a/b/y.md", "c", "c/", "a-2", "top.txt", "*.txt", "{a,a}", "a/../c", top + "/a", "a/b/*.txt",
            "missing.txt", "nothing*",
        ]
        var random = ReferenceRandom(seed: 11)
        for round in 0..<300 {
            let picked = (0..<(1 + random.next(5))).map { _ in arguments[random.next(arguments.count)] }
            let expected = Result { () throws(GlossError) -> [String] in
                var seen: Set<String> = []
                var paths: [String] = []
                for argument in picked {
                    for candidate in try DocumentLoader.expand(argument, baseDirectory: top, readers: .standard)
                    where seen.insert(candidate.path).inserted {
                        paths.append(candidate.displayName + " " + candidate.path)
                    }
                }
                return paths
            }
            let found = Result { () throws(GlossError) -> [String] in
                try DocumentLoader.candidates(for: picked, baseDirectory: top).map { $0.displayName + " " + $0.path }
            }
            switch (expected, found) {
            case (.success(let expected), .success(let found)):
                XCTAssertEqual(found, expected, "round \(round): \(picked)")
            case (.failure(let expected), .failure(let found)):
                XCTAssertEqual(found.message, expected.message, "round \(round): \(picked)")
            default:
                XCTFail("round \(round): \(picked): \(found) instead of \(expected)")
            }
        }
    }
}
