/// The `cooc` table: which elements carry which tags, and the matrix of shared counts.
enum CoOccurrence {
    /// Elements carrying a tag directly or through a mark inside them (and, when asked, tags below it).
    static func elements(carrying key: String, includeChildren: Bool, in workspace: Workspace) -> Set<ElementRef> {
        let annotations = workspace.annotations
        let keys = includeChildren ? Set(annotations.subtree(key)) : [key]
        var elements = Set<ElementRef>()
        for key in keys { elements.formUnion(annotations.tagElements[key] ?? []) }
        for mark in annotations.marks.values where !keys.isDisjoint(with: mark.tags) { elements.insert(mark.element) }
        return elements.filter { workspace.corpus.isLoaded[$0.document] }
    }

    /// A square table with tag names down the side and numbered columns.
    static func renderTable(_ names: [String], _ matrix: [[Int]], into output: inout OutputBuilder) {
        let nameWidth = names.map { DisplayWidth.of($0) + 4 }.max() ?? 0
        let cellWidth = max(4, String(matrix.flatMap { $0 }.max() ?? 0).count + 2)
        var header = StyledText(String(repeating: " ", count: nameWidth))
        for index in names.indices { header.append(DisplayWidth.padLeft("(\(index + 1))", to: cellWidth), .faint) }
        output.line(header)
        for (row, name) in names.enumerated() {
            var line = StyledText(DisplayWidth.pad("(\(row + 1)) ", to: 4), .faint)
            line.append(DisplayWidth.pad(name, to: nameWidth - 4), .tag)
            for (column, count) in matrix[row].enumerated() {
                line.append(
                    DisplayWidth.padLeft(String(count), to: cellWidth),
                    row == column ? .faint : count > 0 ? .strong : .plain)
            }
            output.raw(output.render(line))
        }
    }
}
