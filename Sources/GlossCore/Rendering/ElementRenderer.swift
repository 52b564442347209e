/// Renders elements for reading (`show`, `outline`): addresses, text wrapped under them, tags inline,
/// marked spans highlighted and notes underneath.
struct ElementRenderer {
    let workspace: Workspace
    /// Units to show inside sections and documents; nil shows everything.
    var view: UnitSet?
    var qualified: Bool
    /// Ctrl-C, checked between the sections of a document shown whole.
    var cancel: CancellationFlag?

    init(workspace: Workspace, view: UnitSet?, cancel: CancellationFlag? = nil) {
        self.workspace = workspace
        self.view = view
        self.cancel = cancel
        qualified = workspace.corpus.loadedDocumentCount > 1
    }

    func show(_ ref: ElementRef, into output: inout OutputBuilder) throws(GlossError) {
        let document = workspace.corpus.documents[ref.document]
        switch ref.address {
        case .document:
            var header = StyledText(document.id + ":", .address)
            if let title = document.title { header.append("  " + title, .heading) }
            header.append(tagText(ref))
            output.line(header)
            for line in DocumentSummary.metadata(document, full: true) {
                output.line(StyledText(line, .faint), indent: 2, hangingIndent: 2)
            }
            notes(about: ref, indent: 2, into: &output)
            let layout = layout(of: ref.document)
            for (s, _) in document.sections.enumerated() where s > 0 || document.hasLead {
                if layout.isVisible(.section(s)) {
                    output.line()
                    try showSection(s, of: ref.document, layout: layout, into: &output)
                }
            }
        case .section(let s):
            try showSection(s, of: ref.document, layout: layout(of: ref.document), into: &output)
        case .title, .passage, .faq, .keyPoint:
            showInline(ref, indent: 0, into: &output)
        }
    }

    private func showSection(_ s: Int, of document: Int, layout: DocumentLayout, into output: inout OutputBuilder)
        throws(GlossError)
    {
        try cancel?.check()
        let ref = ElementRef(document: document, address: .section(s))
        let section = workspace.corpus.documents[document].sections[s]
        let level = layout.depth(ofSection: s)
        var header = StyledText(label(ref), .address)
        header.append(pageText(ref), .faint)
        header.append("  ")
        header.append(section.heading ?? "(lead)", section.heading == nil ? .faint : .heading)
        header.append(tagText(ref))
        output.line(header, indent: level * 2, hangingIndent: level * 2 + 4)
        notes(about: ref, indent: level * 2 + 4, into: &output)
        for child in layout.children[s] where layout.isVisible(child.address) {
            try cancel?.check()
            showInline(child, indent: level * 2 + 2, into: &output)
        }
    }

    /// A document's elements section by section and which of them the view shows, worked out in one
    /// pass over its units: asked element by element, a document of 40,000 sections took minutes.
    struct DocumentLayout {
        /// Passages, FAQ entries and key points of each section, in reading order.
        var children: [[ElementRef]]
        /// Elements and sections with a unit in the view; nil when everything is shown.
        var visible: Set<ElementAddress>?
        /// Each section's nesting depth for display (`Document.depth(ofSection:)`).
        var depths: [Int]

        func isVisible(_ address: ElementAddress) -> Bool {
            visible?.contains(address) ?? true
        }

        func depth(ofSection s: Int) -> Int { depths[s] }
    }

    func layout(of document: Int) -> DocumentLayout {
        let model = workspace.corpus.documents[document]
        var children = [[ElementRef]](repeating: [], count: model.sections.count)
        var seen = Set<ElementAddress>()
        var visible: Set<ElementAddress>? = view == nil ? nil : []
        for id in workspace.corpus.documentUnits[document] {
            let unit = workspace.corpus.units[Int(id)]
            guard unit.kind != .title else { continue }
            if let view, view.contains(id) {
                visible?.insert(unit.element)
                visible?.insert(.section(Int(unit.section)))
            }
            if unit.kind != .heading, seen.insert(unit.element).inserted {
                children[Int(unit.section)].append(unit.ref)
            }
        }
        let top = model.topHeadingLevel
        let depths = model.sections.indices.map { model.depth(ofSection: $0, topHeadingLevel: top) }
        return DocumentLayout(children: children, visible: visible, depths: depths)
    }

