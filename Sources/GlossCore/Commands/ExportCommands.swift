import Foundation

/// Exports and reports.
enum ExportCommands {
    static let all: [CommandSpec] = [export, compare]

    /// The formats `export` writes, with what each is for.
    static var formats: [(name: String, summary: String)] { ExportFormats.all.map { ($0.name, $0.summary) } }

    static let export = CommandSpec(
        "export", group: .exports, effect: .meta,
        summary: "Write the workspace or a report to a file (or - for the screen)",
        discussion: """
            Formats: \(formats.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")). \
            An existing file is kept unless --force is given; the write is atomic. Printed with -, control \
            characters of the documents are shown escaped (\\e, \\x07…); a file keeps every byte. Exports are not part \
            of a saved session (replaying one never writes files again).
            """,
        arguments: [
            ArgumentSpec("FORMAT", .choice(formats.map(\.name)), help: formats.map(\.name).joined(separator: ", ")),
            ArgumentSpec("PATH", .path, help: "the file to write, or - to print"),
        ],
        options: [
            OptionSpec("view", help: "only what is in the working view"),
            OptionSpec("force", help: "overwrite an existing file"),
            OptionSpec(
                "rows", value: "ROWS", kind: .choice(["elements", "coding"]),
                help:
                    "csv only: elements (one row per coded or noted element or mark, the default) or coding (one row per tag applied)"
            ),
            OptionSpec("all", help: "md and html only: add every document's full text after the coded segments"),
        ],
        examples: [
            .init("export json workspace.json", "everything, for other programs"),
            .init("export json -", "print it"),
            .init("export csv coding.csv --rows coding", "one row per tag applied, for a pivot table"),
            .init("export html report.html --all", "coded segments by tag, then every document in full"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        let formatWord = invocation.word("FORMAT")!
        let format = formatWord.text.lowercased()
        guard let exporter = ExportFormats.named(format) else {
            throw GlossError(
                "unknown export format '\(formatWord.text)' (formats: \(formats.map(\.name).joined(separator: ", ")))\(Suggestion.phrase(for: format, among: formats.map(\.name)))",
                column: formatWord.column)
        }
        let target = invocation.word("PATH")!.text
        if target == "-" && exporter.isBinary {
            throw GlossError(
                "\(format) is a ZIP archive: give a file name, not -", column: invocation.word("PATH")!.column)
        }
        let path = SessionScript.absolute(target, base: session.baseDirectory)
        let directory =
            target == "-" ? FileManager.default.currentDirectoryPath : (path as NSString).deletingLastPathComponent
        let rows = invocation.choice("rows")
        if rows != nil, format != CSVExporter.name {
            throw GlossError("--rows applies to csv only", column: invocation.word("FORMAT")!.column)
        }
        let includesDocuments = invocation.flag("all")
        if includesDocuments, format != MarkdownReportExporter.name, format != HTMLReportExporter.name {
            throw GlossError("--all applies to the md and html reports only", column: invocation.word("FORMAT")!.column)
        }
        let context = ExportContext(
            session: session, viewOnly: invocation.flag("view"), destinationDirectory: directory,
            rowPerCoding: rows == "coding", includesDocuments: includesDocuments)
        let content = try exporter.export(context)
        if target == "-" {
            // What reaches a terminal never carries the documents' control characters; a file keeps them.
            invocation.output.raw(TerminalSafe.escapeData(String(decoding: content, as: UTF8.self)))
            return
        }
        try AtomicFile.write(
            content, to: path, overwrite: session.mayOverwrite(invocation),
            mayWriteInto: session.writeCheck(shownAs: target))
        invocation.status(StyledText("wrote \(format) to ", .faint) + StyledText(target, .strong))
    }

    static let compare = CommandSpec(
        "compare", group: .exports, effect: .readOnly,
        summary: "Coder agreement with another analyst's session: percent agreement and Cohen's kappa per tag",
        discussion: """
            Replays OTHER.gloss in a sandbox (it cannot write files and does not touch this session), then \
            compares the coding of the documents both sessions loaded, matched by document id. The unit \
            of agreement is the element: each passage, FAQ entry and key point. A unit carries a tag when \
            it is tagged directly, through its section or document, or through a mark inside it. With \
            --tag, tags below TAG count as TAG. Kappa is shown as — when it is undefined (a tag used \
            everywhere or nowhere by both). The disagreements list who coded what.
            """,
        arguments: [ArgumentSpec("OTHER", .path, help: "the other analyst's saved session")],
        options: [
            OptionSpec("tag", value: "TAG", kind: .tag, help: "compare one tag (with the tags below it)"),
            OptionSpec("json", help: "print JSON"),
        ],
        examples: [
            .init("compare sessions/second-coder.gloss", "agreement on every tag"),
            .init("compare ana.gloss --tag actor", "agreement on actor and the tags below it"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        let word = invocation.word("OTHER")!
        let path = SessionScript.absolute(word.text, base: session.baseDirectory)
        try session.checkRead(path, shownAs: word.text)
        let folder = (path as NSString).deletingLastPathComponent
        let sandbox = Session(readers: session.readers, baseDirectory: folder, cancel: session.cancel)
        sandbox.isScript = true
        sandbox.sandbox = ScriptSandbox(
            writableRoots: [], readableRoots: [folder],
            strict: session.sandboxApplies && session.sandbox?.strict == true)
        let replay = sandbox.execute("replay --quiet " + CommandLineTokenizer.quote(path))
        if var error = replay.error {
            error.message = "replaying \(word.text): " + error.message
            error.column = word.column
            throw error
        }
        let agreement = try CoderAgreement(
            mine: session.workspace, theirs: sandbox.workspace, tag: invocation.option("tag"))
        func number(_ value: Double?) -> JSONValue { value.map { .double(($0 * 1000).rounded() / 1000) } ?? .null }
        if invocation.flag("json") {
            invocation.output.raw(
                JSONValue.object([
                    ("units", .int(agreement.unitCount)),
                    (
                        "tags",
                        .array(
                            agreement.tags.map { tag, table in
                                .object([
                                    ("tag", .string(tag)), ("both", .int(table.both)),
                                    ("mineOnly", .int(table.mineOnly)),
                                    ("theirsOnly", .int(table.theirsOnly)), ("neither", .int(table.neither)),
                                    ("agreement", number(table.percentAgreement)), ("kappa", number(table.kappa)),
                                ])
                            })
                    ),
                    (
                        "overall",
                        .object([
                            ("agreement", number(agreement.overall.percentAgreement)),
                            ("kappa", number(agreement.overall.kappa)),
                        ])
                    ),
                    (
                        "disagreements",
                        .array(
                            agreement.disagreements.map {
                                .object([
                                    ("unit", .string($0.unit)), ("tag", .string($0.tag)),
                                    ("codedBy", .string($0.mine ? "this session" : word.text)),
                                ])
                            })
                    ),
                ]).serialized())
            return
        }
        func percent(_ value: Double) -> String { String(format: "%5.1f%%", value * 100) }
        func kappa(_ value: Double?) -> String { value.map { String(format: "%6.3f", $0) } ?? "     —" }
        let width = max(7, agreement.tags.map { DisplayWidth.of($0.path) }.max() ?? 0)
        invocation.line(
            StyledText(
                "\(Counted.phrase(agreement.unitCount, "unit")) (passages, FAQ entries, key points) · this session vs \(word.text)",
                .faint))
        invocation.line(
            StyledText(
                DisplayWidth.pad("tag", to: width) + "   both  mine  theirs  neither   agreement   kappa", .strong))
        for (tag, table) in agreement.tags {
            invocation.line(
                StyledText(DisplayWidth.pad(tag, to: width), .tag)
                    + StyledText(
                        String(format: " %6d %5d %7d %8d", table.both, table.mineOnly, table.theirsOnly, table.neither)
                            + "      " + percent(table.percentAgreement) + "  " + kappa(table.kappa)))
        }
        let overall = agreement.overall
        invocation.line(
            StyledText(DisplayWidth.pad("overall", to: width), .strong)
                + StyledText(
                    String(
                        format: " %6d %5d %7d %8d", overall.both, overall.mineOnly, overall.theirsOnly, overall.neither)
                        + "      " + percent(overall.percentAgreement) + "  " + kappa(overall.kappa)))
        if !agreement.disagreements.isEmpty {
            invocation.line()
            invocation.line(StyledText("Disagreements", .heading))
            for disagreement in agreement.disagreements {
                invocation.line(
                    StyledText("  " + disagreement.unit, .address) + StyledText("  [\(disagreement.tag)] ", .tag)
                        + StyledText(disagreement.mine ? "only this session" : "only \(word.text)", .faint))
            }
        }
    }
}
