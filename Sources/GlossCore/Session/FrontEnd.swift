/// What the front end (the REPL, `gloss run`, a test) tells the core about the person and the
/// terminal: whether someone can answer a question, how to ask it, how to show a long load, and
/// the width and colour of output when settings do not say otherwise. The core never asks the
/// terminal itself.
public struct FrontEnd {
    /// True when a person is at a terminal: commands may ask for confirmation through `confirm`.
    public var isInteractive = false
    /// Asks the user a yes/no question (set by the terminal front end only).
    public var confirm: ((String) -> Bool)?
    /// Told when a big load starts and ends, to draw its progress.
    public var loadProgressObserver: LoadProgressObserver?
    public var terminalWidth = 80
    public var terminalColor = false

    public init() {}
}
