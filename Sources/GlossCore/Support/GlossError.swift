/// The one error type the core throws: a one-line message, and where in the input it points when known.
public struct GlossError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// 1-based column in the command line (or query) the error points at.
    public var column: Int?
    /// Extra lines shown under the message (the passage a missing quote was looked for in, …).
    public var detail: String?
    /// Where inside nested replays the error happened, outermost first: `in replay of inner.gloss:7:3`.
    public var chain: [String] = []

    public init(_ message: String, column: Int? = nil, detail: String? = nil) {
        self.message = message
        self.column = column
        self.detail = detail
    }

    public var description: String {
        if let column { return "column \(column): \(message)" }
        return message
    }

    /// The same error with its column moved by `offset`, for errors found in a slice of a longer line.
    public func shifted(by offset: Int) -> GlossError {
        var copy = self
        if let column { copy.column = column + offset }
        return copy
    }
}
