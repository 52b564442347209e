import Foundation
import XCTest
import ZIPFoundation

@testable import GlossCore

/// Shared by the REFI-QDA tests: a scratch folder, the shipped REFI-QDA schemas, schema validation
/// with xmllint, and reading what an export wrote.
enum REFIQDASupport {
    /// A fresh folder under the system temporary directory; removed by the caller's `addTeardownBlock`.
    static func scratchDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-refi-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// `Codebook.xsd` or `Project.xsd` (see the provenance comment at the top of each).
    static func schema(_ name: String) throws -> URL {
        try XCTUnwrap(
            Bundle.module.url(forResource: name, withExtension: "xsd", subdirectory: "Fixtures/REFI-QDA"),
            "missing schema Fixtures/REFI-QDA/\(name).xsd")
    }

    static var xmllint: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"])
            .map { URL(fileURLWithPath: $0).appendingPathComponent("xmllint") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Fails (never skips) when xmllint is missing, so a machine without it cannot pass silently.
    static func assertValid(
        _ file: URL, against schemaName: String, file source: StaticString = #filePath, line: UInt = #line
    ) throws {
        guard let xmllint else {
            XCTFail(
                "xmllint not found: run scripts/setup, which installs libxml2-utils, to validate REFI-QDA exports",
                file: source, line: line)
            return
        }
        let process = Process()
        process.executableURL = xmllint
        process.arguments = ["--noout", "--schema", try schema(schemaName).path, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(
            process.terminationStatus, 0,
            "\(file.lastPathComponent) is not valid against \(schemaName).xsd:\n\(message)",
            file: source, line: line)
    }

    /// The entries of a `.qdpx` archive, by path.
    static func entries(of archiveURL: URL) throws -> [String: Data] {
        let archive = try Archive(url: archiveURL, accessMode: .read)
        var entries: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries[entry.path] = data
        }
        return entries
    }

    /// Exports in `format` to `name` inside `directory` and returns the file.
    @discardableResult
    static func export(_ format: String, to name: String, in directory: URL, session: Session) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try TestSession.run("export \(format) \(CommandLineTokenizer.quote(url.path))", in: session)
        return url
    }

    /// The shared sample session, replayed: one article, a 13-tag codebook, codings, two marks, notes.
    static func harborSession(base: URL) throws -> Session {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let session = Session(baseDirectory: base.path)
        session.frontEnd.terminalWidth = 100
        try TestSession.run(
            "replay \(CommandLineTokenizer.quote(repository.appendingPathComponent("sessions/code-harbor.gloss").path)) --quiet",
            in: session)
        return session
    }
}
