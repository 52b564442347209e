/// One row of a "Key Points" table: a short label and its detail.
public struct KeyPoint: Hashable, Sendable {
    public var label: String
    public var detail: String
    public var lines: LineRange
    public var section: Int

    public init(label: String, detail: String, lines: LineRange, section: Int) {
        self.label = label
        self.detail = detail
        self.lines = lines
        self.section = section
    }
}
