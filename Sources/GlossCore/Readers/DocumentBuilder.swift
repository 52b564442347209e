/// Turns the block-level structure a reader reports, in reading order, into a document. Every reader
/// goes through it, so every format gets the same model and the same rules for what a FAQ entry, a key
/// point or a summary is:
///
/// - `heading` starts a section, whose role (FAQ, key points, summary) comes from its words; inside a
///   FAQ section, a question-shaped heading below the FAQ's own level asks a question instead.
/// - `block` adds a passage; inside a FAQ section it may ask a question (when the reader says it is
///   question-shaped and questions are not asked by headings) or answer the open one.
/// - `table` adds table rows; a table whose first header cell names key points, or any table with a
///   header in a key-points section, gives key points.
/// - A list item in a key-points section (Key Points, Key takeaways, Highlights…) is a key point.
///
/// Where an element came from is a range of source lines: a reader of a format without lines (a PDF, an
/// archive of XML parts) numbers the lines of the text it extracts.
public struct DocumentBuilder {
    /// What the document is read as; a reader may refine it as it learns the document's shape.
    public var format: DocumentFormat {
        get { document.format }
        set { document.format = newValue }
    }
    private(set) var document: Document
    /// Problems that did not stop the reading (a re-encoded file), reported with the load.
    public private(set) var warnings: [String] = []
    /// Where texts go: a load worker's arena shared by its documents, or one of this document's own.
    private let arena: TextArena
    private let ownsArena: Bool
    private var openQuestion: (text: String, lines: LineRange)?
    private var answerParts: [(text: String, lines: LineRange)] = []
    /// Heading level of the FAQ section while its questions are read.
    private var faqLevel: Int?
    /// Set once a FAQ asks its questions as headings; its blocks are then all answers.
    private var faqAsksWithHeadings = false
    /// The element the last heading or block went into, for `comment`.
    private var lastElement: ElementAddress?
    /// The element each row of the last table went into (nil for a key-points header row).
    private var tableRowElements: [ElementAddress?] = []
    /// Set once footnotes have opened their section at the end.
    private var inNotes = false

    public init(format: DocumentFormat) {
        self.init(format: format, arena: nil)
    }

    init(format: DocumentFormat, arena: TextArena?) {
        document = Document(format: format)
        self.arena = arena ?? TextArena()
        ownsArena = arena == nil
    }

    // MARK: - What the reader may ask

    var currentSectionIndex: Int { document.sections.count - 1 }
    public var currentRole: SectionRole { document.sections[currentSectionIndex].role }
    public var currentLevel: Int { document.sections[currentSectionIndex].level }
    public var hasTitle: Bool { document.titleText != nil }
    /// FAQ entries so far, an open question included.
    public var faqCount: Int { document.faq.count + (openQuestion == nil ? 0 : 1) }

    /// True inside a FAQ section while a question waits for its first answer: the next block answers it.
    public var awaitsAnswer: Bool { currentRole == .faq && openQuestion != nil && answerParts.isEmpty }

    // MARK: - Structure

    public mutating func setTitle(_ text: String, lines: LineRange) {
        document.titleText = arena.store(text)
        document.titleLines = lines
    }

    /// A heading: a new section, or a question when it sits below a FAQ section's heading and asks one.
    public mutating func heading(_ text: String, level: Int, lines: LineRange) {
        if let faqLevel, level > faqLevel, HeadingRule.endsWithQuestionMark(text[...]) {
            startQuestion(text, lines: lines)
            faqAsksWithHeadings = true
            return
        }
        flushQuestion()
        let role = SectionRole.classify(heading: text)
        document.sections.append(Section(headingText: arena.store(text), level: level, role: role, headingLines: lines))
        lastElement = .section(currentSectionIndex)
        faqLevel = role == .faq ? level : nil
        faqAsksWithHeadings = false
    }

    /// A block of text. `asks` says the reader finds it question-shaped; it matters only in a FAQ
    /// section, where it asks a question unless the FAQ asks with headings or a question awaits its answer.
    public mutating func block(_ kind: PassageKind, _ text: String, lines: LineRange, asks: Bool = false) {
        if let role = roleTakingBlock(kind, asks: asks) {
            take(role, text, lines: lines)
            return
        }
        var text = text
        text.withUTF8 { addPassage(kind, utf8: $0, lines: lines) }
    }

