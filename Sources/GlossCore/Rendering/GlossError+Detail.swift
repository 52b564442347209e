/// Showing an error's detail lines on a terminal.
extension GlossError {
    /// The detail lines wrapped at word boundaries to `width` columns, indented by two, escaped for a
    /// terminal (a quoted passage is long; the terminal would cut its words).
    public func wrappedDetail(width: Int) -> String? {
        guard let detail else { return nil }
        var output = OutputBuilder(width: width, color: false)
        for line in detail.split(separator: "\n", omittingEmptySubsequences: false) {
            output.line(StyledText(TerminalSafe.escape(String(line), keepNewlines: false)), indent: 2)
        }
        return String(output.text.dropLast())
    }
}
