/// The `outline` view: sections nested by level, each element on one line with its first words.
struct OutlineRenderer {
    let workspace: Workspace
    let view: UnitSet?
    let headingsOnly: Bool

    /// Ctrl-C, checked section by section.
    var cancel: CancellationFlag?

    func render(_ index: Int, into output: inout OutputBuilder) throws(GlossError) {
        let document = workspace.corpus.documents[index]
        let elements = ElementRenderer(workspace: workspace, view: view)
        let layout = elements.layout(of: index)
        var header = StyledText(document.id, .address)
        if let title = document.title { header.append("  " + title, .heading) }
        header.append(elements.tagText(ElementRef(document: index, address: .document)))
        output.line(header)
        var summary = DocumentSummary.counts(document) + " · " + document.format.rawValue
        if let view {
            let inView = workspace.corpus.documentUnits[index].filter { view.contains($0) }.count
            summary += " · \(inView)/\(workspace.corpus.documentUnits[index].count) in view"
        }
        output.line(StyledText(summary, .faint), indent: 2)
        for (s, section) in document.sections.enumerated() where s > 0 || document.hasLead {
            try cancel?.check()
            let sectionRef = ElementRef(document: index, address: .section(s))
            guard layout.isVisible(sectionRef.address) else { continue }
            let indent = 2 + layout.depth(ofSection: s) * 2
            var line = StyledText("s\(s)", .address)
            line.append("  ")
            line.append(section.heading ?? "(lead)", section.heading == nil ? .faint : .heading)
            line.append(elements.tagText(sectionRef))
            let children = layout.children[s]
            if headingsOnly {
                line.append("  " + countSummary(children), .faint)
            }
            output.line(line, indent: indent, hangingIndent: indent + 4)
            guard !headingsOnly else { continue }
            for child in children where layout.isVisible(child.address) {
                try cancel?.check()
                output.line(entry(child, width: output.width - indent - 2), indent: indent + 2)
            }
        }
    }

    private func countSummary(_ children: [ElementRef]) -> String {
        var passages = 0
        var faq = 0
        var points = 0
        for child in children {
            switch child.address {
            case .passage: passages += 1
            case .faq: faq += 1
            case .keyPoint: points += 1
            default: break
            }
        }
        var parts: [String] = []
        if passages > 0 || (faq == 0 && points == 0) { parts.append("\(Counted.phrase(passages, "passage"))") }
        if faq > 0 { parts.append("\(faq) FAQ") }
        if points > 0 { parts.append("\(Counted.phrase(points, "key point"))") }
        return parts.joined(separator: ", ")
    }

    /// `s1.p2  First words of the passage…  [tags]`, cut to one line.
    private func entry(_ ref: ElementRef, width: Int) -> StyledText {
        let document = workspace.corpus.documents[ref.document]
        let address = "\(ref.address)"
        var text: String
        switch ref.address {
        case .faq(let q): text = document.faq[q - 1].question
        case .keyPoint(let k): text = document.keyPoints[k - 1].label + " — " + document.keyPoints[k - 1].detail
        default: text = workspace.corpus.text(of: ref)
        }
        // Only the first words are shown: cut before escaping, so a huge passage costs nothing extra.
        text = TerminalSafe.escape(String(text.prefix(max(16, width))).replacingOccurrences(of: "\n", with: " "))
        let tags = ElementRenderer.tagText(ref, in: workspace)
        let available = max(10, width - DisplayWidth.of(address) - 2 - DisplayWidth.of(tags.plainText))
        if DisplayWidth.of(text) > available {
            text = DisplayWidth.prefix(text, fitting: available - 1) + "…"
        }
        var line = StyledText(address, .address)
        line.append("  " + text)
        line.append(tags)
        return line
    }
}