    /// An element on its own: address and tags, then its text indented under it.
    func showInline(_ ref: ElementRef, indent: Int, into output: inout OutputBuilder) {
        let document = workspace.corpus.documents[ref.document]
        var header = StyledText(label(ref), .address)
        header.append(pageText(ref), .faint)
        let bodyIndent = indent + 4
        switch ref.address {
        case .title:
            header.append("  ")
            header.append(markedText(ref, part: .title, text: document.title ?? "", base: .heading))
            header.append(tagText(ref))
            output.line(header, indent: indent, hangingIndent: bodyIndent)
        case .passage(let s, let p):
            let passage = document.sections[s].passages[p - 1]
            if passage.kind != .paragraph { header.append("  " + passage.kind.rawValue, .faint) }
            header.append(tagText(ref))
            output.line(header, indent: indent)
            output.line(markedText(ref, part: UnitKind(passage.kind), text: passage.text), indent: bodyIndent)
        case .faq(let q):
            let entry = document.faq[q - 1]
            header.append("  ")
            header.append(markedText(ref, part: .question, text: entry.question, base: .strong))
            header.append(tagText(ref))
            output.line(header, indent: indent, hangingIndent: bodyIndent)
            if !entry.answer.isEmpty {
                output.line(markedText(ref, part: .answer, text: entry.answer), indent: bodyIndent)
            }
        case .keyPoint(let k):
            let point = document.keyPoints[k - 1]
            header.append("  ")
            header.append(point.label, .strong)
            header.append(tagText(ref))
            output.line(header, indent: indent)
            // The key-point unit's text is "label — detail"; the label is in the header already.
            let text = workspace.corpus.text(of: ref)
            let styled = markedText(ref, part: .keyPoint, text: text)
            output.line(
                Self.dropping(prefix: point.detail.isEmpty ? 0 : point.label.count + 3, from: styled),
                indent: bodyIndent)
        default:
            return
        }
        notes(about: ref, indent: bodyIndent, into: &output)
    }

    /// Styled text without its first `count` characters.
    static func dropping(prefix count: Int, from styled: StyledText) -> StyledText {
        var remaining = count
        var result = StyledText()
        for run in styled.runs {
            if remaining >= run.text.count {
                remaining -= run.text.count
                continue
            }
            result.append(String(run.text.dropFirst(remaining)), run.style)
            remaining = 0
        }
        return result
    }

    /// "  p. 12" after an element's address, for a document read from pages (a PDF).
    func pageText(_ ref: ElementRef) -> String {
        workspace.corpus.documents[ref.document].page(of: ref.address).map { "  p. \($0)" } ?? ""
    }

    func label(_ ref: ElementRef) -> String {
        workspace.corpus.label(ref, qualified: qualified)
    }

    /// `  [tag] [other/tag]` in the tags' colours.
    func tagText(_ ref: ElementRef) -> StyledText {
        Self.tagText(ref, in: workspace)
    }

    static func tagText(_ ref: ElementRef, in workspace: Workspace) -> StyledText {
        let annotations = workspace.annotations
        let tags = (annotations.elementTags[ref] ?? []).compactMap { annotations.tags[$0] }.sorted {
            $0.path.lowercased() < $1.path.lowercased()
        }
        return tagList(tags)
    }

    static func tagList(_ tags: [Tag]) -> StyledText {
        var text = StyledText()
        for tag in tags {
            text.append(" ")
            var style = TextStyle.tag
            if let color = tag.color.flatMap(TerminalColor.parse) { style.foreground = color }
            text.append("[" + tag.path + "]", style)
        }
        return text
    }

    /// A unit's text with its marked spans highlighted.
    func markedText(_ ref: ElementRef, part: UnitKind, text: String, base: TextStyle = .plain) -> StyledText {
        let marks = workspace.annotations.marks(on: ref).filter { $0.part == part }.sorted { $0.start < $1.start }
        guard !marks.isEmpty else { return StyledText(text, base) }
        var result = StyledText()
        var cursor = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        for mark in marks {
            guard let start = scalars.index(scalars.startIndex, offsetBy: mark.start, limitedBy: scalars.endIndex),
                let end = scalars.index(scalars.startIndex, offsetBy: mark.end, limitedBy: scalars.endIndex),
                start >= cursor, start <= end
            else { continue }
            result.append(String(scalars[cursor..<start]), base)
            let color = mark.tags.first.flatMap { workspace.annotations.tags[$0]?.color }.flatMap(TerminalColor.parse)
            result.append(String(scalars[start..<end]), .mark(color))
            result.append("m\(mark.id)", .faint)
            cursor = end
        }
        result.append(String(scalars[cursor...]), base)
        return result
    }

    func notes(about ref: ElementRef, indent: Int, into output: inout OutputBuilder) {
        var notes = workspace.annotations.notes(about: .element(ref))
        for mark in workspace.annotations.marks(on: ref) {
            notes += workspace.annotations.notes(about: .mark(mark.id))
        }
        for note in Set(notes).sorted(by: { $0.id < $1.id }) {
            var line = StyledText("n\(note.id): ", .faint)
            line.append(note.text, .faint)
            output.line(line, indent: indent, hangingIndent: indent + 4)
        }
    }
}
