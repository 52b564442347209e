/// The plain text gloss ships for a document in a REFI-QDA project, and where each unit, element and
/// mark lies in it.
///
/// Layout: the document's units in reading order (title, headings, passages, FAQ questions and answers,
/// key points, as `show` lists them), each unit's text exactly as gloss holds it, separated by one
/// blank line (`\n\n`), with no trailing newline.
/// Offsets: 0-based, end exclusive, counted in Unicode scalars (code points) — the unit of mark
/// offsets in gloss, and of character positions in REFI-QDA tools that index by code point.
struct SourcePlainText {
    static let separator = "\n\n"

    let text: String
    /// Scalar range of each unit of the document.
    let unitRanges: [Int32: Range<Int>]
    let scalarCount: Int

    init(document: Int, in workspace: Workspace) {
        var text = ""
        var ranges: [Int32: Range<Int>] = [:]
        var offset = 0
        for unit in workspace.corpus.documentUnits[document] {
            if !ranges.isEmpty {
                text += Self.separator
                offset += Self.separator.unicodeScalars.count
            }
            let unitText = workspace.corpus.text(ofUnit: unit)
            let length = unitText.unicodeScalars.count
            text += unitText
            ranges[unit] = offset..<(offset + length)
            offset += length
        }
        self.text = text
        self.unitRanges = ranges
        self.scalarCount = offset
    }

    /// What an element covers: from its first unit to the end of its last (a section: its heading and
    /// everything in it; a FAQ entry: question and answer); the whole text for a document. Nil when
    /// the element has no text (an empty lead).
    func range(of ref: ElementRef, in workspace: Workspace) -> Range<Int>? {
        if ref.address == .document { return 0..<scalarCount }
        let ranges = workspace.corpus.units(of: ref).compactMap { unitRanges[$0] }
        guard let start = ranges.map(\.lowerBound).min(), let end = ranges.map(\.upperBound).max() else { return nil }
        return start..<end
    }

    /// Exactly a mark's quote: its unit's offset plus the mark's own offsets, clamped to the unit.
    func range(of mark: Mark, in workspace: Workspace) -> Range<Int>? {
        guard let unit = workspace.unit(of: mark), let unitRange = unitRanges[unit] else { return nil }
        let start = min(unitRange.lowerBound + max(0, mark.start), unitRange.upperBound)
        let end = min(max(unitRange.lowerBound + mark.end, start), unitRange.upperBound)
        return start..<end
    }
}
