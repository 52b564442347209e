import Foundation

/// Exports and reports.
enum ExportCommands {
    static let all: [CommandSpec] = [export]

    /// The formats `export` writes, with what each is for.
    static var formats: [(name: String, summary: String)] { ExportFormats.all.map { ($0.name, $0.summary) } }

    static let export = CommandSpec(
        "export", group: .exports, effect: .readOnly,
        summary: "Write the workspace or a report to a file (or - for the screen)",
        discussion: """
            Formats: \(formats.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")). \
            An existing file is kept unless --force is given; the write is atomic.
            """,
        arguments: [
            ArgumentSpec("FORMAT", .choice(formats.map(\.name)), help: formats.map(\.name).joined(separator: ", ")),
            ArgumentSpec("PATH", .path, help: "the file to write, or - to print"),
        ],
        options: [
            OptionSpec("view", help: "only what is in the working view"),
            OptionSpec("force", help: "overwrite an existing file"),
        ],
        examples: [
            .init("export json workspace.json", "everything, for other programs"),
            .init("export json -", "print it"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        let formatWord = invocation.word("FORMAT")!
        let format = formatWord.text.lowercased()
        guard let exporter = ExportFormats.named(format) else {
            throw GlossError("unknown export format '\(formatWord.text)' (formats: \(formats.map(\.name).joined(separator: ", ")))\(Suggestion.phrase(for: format, among: formats.map(\.name)))", column: formatWord.column)
        }
        let target = invocation.word("PATH")!.text
        let path = SessionScript.absolute(target, base: session.baseDirectory)
        let directory = target == "-" ? FileManager.default.currentDirectoryPath : (path as NSString).deletingLastPathComponent
        let context = ExportContext(session: session, viewOnly: invocation.flag("view"), destinationDirectory: directory)
        let content = try exporter.export(context)
        if target == "-" {
            invocation.output.raw(String(decoding: content, as: UTF8.self))
            return
        }
        try session.checkWritable(path, shownAs: target)
        try AtomicFile.write(content, to: path, overwrite: invocation.flag("force"))
        invocation.line(StyledText("wrote \(format) to ", .faint) + StyledText(target, .strong))
    }
}
