import Foundation

/// `export qdpx`: the workspace as a REFI-QDA project — a ZIP holding `project.qde` and the plain text
/// of each document under `Sources/` (see `REFIProject`). Entries are dated with the export date, so
/// two exports at the same moment are byte-identical.
enum QDPXExporter: WorkspaceExporter {
    static let name = "qdpx"
    static let summary = "a REFI-QDA project (.qdpx): codebook, texts, codings, marks and notes, for other QDA tools"
    static let isBinary = true

    static func export(_ context: ExportContext) throws(GlossError) -> [UInt8] {
        let project = REFIProject(context)
        var archive = ZipWriter(date: context.date)
        do {
            try archive.add(path: "project.qde", contents: Data(project.xml.utf8))
            for file in project.sourceFiles { try archive.add(path: file.path, contents: Data(file.text.utf8)) }
        } catch let error as GlossError {
            throw error
        } catch {
            throw GlossError("cannot build the .qdpx archive: \(error)")
        }
        return archive.finish()
    }
}