    /// A block given as UTF-8 (a reader's bytes, stored without making a String first).
    public mutating func block(
        _ kind: PassageKind, utf8 text: UnsafeBufferPointer<UInt8>, lines: LineRange, asks: Bool = false
    ) {
        if let role = roleTakingBlock(kind, asks: asks) {
            take(role, String(decoding: text, as: UTF8.self), lines: lines)
            return
        }
        addPassage(kind, utf8: text, lines: lines)
    }

    /// What a block becomes when it is not a plain passage.
    private enum BlockRole { case question, answer, keyPoint }

    private func roleTakingBlock(_ kind: PassageKind, asks: Bool) -> BlockRole? {
        switch currentRole {
        case .faq:
            if asks, !faqAsksWithHeadings, openQuestion == nil || !answerParts.isEmpty { return .question }
            return openQuestion != nil ? .answer : nil
        case .keyPoints:
            return kind == .list ? .keyPoint : nil
        default:
            return nil
        }
    }

    private mutating func take(_ role: BlockRole, _ text: String, lines: LineRange) {
        switch role {
        case .question: startQuestion(text, lines: lines)
        case .answer:
            answerParts.append((text, lines))
            lastElement = .faq(document.faq.count + 1)
        case .keyPoint:
            let (label, detail) = KeyPoint.split(text)
            addKeyPoint(label: label, detail: detail, lines: lines)
        }
    }

    /// One row of a table, as the reader found it.
    public struct TableRow {
        public var cells: [String]
        public var line: Int
        public var isHeader: Bool

        public init(cells: [String], line: Int, isHeader: Bool = false) {
            self.cells = cells
            self.line = line
            self.isHeader = isHeader
        }
    }

    /// A table: key points, part of a FAQ answer, or one passage per row (cells joined by ` | `).
    public mutating func table(_ rows: [TableRow], lines: LineRange) {
        let header = rows.first(where: \.isHeader)
        let namesKeyPoints = header?.cells.first.map { SectionRole.classify(heading: $0) == .keyPoints } ?? false
        tableRowElements = []
        if namesKeyPoints || (currentRole == .keyPoints && header != nil) {
            setKeyPointsHeader(header?.cells ?? [])
            for row in rows {
                if row.isHeader {
                    tableRowElements.append(nil)
                    continue
                }
                addKeyPoint(
                    label: row.cells.first ?? "", detail: row.cells.dropFirst().joined(separator: " | "),
                    lines: LineRange(line: row.line))
                tableRowElements.append(lastElement)
            }
        } else if currentRole == .faq && openQuestion != nil {
            // A table under a FAQ question is part of its answer, as the paragraphs around it are.
            answerParts.append((rows.map { $0.cells.joined(separator: " | ") }.joined(separator: "\n"), lines))
            lastElement = .faq(document.faq.count + 1)
            tableRowElements = rows.map { _ in lastElement }
        } else {
            for row in rows {
                block(.tableRow, row.cells.joined(separator: " | "), lines: LineRange(line: row.line))
                tableRowElements.append(lastElement)
            }
        }
    }

    /// A question and answer found outside the reading order (schema.org FAQPage data): kept in a FAQ
    /// section at the end, opened for it when the document has none.
    public mutating func faqEntry(question: String, answer: String, lines: LineRange) {
        flushQuestion()
        if currentRole != .faq {
            heading("Frequently Asked Questions", level: max(1, document.topHeadingLevel), lines: lines)
        }
        openQuestion = (question, lines)
        if !answer.isEmpty { answerParts = [(answer, lines)] }
        flushQuestion()
    }

    /// The lines from `line` on are on the next page (the first call starts page 1): a reader of a
    /// paged format (PDF) calls it as it numbers its lines, so every element knows its page.
    public mutating func startPage(atLine line: Int) {
        document.pageStarts.append(Int32(clamping: line))
    }

    public mutating func addMetadata(_ fields: [MetadataField]) {
        document.metadata.append(contentsOf: fields)
    }

    /// A known field (`MetadataKey`); empty values are left out.
    public mutating func addMetadata(_ key: MetadataKey, _ value: String) {
        let value = value.trimmingWhitespace()
        if !value.isEmpty { document.metadata.append(MetadataField(key: key.rawValue, value: value)) }
    }

