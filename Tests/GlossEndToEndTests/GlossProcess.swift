import Foundation
import XCTest

/// Runs the built `gloss` binary as a user would, in a temporary directory, and captures its output.
struct GlossProcess {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The `gloss` executable next to the test bundle (`swift build` puts both in the same folder).
    static var binary: URL {
        get throws {
            if let override = ProcessInfo.processInfo.environment["GLOSS_BINARY"] {
                return URL(fileURLWithPath: override)
            }
            // On Linux the test bundle is an executable in the build folder, beside `gloss`.
            let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            var directory = bundle.deletingLastPathComponent()
            for _ in 0..<3 {
                let candidate = directory.appendingPathComponent("gloss")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
            throw XCTSkip("gloss binary not built; run `swift build` first (scripts/test does)")
        }
    }

    /// Sanitizer settings of the test run, passed on to every child gloss (scripts/sanitize sets them),
    /// on top of the clean environment each test builds.
    static var sanitizerEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter {
            ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS"].contains($0.key)
        }
    }

    /// The repository root, for the shipped sample articles and sessions.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var samples: URL { repositoryRoot.appendingPathComponent("sessions/articles") }

    /// Runs gloss with arguments and standard input, in `directory`, with a clean environment.
    static func run(
        _ arguments: [String], stdin: String = "", in directory: URL? = nil,
        environment extra: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        let home = directory ?? FileManager.default.temporaryDirectory
        var environment = [
            "PATH": "/usr/bin:/bin", "HOME": home.path, "LANG": "C.UTF-8",
            "XDG_STATE_HOME": home.appendingPathComponent(".state").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
        ]
        environment.merge(extra) { $1 }
        environment.merge(sanitizerEnvironment) { $1 }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Result(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Runs commands piped on standard input against the given files.
    static func commands(_ script: String, files: [String] = [], in directory: URL? = nil) throws -> Result {
        try run(files, stdin: script, in: directory)
    }
}

/// A scratch directory removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }
}
