/// Lists a document's searchable units in reading order, with their text.
public enum DocumentUnits {
    public static func units(of document: Document, index: Int) -> [(unit: Unit, text: StoredText)] {
        var result: [(unit: Unit, text: StoredText)] = []
        forEachUnit(of: document, index: index) { result.append(($0, $1)) }
        return result
    }

    /// Calls `body` with each unit and its text, in reading order (every document of a load goes
    /// through here, so the units are sorted only when their order needs it).
    static func forEachUnit(of document: Document, index: Int, _ body: (Unit, StoredText) -> Void) {
        var ordered: [(line: Int, order: Int, unit: Unit, text: StoredText)] = []
        let passages = document.sections.reduce(0) { $0 + $1.passages.count }
        ordered.reserveCapacity(
            1 + document.sections.count + passages + 2 * document.faq.count + document.keyPoints.count)
        var inOrder = true
        func add(_ line: Int, _ section: Int, _ kind: UnitKind, _ element: ElementAddress, _ text: StoredText) {
            if let last = ordered.last, last.line > line { inOrder = false }
            ordered.append(
                (
                    line, ordered.count,
                    Unit(document: Int32(index), section: Int32(section), kind: kind, element: element), text
                ))
        }
        if let title = document.titleText {
            add(document.titleLines?.first ?? 0, 0, .title, .title, title)
        }
        for (s, section) in document.sections.enumerated() {
            if let heading = section.headingText {
                add(section.headingLines?.first ?? 0, s, .heading, .section(s), heading)
            }
            for (p, passage) in section.passages.enumerated() {
                add(
                    passage.lines.first, s, UnitKind(passage.kind), .passage(section: s, number: p + 1),
                    passage.storedText)
            }
        }
        for (q, entry) in document.faq.enumerated() {
            add(entry.questionLines.first, entry.section, .question, .faq(q + 1), entry.questionText)
            if !entry.answerText.isEmpty {
                add(
                    entry.answerLines?.first ?? entry.questionLines.last, entry.section, .answer, .faq(q + 1),
                    entry.answerText)
            }
        }
        for (k, point) in document.keyPoints.enumerated() {
            add(point.lines.first, point.section, .keyPoint, .keyPoint(k + 1), point.storedText)
        }
        if !inOrder { ordered.sort { ($0.line, $0.order) < ($1.line, $1.order) } }
        for entry in ordered { body(entry.unit, entry.text) }
    }

    /// The text of one of the document's units.
    static func text(of unit: Unit, in document: Document) -> StoredText {
        withText(of: unit, in: document) { $0 }
    }

    /// Calls `body` with the text of one of the document's units, reading it in place (scans call this
    /// for every unit, so no copy of the document or the text is made).
    @inline(__always)
    static func withText<Result>(
        of unit: Unit, in document: borrowing Document, _ body: (borrowing StoredText) -> Result
    ) -> Result {
        let number = Int(unit.number)
        switch unit.kind {
        case .title: return body(document.titleText ?? StoredText.empty)
        case .heading: return body(document.sections[Int(unit.section)].headingText ?? StoredText.empty)
        case .paragraph, .list, .quote, .code, .tableRow, .caption, .footnote:
            return body(document.sections[Int(unit.section)].passages[number - 1].storedText)
        case .question: return body(document.faq[number - 1].questionText)
        case .answer: return body(document.faq[number - 1].answerText)
        case .keyPoint: return body(document.keyPoints[number - 1].storedText)
        }
    }
}
