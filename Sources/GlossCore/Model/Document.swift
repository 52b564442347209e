/// A loaded article: its structure as read, plus where it came from.
///
/// Readers fill in the structure; the workspace assigns `id` and the source fields.
public struct Document: Sendable {
    public var id: String
    /// The path as the user typed it (shown in messages).
    public var path: String
    /// The absolute path it was read from.
    public var sourcePath: String
    /// The path it was read from, or the path shown when none was recorded (a parsed text).
    public var readPath: String { sourcePath.isEmpty ? path : sourcePath }
    /// The SHA-256 of the file as read (nil until a loader sets it).
    public var digest: ContentDigest?
    public var byteCount: Int
    public var format: DocumentFormat

    public var titleText: StoredText?
    public var titleLines: LineRange?
    /// Sections in document order; index 0 is always the lead (`s0`), possibly empty.
    public var sections: [Section]
    public var faq: [FAQEntry]
    public var keyPoints: [KeyPoint]
    /// The header cells of the key-points table, kept so nothing of the source is lost.
    public var keyPointsHeader: [String]
    /// YAML front matter of Markdown files, as ordered key/value pairs.
    public var metadata: [MetadataField]
    /// Comments from the source (a reviewer's, in an office document), made notes by `load`.
    public var comments: [SourceComment]
    /// For a document read from pages (a PDF): the first line of each page, page 1's first; empty for
    /// documents without pages.
    public var pageStarts: [Int32]

    public init(format: DocumentFormat) {
        self.id = ""
        self.path = ""
        self.sourcePath = ""
        self.digest = nil
        self.byteCount = 0
        self.format = format
        self.titleText = nil
        self.titleLines = nil
        self.sections = [Section(heading: nil, level: 0, role: .lead, headingLines: nil)]
        self.faq = []
        self.keyPoints = []
        self.keyPointsHeader = []
        self.metadata = []
        self.comments = []
        self.pageStarts = []
    }

    /// The SHA-256 in lowercase hexadecimal; empty when unknown.
    public var sha256: String {
        get { digest?.hex ?? "" }
        set { digest = ContentDigest(hex: newValue) }
    }

    public var title: String? {
        get { titleText?.string }
        set { titleText = newValue.map(StoredText.init) }
    }

    /// True when the document has passages before its first heading.
    public var hasLead: Bool { !sections[0].passages.isEmpty }

    /// Number of headed sections (`s1…sN`).
    public var headedSectionCount: Int { sections.count - 1 }

    /// The shallowest heading level, so nesting can be shown relative to it (`##` documents start at 2).
    public var topHeadingLevel: Int { sections.dropFirst().map(\.level).min() ?? 1 }

    /// Nesting depth of a section for display: 0 for the lead and the top headings.
    public func depth(ofSection index: Int) -> Int {
        depth(ofSection: index, topHeadingLevel: topHeadingLevel)
    }

    /// The same with `topHeadingLevel` worked out once, for a walk over every section.
    public func depth(ofSection index: Int, topHeadingLevel: Int) -> Int {
        index == 0 ? 0 : max(0, sections[index].level - topHeadingLevel)
    }

    public var passageCount: Int { sections.reduce(0) { $0 + $1.passages.count } }

    /// The page a source line is on (1-based), nil for a document without pages.
    public func page(ofLine line: Int) -> Int? {
        guard !pageStarts.isEmpty else { return nil }
        // The last page starting at or before the line.
        var low = 0
        var high = pageStarts.count
        while low < high {
            let middle = (low + high) / 2
            if Int(pageStarts[middle]) <= line { low = middle + 1 } else { high = middle }
        }
        return max(1, low)
    }

    /// The page an element starts on, nil for a document without pages (or an element without lines).
    public func page(of element: ElementAddress) -> Int? {
        guard !pageStarts.isEmpty else { return nil }
        switch element {
        case .document, .title: return titleLines.flatMap { page(ofLine: $0.first) } ?? 1
        case .section(let s): return sections[s].headingLines.flatMap { page(ofLine: $0.first) }
        case .passage(let s, let p): return page(ofLine: sections[s].passages[p - 1].lines.first)
        case .faq(let q): return page(ofLine: faq[q - 1].questionLines.first)
        case .keyPoint(let k): return page(ofLine: keyPoints[k - 1].lines.first)
        }
    }
}

/// One `key: value` line of front matter.
public struct MetadataField: Hashable, Sendable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
