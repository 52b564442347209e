/// `export qdc`: the codebook as a REFI-QDA codebook (`urn:QDA-XML:codebook:1.0`), which NVivo,
/// ATLAS.ti, MAXQDA and QualCoder import. GUIDs are derived from tag paths (see `REFIGUIDs`).
enum QDCExporter: WorkspaceExporter {
    static let name = "qdc"
    static let summary = "the codebook as a REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA, QualCoder"

    static func export(_ context: ExportContext) throws(GlossError) -> [UInt8] {
        let tags = context.tags
        // The schema requires at least one Code.
        guard !tags.isEmpty else {
            throw GlossError("the codebook is empty: nothing to export (tag TARGETS TAG adds tags)")
        }
        var xml = XMLWriter()
        xml.start("CodeBook", ["xmlns": "urn:QDA-XML:codebook:1.0", "origin": "gloss \(GlossVersion.current)"])
        REFICodesWriter.write(tags, into: &xml)
        xml.end()
        return Array(xml.text.utf8)
    }
}
