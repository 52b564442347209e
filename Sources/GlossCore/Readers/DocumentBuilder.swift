/// Accumulates a document's structure in reading order; shared by the plain-text and Markdown readers
/// so both produce the same model.
struct DocumentBuilder {
    private(set) var document: Document
    /// Where texts go: a load worker's arena shared by its documents, or one of this document's own.
    private let arena: TextArena
    private let ownsArena: Bool
    private var openQuestion: (text: String, lines: LineRange)?
    private var answerParts: [(text: String, lines: LineRange)] = []

    init(format: DocumentFormat, arena: TextArena? = nil) {
        document = Document(format: format)
        self.arena = arena ?? TextArena()
        ownsArena = arena == nil
    }

    var currentSectionIndex: Int { document.sections.count - 1 }
    var currentRole: SectionRole { document.sections[currentSectionIndex].role }
    var currentLevel: Int { document.sections[currentSectionIndex].level }

    /// True while a FAQ question waits for (more of) its answer.
    var hasOpenQuestion: Bool { openQuestion != nil }
    var openQuestionHasAnswer: Bool { !answerParts.isEmpty }

    mutating func setTitle(_ text: String, lines: LineRange) {
        document.titleText = arena.store(text)
        document.titleLines = lines
    }

    mutating func startSection(heading: String, level: Int, lines: LineRange) {
        flushQuestion()
        document.sections.append(
            Section(headingText: arena.store(heading), level: level, role: SectionRole.classify(heading: heading), headingLines: lines))
    }

    mutating func addPassage(_ kind: PassageKind, _ text: String, lines: LineRange) {
        var text = text
        text.withUTF8 { addPassage(kind, utf8: $0, lines: lines) }
    }

    /// A passage given as UTF-8 (a reader's bytes, stored without making a String first).
    mutating func addPassage(_ kind: PassageKind, utf8 text: UnsafeBufferPointer<UInt8>, lines: LineRange) {
        flushQuestion()
        document.sections[currentSectionIndex].passages.append(Passage(kind: kind, storedText: arena.store(text), lines: lines))
    }

    mutating func startQuestion(_ text: String, lines: LineRange) {
        flushQuestion()
        openQuestion = (text, lines)
    }

    mutating func addAnswerPart(_ text: String, lines: LineRange) {
        answerParts.append((text, lines))
    }

    mutating func flushQuestion() {
        guard let question = openQuestion else { return }
        var answerLines: LineRange?
        for part in answerParts { answerLines = answerLines.map { $0.union(part.lines) } ?? part.lines }
        document.faq.append(
            FAQEntry(
                questionText: arena.store(question.text),
                answerText: arena.store(answerParts.map(\.text).joined(separator: "\n\n")),
                questionLines: question.lines,
                answerLines: answerLines,
                section: currentSectionIndex))
        openQuestion = nil
        answerParts = []
    }

    mutating func addKeyPoint(label: String, detail: String, lines: LineRange) {
        flushQuestion()
        document.keyPoints.append(KeyPoint(
            storedText: arena.store(KeyPoint.joined(label, detail)), labelCount: label.utf8.count, lines: lines, section: currentSectionIndex))
    }

    mutating func setKeyPointsHeader(_ cells: [String]) {
        if document.keyPointsHeader.isEmpty { document.keyPointsHeader = arena.shared(cells) }
    }

    mutating func addMetadata(_ fields: [MetadataField]) {
        document.metadata.append(contentsOf: fields)
    }

    mutating func finish() -> Document {
        flushQuestion()
        if ownsArena { arena.seal() }
        return document
    }
}
