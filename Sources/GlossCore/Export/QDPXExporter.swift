import Foundation
import ZIPFoundation

/// `export qdpx`: the workspace as a REFI-QDA project — a ZIP holding `project.qde` and the plain text
/// of each document under `Sources/` (see `REFIProject`). Entries are dated with the export date, so
/// two exports at the same moment are byte-identical.
enum QDPXExporter: WorkspaceExporter {
    static let name = "qdpx"
    static let summary = "a REFI-QDA project (.qdpx): codebook, texts, codings, marks and notes, for other QDA tools"
    static let isBinary = true

    static func export(_ context: ExportContext) throws(GlossError) -> [UInt8] {
        let project = REFIProject(context)
        do {
            let archive = try Archive(accessMode: .create)
            try add("project.qde", project.xml, to: archive, date: context.date)
            for file in project.sourceFiles { try add(file.path, file.text, to: archive, date: context.date) }
            guard let data = archive.data else { throw GlossError("the .qdpx archive could not be built in memory") }
            return [UInt8](data)
        } catch let error as GlossError {
            throw error
        } catch {
            throw GlossError("cannot build the .qdpx archive: \(error)")
        }
    }

    private static func add(_ path: String, _ text: String, to archive: Archive, date: Date) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<(Int(position) + size))
        }
    }
}
