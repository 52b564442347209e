/// What running one line produced; the front end decides how to show it.
public struct ExecutionResult: Sendable {
    /// Everything the line printed, in order: what it was asked to print and its status lines.
    public var output = ""
    /// UTF-8 ranges of `output` that are status lines ("loaded …", "tagged …", "saved …"): a terminal
    /// shows them in place; `gloss run` sends them to standard error.
    public var statusRanges: [Range<Int>] = []
    public var warnings: [String] = []
    public var error: GlossError?
    /// The command asked to leave the session (`quit`).
    public var quit = false
    /// The canonical name of the command that ran, when the line parsed.
    public var commandName: String?

    public init() {}

    /// The output without its status lines: what the commands were asked to print.
    public var printedOutput: String { OutputParts.split(output, statusRanges).printed }

    /// The status lines alone.
    public var statusOutput: String { OutputParts.split(output, statusRanges).status }

    /// Joins the outputs of several commands (the lines of one compound command) with their status ranges.
    mutating func setOutput(of builders: [OutputBuilder]) {
        output = ""
        statusRanges = []
        for builder in builders {
            let start = output.utf8.count
            output += builder.text
            statusRanges += builder.statusRanges.map { ($0.lowerBound + start)..<($0.upperBound + start) }
        }
    }
}

/// Splits output into what was printed and its status lines.
enum OutputParts {
    static func split(_ output: String, _ ranges: [Range<Int>]) -> (printed: String, status: String) {
        guard !ranges.isEmpty else { return (output, "") }
        let bytes = Array(output.utf8)
        var printed: [UInt8] = []
        var status: [UInt8] = []
        var cursor = 0
        for range in ranges where range.lowerBound >= cursor && range.upperBound <= bytes.count {
            printed += bytes[cursor..<range.lowerBound]
            status += bytes[range]
            cursor = range.upperBound
        }
        printed += bytes[cursor...]
        return (String(decoding: printed, as: UTF8.self), String(decoding: status, as: UTF8.self))
    }
}
