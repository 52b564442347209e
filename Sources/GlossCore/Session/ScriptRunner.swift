import Foundation

/// Runs a script's lines through a session, reporting errors as `SCRIPT:LINE:COL: error: MESSAGE`.
/// Used by `gloss run`, by commands piped on standard input, and by `replay`.
public struct ScriptRunner {
    public struct Options: Sendable {
        public var keepGoing = false
        public var echo = false
        /// No status lines ("loaded …", "tagged …"); what commands print is kept.
        public var quiet = false
        public init() {}
    }

    /// Something for the front end to show, in order.
    public enum Event: Sendable {
        case echo(String)
        /// What a command was asked to print (a listing, JSON, an export to -).
        case output(String)
        /// What a command says it did ("loaded …", "tagged …", "saved …").
        case status(String)
        case warning(String)
        case error(String)
    }

    /// One command of a script: its text (continuation lines joined) and the line it starts on.
    public struct ScriptLine: Sendable, Equatable {
        public var number: Int
        public var text: String

        public init(number: Int, text: String) {
            self.number = number
            self.text = text
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Joins a script's lines into commands as they arrive: a line ending in `\` continues on the
    /// next; blank lines and `#` comments are dropped.
    public struct LineJoiner {
        private var pending: ScriptLine?

        public init() {}

        /// Feeds line `number`; returns a command when one is complete.
        public mutating func feed(_ raw: String, number: Int) -> ScriptLine? {
            var line = raw
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let continues = line.hasSuffix("\\") && !line.hasSuffix("\\\\")
            if continues { line.removeLast() }
            if var current = pending {
                current.text += line
                pending = current
            } else {
                let trimmed = line.trimmingWhitespace()
                if !continues && (trimmed.isEmpty || trimmed.hasPrefix("#")) { return nil }
                pending = ScriptLine(number: number, text: line)
            }
            guard !continues else { return nil }
            defer { pending = nil }
            return pending
        }

        /// A command left open by a final `\`.
        public mutating func finish() -> ScriptLine? {
            defer { pending = nil }
            return pending
        }
    }

    /// Splits script text into commands (see `LineJoiner`). A Markdown notebook (with ```gloss
    /// fences) contributes only the lines inside its `gloss` blocks, keeping their line numbers.
    public static func commands(in text: String) -> [ScriptLine] {
        var joiner = LineJoiner()
        var result: [ScriptLine] = []
        let lines = SourceDecoder.normalizeLineEndings(text).split(separator: "\n", omittingEmptySubsequences: false)
        let isNotebook = lines.contains { $0.trimmingWhitespace() == "```gloss" }
        var inBlock = false
        for (index, raw) in lines.enumerated() {
            if isNotebook {
                let trimmed = raw.trimmingWhitespace()
                if !inBlock {
                    inBlock = trimmed == "```gloss"
                    continue
                }
                if trimmed.hasPrefix("```") {
                    inBlock = false
                    continue
                }
            }
            if let command = joiner.feed(String(raw), number: index + 1) { result.append(command) }
        }
        if let last = joiner.finish() { result.append(last) }
        return result
    }

    /// Which FILE arguments a script refers to: `${args}` (all), or the highest `${N}`.
    public static func argumentsUsed(by commands: [ScriptLine]) -> (all: Bool, highest: Int) {
        var all = false
        var highest = 0
        for command in commands where command.text.contains("${") {
            var rest = command.text[...]
            while let open = rest.range(of: "${") {
                rest = rest[open.upperBound...]
                guard let close = rest.firstIndex(of: "}") else { break }
                let name = rest[..<close]
                if name == "args" { all = true } else if let number = Int(name), number > highest { highest = number }
                rest = rest[close...]
            }
        }
        return (all, highest)
    }

    /// Runs the commands; returns the number of errors. Stops at the first unless `keepGoing`, and at `quit`.
    @discardableResult
    public func run(_ commands: [ScriptLine], name: String, in session: Session, emit: (Event) -> Void) -> Int {
        var errors = 0
        session.groupingJournalWrites {
            errors = runEach(commands, name: name, in: session, emit: emit)
        }
        for warning in session.takeJournalWarnings() { emit(.warning("\(name): warning: \(warning)")) }
        for report in session.workspace.takeDriftReports() { emit(.warning("\(name): \(report)")) }
        return errors
    }

    /// Opens a saved session (`gloss NAME.gloss`): replays it quietly, paths relative to its folder.
    /// A failing line stops it with `SCRIPT:LINE:COL: error:` and a count of the lines not replayed;
    /// the session stays tied to the script either way, and `save` will not overwrite it with a
    /// partial state. Returns false when the replay stopped or the script could not be read.
    public static func open(_ path: String, shownAs name: String, in session: Session, emit: (Event) -> Void) -> Bool {
        let absolute = SessionScript.absolute(path, base: session.baseDirectory)
        let text: String
        do throws(GlossError) {
            text = try ScriptFile.read(absolute, shownAs: name)
        } catch {
            emit(.error("gloss: cannot open \(TerminalSafe.escape(error.message, keepNewlines: false))"))
            return false
        }
        let commands = commands(in: text)
        let savedBase = session.baseDirectory
        let folder = (absolute as NSString).deletingLastPathComponent
        var stop: (line: Int, left: Int)?
        let (_, outsideReads) = session.withScriptSandbox(scriptFolder: folder, files: []) {
            session.baseDirectory = folder
            session.script.replayLoads.append([])
            session.groupingJournalWrites {
                for (index, command) in commands.enumerated() {
                    let result = session.execute(command.text)
                    for warning in result.warnings { emit(.warning("\(name):\(command.number): warning: \(warning)")) }
                    if let error = result.error {
                        emit(
                            .error(
                                format(
                                    error, name: name, line: command.number, text: command.text,
                                    width: session.outputWidth)))
                        stop = (command.number, commands.count - index)
                        break
                    }
                    if result.quit { break }
                }
            }
            session.script.replayLoads.removeLast()
            session.baseDirectory = savedBase
        }
        if !outsideReads.isEmpty {
            emit(
                .warning(
                    "\(name): \(ScriptSandbox.describeOutsideReads(outsideReads)) (set strict on refuses such reads)"))
        }
        for warning in session.takeJournalWarnings() { emit(.warning("\(name): warning: \(warning)")) }
        for report in session.workspace.takeDriftReports() { emit(.warning("\(name): \(report)")) }
        session.setOrigin(absolute, stoppedAt: stop?.line, notReplayed: stop?.left ?? 0)
        guard let stop else { return true }
        let recovered = SessionScript.relative(SessionCommands.recoveredName(for: absolute), to: savedBase)
        emit(
            .warning(
                "\(name): opened up to line \(stop.line); \(stop.left) line\(stop.left == 1 ? " was" : "s were") not replayed. The session stays tied to \(name), but save will not overwrite it with this partial state: save \(recovered) keeps it beside, save --force replaces it"
            ))
        return false
    }

    private func runEach(_ commands: [ScriptLine], name: String, in session: Session, emit: (Event) -> Void) -> Int {
        var errors = 0
        for command in commands {
            if options.echo && !options.quiet { emit(.echo(command.text)) }
            let result = session.execute(command.text)
            for warning in result.warnings { emit(.warning("\(name):\(command.number): warning: \(warning)")) }
            let (printed, status) = OutputParts.split(result.output, result.statusRanges)
            if !printed.isEmpty { emit(.output(printed)) }
            if !status.isEmpty && !options.quiet { emit(.status(status)) }
            if let error = result.error {
                errors += 1
                emit(
                    .error(
                        Self.format(
                            error, name: name, line: command.number, text: command.text, width: session.outputWidth)))
                if error == .interrupted || !options.keepGoing { break }
            }
            if result.quit { break }
        }
        return errors
    }

    /// `NAME:LINE:COL: error: MESSAGE` (no column when unknown); the column counts from the line's start.
    public static func format(_ error: GlossError, name: String, line: Int, text: String, width: Int = 80) -> String {
        var location = "\(name):\(line)"
        if let column = error.column {
            let indent = text.prefix(while: { $0 == " " || $0 == "\t" }).count
            location += ":\(column + indent)"
        }
        for step in error.chain { location += ": " + step }
        var message =
            "\(TerminalSafe.escape(location, keepNewlines: false)): error: \(TerminalSafe.escape(error.message, keepNewlines: false))"
        if let detail = error.wrappedDetail(width: width) { message += "\n" + detail }
        return message
    }
}
