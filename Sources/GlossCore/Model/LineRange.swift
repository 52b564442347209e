/// An inclusive range of 1-based source lines; every element keeps one so it can be traced back to its file.
/// Stored as 32-bit numbers: a corpus keeps hundreds of thousands of them.
public struct LineRange: Hashable, Sendable, Codable, CustomStringConvertible {
    private var storedFirst: Int32
    private var storedLast: Int32

    public var first: Int {
        get { Int(storedFirst) }
        set { storedFirst = Int32(clamping: newValue) }
    }

    public var last: Int {
        get { Int(storedLast) }
        set { storedLast = Int32(clamping: newValue) }
    }

    public init(_ first: Int, _ last: Int) {
        storedFirst = Int32(clamping: first)
        storedLast = Int32(clamping: max(first, last))
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

    private enum CodingKeys: String, CodingKey { case first, last }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Int.self, forKey: .first), try container.decode(Int.self, forKey: .last))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(first, forKey: .first)
        try container.encode(last, forKey: .last)
    }
}
