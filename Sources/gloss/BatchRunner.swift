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
    func runScript(at path: String, files: [String]) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "permission denied"
            Terminal.writeError("gloss: cannot read script \(TerminalSafe.escape(path, keepNewlines: false)): \(reason)")
            return 2
        }
        let text = String(decoding: data, as: UTF8.self)
        let commands = ScriptRunner.commands(in: text)
        for (index, file) in files.enumerated() { session.variables[String(index + 1)] = file }
        session.variables["args"] = files.map(CommandLineTokenizer.quote).joined(separator: " ")
        if let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path as String?, !directory.isEmpty {
            session.variables["scriptdir"] = directory
        }
        let usesArguments = commands.contains { $0.text.contains("${1}") || $0.text.contains("${args}") }
        if !usesArguments && !files.isEmpty {
            let preload = files.map { ScriptRunner.ScriptLine(number: 0, text: "load " + CommandLineTokenizer.quote($0)) }
            if ScriptRunner(options: options).run(preload, name: "<arguments>", in: session, emit: show) > 0 { return 1 }
        }
        return ScriptRunner(options: options).run(commands, name: name, in: session, emit: show) > 0 ? 1 : 0
    }

    /// Commands piped on standard input, as `run` does them, after loading `files`.
    func runStandardInput(preloading files: [String]) -> Int32 {
        var options = self.options
        options.keepGoing = false
        let runner = ScriptRunner(options: options)
        let preload = files.map { ScriptRunner.ScriptLine(number: 0, text: "load " + CommandLineTokenizer.quote($0)) }
        if runner.run(preload, name: "<arguments>", in: session, emit: show) > 0 { return 1 }
        var text = ""
        while let line = Swift.readLine(strippingNewline: false) { text += line }
        return runner.run(ScriptRunner.commands(in: text), name: name, in: session, emit: show) > 0 ? 1 : 0
    }

    func show(_ event: ScriptRunner.Event) {
        switch event {
        case .echo(let command): Terminal.write("> " + TerminalSafe.escape(command, keepNewlines: false) + "\n")
        case .output(let text): Terminal.write(text)
        case .warning(let text): Terminal.writeError(text)
        case .error(let text): Terminal.writeError(text)
        }
    }
}
