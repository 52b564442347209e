/// Writes the codebook as nested REFI-QDA `<Code>` elements: the same codes and GUIDs in a `.qdc`
/// codebook and in a `.qdpx` project. The tag hierarchy becomes nesting (`actor/russia` is a `russia`
/// code inside `actor`).
enum REFICodesWriter {
    /// `<Codes>…</Codes>`; `noteRefs` (tag key → note GUIDs) are written only where the schema has
    /// them (projects, not standalone codebooks).
    static func write(_ tags: [Tag], into xml: inout XMLWriter, noteRefs: [String: [String]] = [:]) {
        let keys = Set(tags.map(\.key))
        var children: [String?: [Tag]] = [:]
        for tag in tags {
            // A tag whose parent is missing (never made by gloss itself) is kept at the top.
            let parent = Tag.parent(of: tag.path).map(Tag.key).flatMap { keys.contains($0) ? $0 : nil }
            children[parent, default: []].append(tag)
        }
        func code(_ tag: Tag) {
            let color = tag.color.flatMap(TerminalColor.hex(for:))
            let nested = sorted(children[tag.key] ?? [])
            let notes = noteRefs[tag.key] ?? []
            let attributes: XMLWriter.Attributes = [
                "guid": REFIGUIDs.code(tag.key), "name": tag.name, "isCodable": "true", "color": color,
            ]
            guard tag.description != nil || !notes.isEmpty || !nested.isEmpty else {
                xml.empty("Code", attributes)
                return
            }
            xml.start("Code", attributes)
            if let description = tag.description { xml.element("Description", text: description) }
            for note in notes { xml.empty("NoteRef", ["targetGUID": note]) }
            for child in nested { code(child) }
            xml.end()
        }
        xml.start("Codes")
        for tag in sorted(children[nil] ?? []) { code(tag) }
        xml.end()
    }

    private static func sorted(_ tags: [Tag]) -> [Tag] {
        tags.sorted { $0.path.lowercased() < $1.path.lowercased() }
    }
}
