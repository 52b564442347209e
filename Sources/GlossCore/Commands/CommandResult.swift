/// What a command found, as a value: `CommandInvocation.present` writes it as text (wrapped, styled
/// when the terminal has colour) or, when the command was given --json, as JSON. Commands build the
/// value and leave the format to the renderer, so what text and JSON include is decided once.
protocol CommandResult {
    func writeText(into output: inout OutputBuilder)
    func json() -> JSONValue
}
