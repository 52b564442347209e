import XCTest

@testable import GlossCore

/// The registry is the single source of help: every command documented, and the README in step.
final class RegistryTests: XCTestCase {
    let registry = CommandRegistry.standard

    func testEveryCommandHasHelpAndExamples() {
        for spec in registry.commands {
            XCTAssertFalse(spec.summary.isEmpty, spec.name)
            XCTAssertFalse(spec.examples.isEmpty, "\(spec.name) has no example")
            for example in spec.examples {
                XCTAssertTrue(
                    example.command.hasPrefix(spec.name) || spec.aliases.contains { example.command.hasPrefix($0) },
                    "example '\(example.command)' of \(spec.name) does not use it")
                XCTAssertFalse(example.explanation.isEmpty)
            }
            for argument in spec.arguments { XCTAssertFalse(argument.help.isEmpty, "\(spec.name) \(argument.name)") }
            for option in spec.options { XCTAssertFalse(option.help.isEmpty, "\(spec.name) --\(option.name)") }
        }
    }

    func testExamplesParse() {
        let session = Session()
        let parser = CommandParser(registry: registry)
        for spec in registry.commands {
            for example in spec.examples {
                do {
                    let (found, nameEnd) = try parser.command(for: example.command)
                    XCTAssertEqual(found.name, spec.name, example.command)
                    var invocation = CommandInvocation(
                        spec: found, context: session, output: OutputBuilder(width: 80, color: false))
                    try parser.parse(example.command, into: &invocation, nameEnd: nameEnd)
                } catch {
                    XCTFail("example '\(example.command)' does not parse: \(error)")
                }
            }
        }
    }

    func testHelpRendersForEveryCommandAndTopic() throws {
        let session = Session()
        for spec in registry.commands {
            let output = try TestSession.run("help \(spec.name)", in: session)
            XCTAssertTrue(output.hasPrefix("usage: \(spec.name)"), output)
            XCTAssertTrue(output.contains("Examples"), output)
        }
        for topic in HelpTopics.names {
            XCTAssertFalse(try TestSession.run("help \(topic)", in: session).isEmpty)
        }
        XCTAssertEqual(
            TestSession.failure("help fnd", in: session)?.message,
            "no help for 'fnd'; did you mean 'find'? (type 'help' for the list)")
    }

    func testReadmeReferenceListsExactlyTheRegisteredCommands() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let reference = try XCTUnwrap(
            text.components(separatedBy: "## Command reference").last?.components(separatedBy: "\n## ").first)
        var documented: [String] = []
        for line in reference.split(separator: "\n") where line.hasPrefix("- `") {
            let synopsis = line.dropFirst(3).prefix { $0 != "`" }
            let words = synopsis.split(separator: " ").prefix { word in word.first!.isLowercase }
            documented.append(words.joined(separator: " "))
        }
        XCTAssertEqual(documented.sorted(), registry.commands.map(\.name).sorted())
        for spec in registry.commands {
            XCTAssertTrue(
                reference.contains("- `\(spec.synopsis)` — \(spec.summary)"),
                "README entry of \(spec.name) is out of date")
        }
    }

    /// The README's table of export formats lists exactly the formats `export` knows.
    func testReadmeExportTableListsExactlyTheFormats() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try XCTUnwrap(
            text.components(separatedBy: "\n## Exports and reports\n").dropFirst().first?.components(
                separatedBy: "\n## "
            ).first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }.map {
            $0.dropFirst(3).prefix { $0 != "`" }
        }.map(String.init)
        XCTAssertEqual(rows, ExportFormats.all.map { $0.name })
    }

    func testUnknownCommandsAndOptionsSuggest() {
        let session = Session()
        XCTAssertEqual(
            TestSession.failure("fnd barrier", in: session)?.message,
            "unknown command 'fnd'; did you mean 'find'? (type 'help' for the list)")
        XCTAssertEqual(
            TestSession.failure("tags renme a b", in: session)?.message.contains("did you mean 'rename'?"), true)
        XCTAssertEqual(
            TestSession.failure("docs --jsn", in: session)?.message,
            "unknown option '--jsn' for docs (options: --json); did you mean '--json'?")
    }
}
