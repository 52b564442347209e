/// A heading and the passages under it; section 0 is the lead, which has no heading.
public struct Section: Hashable, Sendable {
    public var headingText: StoredText?
    /// Heading depth as written (Markdown `##` is 2); 0 for the lead, 1 for plain-text headings.
    public var level: Int {
        get { Int(storedLevel) }
        set { storedLevel = Int8(clamping: newValue) }
    }
    private var storedLevel: Int8
    public var role: SectionRole
    public var headingLines: LineRange?
    public var passages: [Passage]

    public var heading: String? {
        get { headingText?.string }
        set { headingText = newValue.map(StoredText.init) }
    }

    public init(heading: String?, level: Int, role: SectionRole, headingLines: LineRange?, passages: [Passage] = []) {
        self.init(
            headingText: heading.map(StoredText.init), level: level, role: role, headingLines: headingLines,
            passages: passages)
    }

    init(headingText: StoredText?, level: Int, role: SectionRole, headingLines: LineRange?, passages: [Passage] = []) {
        self.headingText = headingText
        self.storedLevel = Int8(clamping: level)
        self.role = role
        self.headingLines = headingLines
        self.passages = passages
    }
}
