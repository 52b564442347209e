/// Renders elements for reading (`show`, `outline`): addresses, text wrapped under them, tags inline,
/// marked spans highlighted and notes underneath.
struct ElementRenderer {
    let workspace: Workspace
    /// Units to show inside sections and documents; nil shows everything.
    var view: UnitSet?
    var qualified: Bool

    init(workspace: Workspace, view: UnitSet?) {
        self.workspace = workspace
        self.view = view
        qualified = workspace.loadedDocumentCount > 1
    }

    func show(_ ref: ElementRef, into output: inout OutputBuilder) {
        let document = workspace.documents[ref.document]
        switch ref.address {
        case .document:
            var header = StyledText(document.id + ":", .address)
            if let title = document.title { header.append("  " + title, .heading) }
            header.append(tagText(ref))
            output.line(header)
            for line in DocumentSummary.metadata(document, full: true) { output.line(StyledText(line, .faint), indent: 2, hangingIndent: 2) }
            notes(about: ref, indent: 2, into: &output)
            for (s, _) in document.sections.enumerated() where s > 0 || document.hasLead {
                let section = ElementRef(document: ref.document, address: .section(s))
                if isVisible(section) {
                    output.line()
                    show(section, into: &output)
                }
            }
        case .section(let s):
            let section = document.sections[s]
            let level = document.depth(ofSection: s)
            var header = StyledText(label(ref), .address)
            header.append(pageText(ref), .faint)
            header.append("  ")
            header.append(section.heading ?? "(lead)", section.heading == nil ? .faint : .heading)
            header.append(tagText(ref))
            output.line(header, indent: level * 2, hangingIndent: level * 2 + 4)
            notes(about: ref, indent: level * 2 + 4, into: &output)
            for ref in children(of: s, in: ref.document) where isVisible(ref) {
                showInline(ref, indent: level * 2 + 2, into: &output)
            }
        case .passage, .faq, .keyPoint:
            showInline(ref, indent: 0, into: &output)
        }
    }

    /// Passages, FAQ entries and key points of a section, in reading order.
    func children(of section: Int, in document: Int) -> [ElementRef] {
        var seen = Set<ElementAddress>()
        var result: [ElementRef] = []
        for id in workspace.documentUnits[document] {
            let unit = workspace.units[Int(id)]
            guard unit.section == section, unit.kind != .heading, unit.kind != .title else { continue }
            if seen.insert(unit.element).inserted { result.append(unit.ref) }
        }
        return result
    }

    /// An element on its own: address and tags, then its text indented under it.
    func showInline(_ ref: ElementRef, indent: Int, into output: inout OutputBuilder) {
        let document = workspace.documents[ref.document]
        var header = StyledText(label(ref), .address)
        header.append(pageText(ref), .faint)
        let bodyIndent = indent + 4
        switch ref.address {
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
            let text = workspace.text(of: ref)
            let styled = markedText(ref, part: .keyPoint, text: text)
            output.line(Self.dropping(prefix: point.detail.isEmpty ? 0 : point.label.count + 3, from: styled), indent: bodyIndent)
        default:
            show(ref, into: &output)
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
        workspace.documents[ref.document].page(of: ref.address).map { "  p. \($0)" } ?? ""
    }

    func label(_ ref: ElementRef) -> String {
        workspace.label(ref, qualified: qualified)
    }

    func isVisible(_ ref: ElementRef) -> Bool {
        guard let view else { return true }
        return workspace.units(of: ref).contains { view.contains($0) }
    }

    /// `  [tag] [other/tag]` in the tags' colours.
    func tagText(_ ref: ElementRef) -> StyledText {
        let annotations = workspace.annotations
        let tags = (annotations.elementTags[ref] ?? []).compactMap { annotations.tags[$0] }.sorted { $0.path.lowercased() < $1.path.lowercased() }
        return Self.tagList(tags)
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
                  start >= cursor, start <= end else { continue }
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
