/// An inclusive range of 1-based source lines; every element keeps one so it can be traced back to its file.
public struct LineRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var first: Int
    public var last: Int

    public init(_ first: Int, _ last: Int) {
        self.first = first
        self.last = max(first, last)
    }

    public init(line: Int) {
        self.init(line, line)
    }

    public func union(_ other: LineRange) -> LineRange {
        LineRange(min(first, other.first), max(last, other.last))
    }

    public var description: String {
        first == last ? "\(first)" : "\(first)-\(last)"
    }
}
