/// A question and its answer from a "Frequently Asked Questions" section.
public struct FAQEntry: Hashable, Sendable {
    public var questionText: StoredText
    /// The answer's paragraphs, separated by blank lines; empty when the question has none.
    public var answerText: StoredText
    public var questionLines: LineRange
    public var answerLines: LineRange?
    /// Index of the section the entry sits in.
    public var section: Int

    public var question: String { questionText.string }
    public var answer: String { answerText.string }

    public init(question: String, answer: String, questionLines: LineRange, answerLines: LineRange?, section: Int) {
        self.init(
            questionText: StoredText(question), answerText: StoredText(answer),
            questionLines: questionLines, answerLines: answerLines, section: section)
    }

    init(
        questionText: StoredText, answerText: StoredText, questionLines: LineRange, answerLines: LineRange?,
        section: Int
    ) {
        self.questionText = questionText
        self.answerText = answerText
        self.questionLines = questionLines
        self.answerLines = answerLines
        self.section = section
    }

    public var lines: LineRange {
        answerLines.map { questionLines.union($0) } ?? questionLines
    }
}
