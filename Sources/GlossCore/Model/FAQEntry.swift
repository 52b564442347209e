/// A question and its answer from a "Frequently Asked Questions" section.
public struct FAQEntry: Hashable, Sendable {
    public var question: String
    public var answer: String
    public var questionLines: LineRange
    public var answerLines: LineRange?
    /// Index of the section the entry sits in.
    public var section: Int

    public init(question: String, answer: String, questionLines: LineRange, answerLines: LineRange?, section: Int) {
        self.question = question
        self.answer = answer
        self.questionLines = questionLines
        self.answerLines = answerLines
        self.section = section
    }

    public var lines: LineRange {
        answerLines.map { questionLines.union($0) } ?? questionLines
    }
}
