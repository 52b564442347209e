/// Accumulates a document's structure in reading order; shared by the plain-text and Markdown readers
/// so both produce the same model.
struct DocumentBuilder {
    private(set) var document: Document
    private var openQuestion: (text: String, lines: LineRange)?
    private var answerParts: [(text: String, lines: LineRange)] = []

    init(format: DocumentFormat) {
        document = Document(format: format)
    }

    var currentSectionIndex: Int { document.sections.count - 1 }
    var currentRole: SectionRole { document.sections[currentSectionIndex].role }
    var currentLevel: Int { document.sections[currentSectionIndex].level }

    /// True while a FAQ question waits for (more of) its answer.
    var hasOpenQuestion: Bool { openQuestion != nil }
    var openQuestionHasAnswer: Bool { !answerParts.isEmpty }

    mutating func setTitle(_ text: String, lines: LineRange) {
        document.title = text
        document.titleLines = lines
    }

    mutating func startSection(heading: String, level: Int, lines: LineRange) {
        flushQuestion()
        document.sections.append(
            Section(heading: heading, level: level, role: SectionRole.classify(heading: heading), headingLines: lines))
    }

    mutating func addPassage(_ kind: PassageKind, _ text: String, lines: LineRange) {
        flushQuestion()
        document.sections[currentSectionIndex].passages.append(Passage(kind: kind, text: text, lines: lines))
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
                question: question.text,
                answer: answerParts.map(\.text).joined(separator: "\n\n"),
                questionLines: question.lines,
                answerLines: answerLines,
                section: currentSectionIndex))
        openQuestion = nil
        answerParts = []
    }

    mutating func addKeyPoint(label: String, detail: String, lines: LineRange) {
        flushQuestion()
        document.keyPoints.append(KeyPoint(label: label, detail: detail, lines: lines, section: currentSectionIndex))
    }

    mutating func setKeyPointsHeader(_ cells: [String]) {
        if document.keyPointsHeader.isEmpty { document.keyPointsHeader = cells }
    }

    mutating func addMetadata(_ fields: [MetadataField]) {
        document.metadata.append(contentsOf: fields)
    }

    mutating func finish() -> Document {
        flushQuestion()
        compact()
        return document
    }

    /// Strings built by appending keep up to twice their length as capacity, and a corpus keeps
    /// every one of them: exact copies cut what a loaded document holds by about a third.
    private mutating func compact() {
        func exact(_ text: inout String) {
            guard text.utf8.count > 15 else { return }
            text = text.withUTF8 { String(decoding: $0, as: UTF8.self) }
        }
        if document.title != nil { exact(&document.title!) }
        for s in document.sections.indices {
            if document.sections[s].heading != nil { exact(&document.sections[s].heading!) }
            for p in document.sections[s].passages.indices { exact(&document.sections[s].passages[p].text) }
        }
        for q in document.faq.indices {
            exact(&document.faq[q].question)
            exact(&document.faq[q].answer)
        }
        for k in document.keyPoints.indices {
            exact(&document.keyPoints[k].label)
            exact(&document.keyPoints[k].detail)
        }
    }
}
