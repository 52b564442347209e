/// Bringing work from other tools into the workspace.
enum ImportCommands {
    static let all: [CommandSpec] = [tagsImport]

    static let tagsImport = CommandSpec(
        "tags import", group: .coding, effect: .mutating,
        summary: "Add the codes of a REFI-QDA codebook (.qdc, or a .qdpx project's) to the codebook",
        discussion: """
            Reads a codebook written by gloss (export qdc), NVivo, ATLAS.ti, MAXQDA, QualCoder or any \
            REFI-QDA tool. Nested codes become tag paths (a code russia inside actor is actor/russia; \
            a '/' inside a name becomes '-'), with their descriptions and #rrggbb colours. Nothing is \
            removed: new tags are added, and existing tags only get a description or colour when they \
            have none, unless --overwrite. One undo takes the whole import back.
            """,
        arguments: [ArgumentSpec("FILE", .path, help: "a .qdc codebook or .qdpx project")],
        options: [
            OptionSpec(
                "overwrite", help: "replace the descriptions and colours of existing tags with the imported ones")
        ],
        examples: [
            .init("tags import codebook.qdc", "add another tool's codebook"),
            .init("tags import team.qdpx --overwrite", "take the project's definitions and colours"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        let word = invocation.word("FILE")!
        let path = SessionScript.absolute(word.text, base: session.baseDirectory)
        let overwrite = invocation.flag("overwrite")
        do throws(GlossError) { try session.checkRead(path, shownAs: word.text) } catch {
            throw GlossError(error.message, column: word.column)
        }
        let codes = try CodebookReader.read(path, shownAs: word.text)
        let summary: Workspace.CodebookImportSummary
        do throws(GlossError) {
            summary = try invocation.workspace.importCodebook(codes, overwrite: overwrite, in: &invocation.transaction)
        } catch {
            throw GlossError("\(word.text): \(error.message)")
        }
        // Saved with the absolute path: a journal or script replays it from any folder.
        invocation.recording.canonicalLine =
            "tags import \(CommandLineTokenizer.quote(path))" + (overwrite ? " --overwrite" : "")
        let total = summary.codes
        var parts = ["\(summary.added) new"]
        if summary.updated > 0 { parts.append("\(summary.updated) given a description or colour") }
        if summary.unchanged > 0 { parts.append("\(summary.unchanged) already there") }
        invocation.status(
            StyledText("imported \(Counted.phrase(total, "code")) from ", .faint) + StyledText(word.text, .strong)
                + StyledText(": " + parts.joined(separator: ", "), .faint))
        if summary.kept > 0 {
            invocation.status(
                StyledText(
                    "\(Counted.phrase(summary.kept, "tag")) kept \(summary.kept == 1 ? "its" : "their") own description or colour (--overwrite replaces them)",
                    .faint))
        }
    }
}
