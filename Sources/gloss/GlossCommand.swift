import ArgumentParser
import Foundation
import GlossCore

/// `gloss [FILE|DIR ...]`: open the REPL on documents; `gloss run SCRIPT`: replay a script in batch.
@main
struct GlossCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "A terminal notebook for reading, searching and coding articles.",
        discussion: """
            Opens a REPL with the given articles loaded (.txt, .md; directories are searched). \
            When standard input is not a terminal, commands are read from it as `gloss run` does. \
            Type `help` at the prompt for the commands.
            """,
        version: version,
        subcommands: [Open.self, Run.self],
        defaultSubcommand: Open.self
    )

    /// Usage errors exit with status 2 (ArgumentParser's default is 64).
    static func main() {
        Terminal.setUpLocale()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.write(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { Terminal.writeError(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Options shared by the interactive and batch entry points.
struct DisplayOptions: ParsableArguments {
    @Flag(name: .long, help: "Never colour the output (NO_COLOR in the environment does the same).")
    var noColor = false

    @Flag(name: .long, help: "Never page long output.")
    var noPager = false

    @Option(name: .long, help: "Output width in columns (default: the terminal's).")
    var width: Int?
}

extension GlossCommand {
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Open the REPL with articles loaded (the default command).")

        @Argument(help: "Articles, directories or glob patterns to load.", completion: .file())
        var files: [String] = []

        @OptionGroup var display: DisplayOptions

        func run() throws {
            // The session polls the flag the SIGINT handler raises.
            let session = Session(cancel: Interrupts.flag)
            session.terminalColor = Terminal.colorAllowed(noColorFlag: display.noColor)
            session.terminalWidth = display.width ?? Terminal.width
            if let width = display.width { session.settings.width = width }
            Interrupts.install()
            let interactive = Terminal.stdinIsTerminal && Terminal.stdoutIsTerminal
            if !interactive {
                session.terminalColor = false
                let status = BatchRunner(session: session, name: "<stdin>").runStandardInput(preloading: files)
                throw ExitCode(status)
            }
            let loop = InteractiveLoop(session: session, usePager: !display.noPager)
            for file in files {
                loop.execute("load " + CommandLineTokenizer.quote(file))
            }
            throw ExitCode(loop.run())
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a script (a saved session) in batch.",
            discussion: """
                Runs each line of SCRIPT as a command, printing outputs. At the first failing line it \
                prints SCRIPT:LINE:COL: error: MESSAGE to standard error and exits 1 (with \
                --keep-going it reports every error and exits 1 at the end). FILE arguments are the \
                variables ${1}, ${2}, … and ${args}; when the script uses none of them, the files are \
                loaded before it runs. Exit status 2 means bad usage or an unreadable script.
                """)

        @Argument(help: "The script to run.", completion: .file(extensions: ["gloss"]))
        var script: String

        @Argument(help: "Articles for ${1}, ${2}, … and ${args}.", completion: .file())
        var files: [String] = []

        @Option(name: .customLong("set"), help: ArgumentHelp("Define ${NAME} for the script.", valueName: "NAME=VALUE"))
        var assignments: [String] = []

        @Flag(help: "Run on after errors, reporting each; exit 1 at the end if any occurred.")
        var keepGoing = false

        @Flag(help: "Print each command before its output.")
        var echo = false

        @Flag(help: "Print only errors.")
        var quiet = false

        @OptionGroup var display: DisplayOptions

        func validate() throws {
            for assignment in assignments where !assignment.contains("=") || assignment.hasPrefix("=") {
                throw ValidationError("--set takes NAME=VALUE, not '\(assignment)'")
            }
        }

        func run() throws {
            let session = Session(cancel: Interrupts.flag)
            session.terminalColor = Terminal.colorAllowed(noColorFlag: display.noColor)
            session.terminalWidth = display.width ?? (Terminal.stdoutIsTerminal ? Terminal.width : 80)
            Interrupts.install()
            for assignment in assignments {
                let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                session.variables[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            var options = ScriptRunner.Options()
            options.keepGoing = keepGoing
            options.echo = echo
            options.quiet = quiet
            let runner = BatchRunner(session: session, name: script, options: options)
            throw ExitCode(runner.runScript(at: script, files: files))
        }
    }
}
