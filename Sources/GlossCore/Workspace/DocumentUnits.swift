/// Lists a document's searchable units in reading order, with their text.
public enum DocumentUnits {
    public static func units(of document: Document, index: Int) -> [(unit: Unit, text: StoredText)] {
        var ordered: [(line: Int, order: Int, unit: Unit, text: StoredText)] = []
        func add(_ line: Int, _ section: Int, _ kind: UnitKind, _ element: ElementAddress, _ text: StoredText) {
            ordered.append((line, ordered.count, Unit(document: Int32(index), section: Int32(section), kind: kind, element: element), text))
        }
        if let title = document.titleText {
            add(document.titleLines?.first ?? 0, 0, .title, .document, title)
        }
        for (s, section) in document.sections.enumerated() {
            if let heading = section.headingText {
                add(section.headingLines?.first ?? 0, s, .heading, .section(s), heading)
            }
            for (p, passage) in section.passages.enumerated() {
                add(passage.lines.first, s, UnitKind(passage.kind), .passage(section: s, number: p + 1), passage.storedText)
            }
        }
        for (q, entry) in document.faq.enumerated() {
            add(entry.questionLines.first, entry.section, .question, .faq(q + 1), entry.questionText)
            if !entry.answerText.isEmpty {
                add(entry.answerLines?.first ?? entry.questionLines.last, entry.section, .answer, .faq(q + 1), entry.answerText)
            }
        }
        for (k, point) in document.keyPoints.enumerated() {
            add(point.lines.first, point.section, .keyPoint, .keyPoint(k + 1), point.storedText)
        }
        ordered.sort { ($0.line, $0.order) < ($1.line, $1.order) }
        return ordered.map { ($0.unit, $0.text) }
    }

    /// The text of one of the document's units.
    static func text(of unit: Unit, in document: Document) -> StoredText {
        switch unit.element {
        case .document: return document.titleText ?? StoredText("")
        case .section(let s): return document.sections[s].headingText ?? StoredText("")
        case .passage(let s, let p): return document.sections[s].passages[p - 1].storedText
        case .faq(let q): return unit.kind == .answer ? document.faq[q - 1].answerText : document.faq[q - 1].questionText
        case .keyPoint(let k): return document.keyPoints[k - 1].storedText
        }
    }
}
