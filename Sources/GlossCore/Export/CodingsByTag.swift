/// What each tag retrieves for a report: the elements and marks coded with it, gathered in one pass
/// over the codings and the marks (filtering them all for each tag was quadratic: 10,000 tags took
/// minutes).
struct CodingsByTag {
    private(set) var elements: [String: [ElementRef]] = [:]
    private(set) var marks: [String: [Mark]] = [:]

    init(_ context: ExportContext) {
        for coded in context.codedElements {
            for tag in coded.tags { elements[tag.key, default: []].append(coded.ref) }
        }
        for mark in context.marks {
            for key in mark.tags { marks[key, default: []].append(mark) }
        }
    }

    /// How many segments a tag retrieves.
    func count(of key: String) -> Int { (elements[key]?.count ?? 0) + (marks[key]?.count ?? 0) }

    /// The elements an entry for a coded element shows: a section's own passages, FAQ entries and key
    /// points after its heading (a coded section is coded with everything in it); the element itself
    /// otherwise. A whole document is named, not repeated: `--all` adds the documents.
    static func parts(of ref: ElementRef, in context: ExportContext) -> [ElementRef] {
        guard case .section(let s) = ref.address else { return [ref] }
        let layout = ElementRenderer(
            workspace: context.workspace, view: context.viewOnly ? context.workspace.viewUnits : nil
        )
        .layout(of: ref.document)
        return layout.children[s].filter(context.includes)
    }
}