    /// A comment on the element of the last heading or block reported (a FAQ entry for a question or
    /// answer); `span` is where the commented text lies in that block's text (UTF-8 offsets), nil for
    /// the whole element. Ignored before any block.
    public mutating func comment(_ text: String, author: String?, span: Range<Int>? = nil) {
        guard let element = lastElement else { return }
        var quote: String?
        var occurrence = 1
        if let span, let whole = elementText(element) {
            let bytes = Array(whole.utf8)
            let range = max(0, min(span.lowerBound, bytes.count))..<max(0, min(span.upperBound, bytes.count))
            let needle = Array(bytes[range])
            if !needle.isEmpty {
                quote = String(decoding: needle, as: UTF8.self)
                // The occurrence is counted in the element's text up to the span.
                var start = 0
                occurrence = 0
                while start + needle.count <= bytes.count, start <= range.lowerBound {
                    if bytes[start..<(start + needle.count)].elementsEqual(needle) { occurrence += 1 }
                    start += 1
                }
                occurrence = max(1, occurrence)
            }
        }
        document.comments.append(
            SourceComment(element: element, quote: quote, occurrence: occurrence, text: text, author: author))
    }

    /// A comment on a row (0-based) of the table reported last, marking the first occurrence of `quote`
    /// in the row's element (the whole element when it is not found there).
    public mutating func comment(_ text: String, author: String?, quote: String?, tableRow: Int) {
        guard tableRow >= 0, tableRow < tableRowElements.count, let element = tableRowElements[tableRow] else { return }
        let found = quote.flatMap { quote in
            elementText(element).flatMap { $0.contains(quote) && !quote.isEmpty ? quote : nil }
        }
        document.comments.append(
            SourceComment(element: element, quote: found, occurrence: 1, text: text, author: author))
    }

    /// A footnote or endnote, reported after the body: the first opens a `Notes` section at the end of
    /// the document (at its top heading level), where each is a passage of kind `footnote`.
    public mutating func footnote(_ text: String, lines: LineRange) {
        if !inNotes {
            heading("Notes", level: max(1, document.topHeadingLevel), lines: lines)
            inNotes = true
        }
        block(.footnote, text, lines: lines)
    }

    /// The text a mark in the element is looked for in: a passage's or heading's, a FAQ entry's answer
    /// (its question while it has none), a key point's.
    private func elementText(_ element: ElementAddress) -> String? {
        switch element {
        case .passage(let s, let p): return document.sections[s].passages[p - 1].text
        case .section(let s): return document.sections[s].heading
        case .faq(let q) where q == document.faq.count + 1:
            return answerParts.isEmpty ? openQuestion?.text : answerParts.map(\.text).joined(separator: "\n\n")
        case .faq(let q): return document.faq[q - 1].answer
        case .keyPoint(let k): return document.keyPoints[k - 1].storedText.string
        case .title: return document.title
        case .document: return nil
        }
    }

    public mutating func warn(_ message: String) {
        warnings.append(message)
    }

    /// The document, with any question still open closed.
    public mutating func finish() -> Document {
        flushQuestion()
        if ownsArena { arena.seal() }
        return document
    }

    // MARK: - Parts

    private mutating func addPassage(_ kind: PassageKind, utf8 text: UnsafeBufferPointer<UInt8>, lines: LineRange) {
        flushQuestion()
        document.sections[currentSectionIndex].passages.append(
            Passage(kind: kind, storedText: arena.store(text), lines: lines))
        lastElement = .passage(
            section: currentSectionIndex, number: document.sections[currentSectionIndex].passages.count)
    }

    private mutating func startQuestion(_ text: String, lines: LineRange) {
        flushQuestion()
        openQuestion = (text, lines)
        lastElement = .faq(document.faq.count + 1)
    }

    private mutating func flushQuestion() {
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

    private mutating func addKeyPoint(label: String, detail: String, lines: LineRange) {
        flushQuestion()
        document.keyPoints.append(
            KeyPoint(
                storedText: arena.store(KeyPoint.joined(label, detail)), labelCount: label.utf8.count, lines: lines,
                section: currentSectionIndex))
        lastElement = .keyPoint(document.keyPoints.count)
    }

    private mutating func setKeyPointsHeader(_ cells: [String]) {
        if document.keyPointsHeader.isEmpty { document.keyPointsHeader = arena.shared(cells) }
    }
}
