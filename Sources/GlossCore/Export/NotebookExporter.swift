import Foundation

/// `export notebook`: the session as a Markdown transcript — each command in a fenced `gloss` block
/// followed by what it printed — so it reads as a notebook; `gloss run` replays its `gloss` blocks.
enum NotebookExporter: WorkspaceExporter {
    static let name = "notebook"
    static let summary = "the session as a Markdown notebook: each command in a gloss block, then its output"

    static func export(_ context: ExportContext) throws(GlossError) -> [UInt8] {
        let session = context.session
        var lines = ["# gloss notebook", ""]
        let documents = context.documents.map { "`\(session.workspace.corpus.documents[$0].id)`" }.joined(
            separator: ", ")
        lines.append(
            "gloss \(GlossVersion.current) · \(ISO8601DateFormatter().string(from: context.date))\(documents.isEmpty ? "" : " · " + documents)"
        )
        lines.append("")
        lines.append("Replay with `gloss run` on this file: the `gloss` blocks are the commands.")
        for entry in SessionScript.savedEntries(session.history, stateOnly: false) {
            let commands = entry.line.split(separator: "\n").map { line in
                SessionScript.hasPaths(String(line))
                    ? SessionScript.relativizePaths(
                        String(line), from: session.baseDirectory, to: context.destinationDirectory) : String(line)
            }
            lines.append("")
            lines.append("```gloss")
            lines += commands
            lines.append("```")
            let output = entry.output.trimmingCharacters(in: CharacterSet.newlines)
            if !output.isEmpty {
                let fence = output.contains("```") ? "~~~~" : "```"
                lines.append("")
                lines.append(fence + "text")
                lines.append(output)
                lines.append(fence)
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}
