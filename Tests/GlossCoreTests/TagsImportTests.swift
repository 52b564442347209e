import Foundation
import XCTest
import ZIPFoundation

@testable import GlossCore

/// `tags import`: REFI-QDA codebooks from gloss and other tools into the codebook, with the merge
/// policy (fill in, never overwrite unless asked), undo, and one-line errors that point.
final class TagsImportTests: XCTestCase {
    private func codebook(of session: Session) -> [String: (description: String?, hex: String?)] {
        Dictionary(
            uniqueKeysWithValues: session.workspace.annotations.tags.values.map {
                ($0.path, ($0.description, $0.color.flatMap(TerminalColor.hex(for:))))
            })
    }

    func testRoundTripThroughQDCKeepsPathsDescriptionsAndColours() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let source = try REFIQDASupport.harborSession(base: directory)
        try TestSession.run("tags describe \"actor/фракция café\" \"Депутаты & <partis>\"", in: source)
        try TestSession.run("tags color stake #1a2B3c", in: source)
        let file = try REFIQDASupport.export("qdc", to: "book.qdc", in: directory, session: source)

        let fresh = TestSession.make([])
        fresh.frontEnd.terminalWidth = 1000  // no wrapping of the long temporary path
        let output = try TestSession.run("tags import \(file.path)", in: fresh)
        XCTAssertEqual(output, "imported 14 codes from \(file.path): 14 new\n")
        let expected = codebook(of: source)
        let imported = codebook(of: fresh)
        XCTAssertEqual(Set(imported.keys), Set(expected.keys))
        for (path, tag) in expected {
            XCTAssertEqual(imported[path]?.description, tag.description, path)
            XCTAssertEqual(imported[path]?.hex, tag.hex, path)
        }
        XCTAssertEqual(
            fresh.workspace.annotations.tag("actor/fleet")?.color, "#e67e22", "a named colour comes back as its #rrggbb"
        )
    }

    func testRoundTripThroughQDPXReadsTheProjectsCodebook() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let source = try REFIQDASupport.harborSession(base: directory)
        let file = try REFIQDASupport.export("qdpx", to: "harbor.qdpx", in: directory, session: source)
        let fresh = TestSession.make([])
        try TestSession.run("tags import \(file.path)", in: fresh)
        XCTAssertEqual(codebook(of: fresh).mapValues { "\($0)" }, codebook(of: source).mapValues { "\($0)" })
    }

    func testExistingTagsKeepTheirOwnDescriptionsAndColoursUnlessOverwrite() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let file = directory.appendingPathComponent("other.qdc")
        try """
        <?xml version="1.0" encoding="utf-8"?>
        <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other tool">
          <Codes>
            <Code guid="11111111-1111-1111-1111-111111111111" name="ACTOR" isCodable="true" color="#FF0000">
              <Description>Their definition</Description>
              <Code guid="22222222-2222-2222-2222-222222222222" name="Council" isCodable="true" color="#00F"/>
            </Code>
            <Code guid="33333333-3333-3333-3333-333333333333" name="cost" isCodable="false">
              <Description>Money</Description>
            </Code>
          </Codes>
        </CodeBook>
        """.write(to: file, atomically: true, encoding: .utf8)
        let session = TestSession.make([("a.txt", "One passage.\n")])
        session.frontEnd.terminalWidth = 1000  // no wrapping of the long temporary path
        try TestSession.run("tag s0.p1 actor/council", in: session)
        try TestSession.run("tags describe actor \"Our definition\"", in: session)
        let output = try TestSession.run("tags import \(file.path)", in: session)
        XCTAssertEqual(
            output,
            """
            imported 3 codes from \(file.path): 1 new, 2 given a description or colour
            1 tag kept its own description or colour (--overwrite replaces them)

            """)
        let tags = session.workspace.annotations
        XCTAssertEqual(tags.tag("actor")?.path, "actor", "existing tags keep their case")
        XCTAssertEqual(tags.tag("actor")?.description, "Our definition")
        XCTAssertEqual(tags.tag("actor")?.color, "#ff0000", "a missing colour is filled in")
        XCTAssertEqual(tags.tag("actor/council")?.color, "#0000ff", "#rgb is expanded")
        XCTAssertEqual(tags.tag("cost")?.description, "Money")
        XCTAssertEqual(tags.elementTags.count, 1, "codings are untouched")

        try TestSession.run("tags import \(file.path) --overwrite", in: session)
        XCTAssertEqual(session.workspace.annotations.tag("actor")?.description, "Their definition")
        try TestSession.run("undo", in: session)
        XCTAssertEqual(session.workspace.annotations.tag("actor")?.description, "Our definition")
        try TestSession.run("undo", in: session)
        XCTAssertEqual(
            session.workspace.annotations.tags.keys.sorted(), ["actor", "actor/council"],
            "one undo takes a whole import back")
        XCTAssertNil(session.workspace.annotations.tag("actor")?.color)
    }

    func testForeignProjectNamesSlashesControlsAndCDATA() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        // The shape MAXQDA and ATLAS.ti write: a project, codes in the project namespace, notes refs.
        let project = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="p" origin="ATLAS.ti">
              <CodeBook><Codes>
                <Code guid="11111111-1111-1111-1111-111111111111" name="Politics / Power" isCodable="true">
                  <Description><![CDATA[Who <decides>]]></Description>
                  <NoteRef targetGUID="44444444-4444-4444-4444-444444444444"/>
                  <Code guid="22222222-2222-2222-2222-222222222222" name="#tag&#9;one" isCodable="true"/>
                </Code>
                <Code guid="33333333-3333-3333-3333-333333333333" name="  " isCodable="true"/>
              </Codes></CodeBook>
              <Sources><TextSource guid="55555555-5555-5555-5555-555555555555" name="Code"/></Sources>
            </Project>
            """
        let archive = try Archive(url: directory.appendingPathComponent("atlas.qdpx"), accessMode: .create)
        let data = Data(project.utf8)
        try archive.addEntry(with: "project.qde", type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        let session = TestSession.make([])
        try TestSession.run("tags import \(directory.appendingPathComponent("atlas.qdpx").path)", in: session)
        let tags = session.workspace.annotations
        XCTAssertEqual(
            tags.tags.values.map(\.path).sorted(), ["Politics - Power", "Politics - Power/#tag one", "unnamed"])
        XCTAssertEqual(tags.tag("politics - power")?.description, "Who <decides>")
    }

    func testUnreadableAndMalformedFilesAreOneLineErrorsNamingFileAndLine() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        func write(_ name: String, _ text: String) throws -> String {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return name
        }
        let session = Session(baseDirectory: directory.path)
        let cases: [(file: String, message: String)] = [
            (
                try write(
                    "mismatch.qdc",
                    "<CodeBook>\n<Codes>\n<Code name=\"a\" guid=\"x\" isCodable=\"true\">\n</Codes>\n</CodeBook>\n"),
                "mismatch.qdc:4:9: not well-formed XML (end tag does not match the open element)"
            ),
            (
                try write("amp.qdc", "<CodeBook><Codes>\n<Code name=\"R & D\"/></Codes></CodeBook>"),
                "amp.qdc:2:16: not well-formed XML (name expected ('&' must be written &amp;))"
            ),
            (try write("text.qdc", "codes: actor, cost\n"), "text.qdc:1:1: not well-formed XML (no XML content)"),
            (
                try write("project.qdc", "<Project name=\"p\"><Sources/></Project>"),
                "project.qdc: not a REFI-QDA codebook or project (no <CodeBook> element)"
            ),
            (try write("empty.qdc", "<CodeBook><Codes/></CodeBook>"), "empty.qdc: the codebook has no codes"),
            (
                try write("broken.qdpx", "PK\u{3}\u{4} not really a zip"),
                "broken.qdpx: not a readable .qdpx archive (missingEndOfCentralDirectoryRecord)"
            ),
            ("missing.qdc", "missing.qdc: no such file or directory"),
        ]
        for (file, message) in cases {
            let error = TestSession.failure("tags import \(file)", in: session)
            XCTAssertEqual(error?.message, message, file)
            XCTAssertFalse(error?.message.contains("\n") ?? true)
        }
        XCTAssertTrue(session.workspace.annotations.tags.isEmpty, "a failed import changes nothing")
    }

    func testSavedLineNamesTheFileAbsolutely() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        try
            "<CodeBook><Codes><Code name=\"a\" guid=\"11111111-1111-1111-1111-111111111111\" isCodable=\"true\"/></Codes></CodeBook>"
            .write(to: directory.appendingPathComponent("book.qdc"), atomically: true, encoding: .utf8)
        let session = Session(baseDirectory: directory.path)
        try TestSession.run("tags import book.qdc --overwrite", in: session)
        XCTAssertEqual(
            session.history.last?.line,
            "tags import \(CommandLineTokenizer.quote(directory.appendingPathComponent("book.qdc").path)) --overwrite")
    }
}
