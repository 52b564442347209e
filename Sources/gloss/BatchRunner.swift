import Foundation
import GlossCore

/// Runs scripts and piped commands without a terminal: outputs to stdout, errors to stderr.
struct BatchRunner {
    let session: Session
    let name: String
    var options = ScriptRunner.Options()

    init(session: Session, name: String, options: ScriptRunner.Options = ScriptRunner.Options()) {
        self.session = session
        self.name = name
        self.options = options
    }

    /// `gloss run SCRIPT FILE...`: 0 on success, 1 after an error, 2 when the script cannot be read.
    /// Paths in a script are relative to the script's folder (for `-`, a script read from standard
    /// input, the current folder); FILE arguments, given on the command line, are relative to the
    /// current folder and so are made absolute.
    func runScript(at path: String, files: [String]) -> Int32 {
        let text: String
        do {
            if path == "-" {
                text = try ScriptFile.decode(Array(FileHandle.standardInput.readDataToEndOfFile()), shownAs: name)
            } else {
                text = try ScriptFile.read(SessionScript.absolute(path, base: session.baseDirectory), shownAs: path)
            }
        } catch {
            Terminal.writeError("gloss: cannot read script \(TerminalSafe.escape(error.message, keepNewlines: false))")
            return 2
        }
        let commands = ScriptRunner.commands(in: text)
        let absoluteFiles = files.map { SessionScript.absolute($0, base: session.baseDirectory) }
        for (index, file) in absoluteFiles.enumerated() { session.variables[String(index + 1)] = file }
        session.variables["args"] = absoluteFiles.map(CommandLineTokenizer.quote).joined(separator: " ")
        let used = ScriptRunner.argumentsUsed(by: commands)
        let usesArguments = used.all || used.highest > 0
        if usesArguments, !used.all, files.count > used.highest {
            let unused = files[used.highest...].map { TerminalSafe.escape($0, keepNewlines: false) }
            Terminal.writeError(
                "gloss: warning: \(TerminalSafe.escape(name, keepNewlines: false)) uses ${1}\(used.highest > 1 ? "…${\(used.highest)}" : "") only; not used: \(unused.joined(separator: ", "))"
            )
        }
        if !usesArguments && !files.isEmpty {
            let preload = absoluteFiles.map {
                ScriptRunner.ScriptLine(number: 0, text: "load " + CommandLineTokenizer.quote($0))
            }
            if ScriptRunner(options: options).run(preload, name: "<arguments>", in: session, emit: Self.show) > 0 {
                return 1
            }
        }
        if path != "-" {
            session.baseDirectory =
                (SessionScript.absolute(path, base: session.baseDirectory) as NSString).deletingLastPathComponent
        }
        return ScriptRunner(options: options).run(commands, name: name, in: session, emit: Self.show) > 0 ? 1 : 0
    }

    /// `gloss --resume` without a terminal: restores the newest unfinished session (its messages on
    /// standard error), then reads standard input. Returns an exit status when it cannot go on.
    func resume() -> Int32? {
        let result = session.execute("resume")
        for warning in result.warnings {
            Terminal.writeError("gloss: warning: " + TerminalSafe.escape(warning, keepNewlines: false))
        }
        if let error = result.error {
            if error.message.hasPrefix("there is no unfinished session") {
                Terminal.writeError("gloss: there is no unfinished session to resume; starting a new one")
                return nil
            }
            Terminal.writeError("gloss: " + TerminalSafe.escape(error.message, keepNewlines: false))
            return 1
        }
        let message = TerminalSafe.removingStyles(result.output).trimmingCharacters(in: .whitespacesAndNewlines)
        if !message.isEmpty { Terminal.writeError("gloss: " + TerminalSafe.escape(message, keepNewlines: true)) }
        return nil
    }

    /// Commands piped on standard input, as `run` does them, after loading `files`.
    func runStandardInput(preloading files: [String], session script: String? = nil) -> Int32 {
        var options = self.options
        options.keepGoing = false
        let runner = ScriptRunner(options: options)
        if let script, !ScriptRunner.open(script, shownAs: script, in: session, emit: Self.show) { return 1 }
        let preload = files.map { ScriptRunner.ScriptLine(number: 0, text: "load " + CommandLineTokenizer.quote($0)) }
        if runner.run(preload, name: "<arguments>", in: session, emit: Self.show) > 0 { return 1 }
        // Each command runs as soon as its line arrives, as at a prompt.
        var joiner = ScriptRunner.LineJoiner()
        var number = 0
        while let raw = Swift.readLine(strippingNewline: true) {
            number += 1
            guard let command = joiner.feed(raw.hasSuffix("\r") ? String(raw.dropLast()) : raw, number: number) else {
                continue
            }
            if runner.run([command], name: name, in: session, emit: Self.show) > 0 { return 1 }
            if session.history.last?.commandName == "quit" { return 0 }
        }
        if let last = joiner.finish(), runner.run([last], name: name, in: session, emit: Self.show) > 0 { return 1 }
        return 0
    }

    /// Files the script read outside its folder, the current folder and its FILE arguments (allowed
    /// without --strict, but said).
    func reportOutsideReads() {
        guard let reads = session.sandbox?.outsideReads, !reads.isEmpty else { return }
        let summary = TerminalSafe.escape(ScriptSandbox.describeOutsideReads(reads), keepNewlines: false)
        Terminal.writeError(
            "gloss: \(TerminalSafe.escape(name, keepNewlines: false)) \(summary) (--strict refuses such reads)")
    }

    static func show(_ event: ScriptRunner.Event) {
        switch event {
        case .echo(let command): Terminal.write("> " + TerminalSafe.escape(command, keepNewlines: false) + "\n")
        case .output(let text): Terminal.write(text)
        // Status lines go to standard error, so that standard output carries only what was asked for.
        case .status(let text): Terminal.write(text, to: STDERR_FILENO)
        case .warning(let text): Terminal.writeError(TerminalSafe.escape(text, keepNewlines: false))
        case .error(let text): Terminal.writeError(text)
        }
    }
}
