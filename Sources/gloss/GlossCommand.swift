import ArgumentParser
import Foundation
import GlossCore
import GlossPDF

/// `gloss [FILE|DIR ...]`: open the REPL on documents; `gloss run SCRIPT`: replay a script in batch.
@main
struct GlossCommand: ParsableCommand {
    static let version = GlossVersion.current
    /// The formats this binary reads: the core's readers, and PDF (whose poppler the core does not link).
    static let readers = ReaderRegistry.standard + [PDFReader()]

    static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "A terminal notebook for reading, searching and coding articles.",
        discussion: """
            Opens a REPL with the given articles loaded (any format `help load` lists; directories \
            are searched). \
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
        Allocator.configure()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.write(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            // Arguments are echoed in usage errors: a file name can carry control characters.
            let message = TerminalSafe.escape(fullMessage(for: error), keepNewlines: true)
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
            abstract: "Open the REPL with articles loaded (the default command).",
            discussion: """
                A file ending in .gloss is a saved session: it is replayed quietly and the session \
                continues from it; `save` then writes back to it.
                """)

        @Argument(
            help: "Articles, directories or glob patterns to load, or a saved session (.gloss).", completion: .file())
        var files: [String] = []

        @Flag(name: .long, help: "Restore the most recent unfinished session (after a crash or kill).")
        var resume = false

        @Flag(name: .customShort("X"), help: "Do not run the startup file ($XDG_CONFIG_HOME/gloss/glossrc).")
        var skipStartupFile = false

        @Option(
            name: .customLong("allow-write"),
            help: ArgumentHelp(
                "With commands piped on standard input: let them save and export inside DIR too.", valueName: "DIR"))
        var allowWrite: [String] = []

        @Flag(
            name: .customLong("allow-net"),
            help: "With commands piped on standard input: let them fetch web pages (load URL).")
        var allowNet = false

        @OptionGroup var display: DisplayOptions

        func run() throws {
            // The session polls the flag the SIGINT handler raises.
            let session = Session(readers: GlossCommand.readers, cancel: Interrupts.flag)
            session.frontEnd.terminalColor = Terminal.colorAllowed(noColorFlag: display.noColor)
            session.frontEnd.terminalWidth = display.width ?? Terminal.width
            session.frontEnd.loadProgressObserver = ProgressBar.forTerminal()
            if let width = display.width { session.settings.width = width }
            Interrupts.install()
            let interactive = Terminal.stdinIsTerminal && Terminal.stdoutIsTerminal
            if !skipStartupFile { StartupFile.run(in: session) }
            let store = StatePaths.journalStore()
            session.journalStore = store
            let unfinished = store?.unfinished() ?? []
            do {
                session.journal = try store?.create(folder: session.baseDirectory)
            } catch {
                Terminal.writeError(
                    "gloss: warning: \(TerminalSafe.escape(error.message, keepNewlines: false)); this session is not protected against a crash"
                )
            }
            defer { Self.closeJournal(of: session) }

            let scripts = files.filter { $0.hasSuffix(".gloss") }
            let articles = files.filter { !$0.hasSuffix(".gloss") }
            guard scripts.count <= 1 else { throw ValidationError("open one saved session at a time") }

            if !interactive {
                session.frontEnd.terminalColor = false
                session.isScript = true
                let folder = session.baseDirectory
                session.sandbox = ScriptSandbox(
                    writableRoots: [folder] + allowWrite.map { SessionScript.absolute($0, base: folder) },
                    readableRoots: [folder] + files.map { SessionScript.absolute($0, base: folder) })
                session.sandbox?.allowsNetwork = allowNet
                let runner = BatchRunner(session: session, name: "<stdin>")
                if resume, let status = runner.resume() { throw ExitCode(status) }
                let status = runner.runStandardInput(preloading: articles, session: scripts.first)
                throw ExitCode(status)
            }
            let loop = InteractiveLoop(session: session, usePager: !display.noPager)
            if resume {
                loop.execute("resume")
            } else if let newest = unfinished.first {
                let count = unfinished.count == 1 ? "an unfinished session" : "\(unfinished.count) unfinished sessions"
                Terminal.writeError(
                    "gloss: \(count) can be restored (the newest from \(JournalStore.readable(newest.started)), \(Counted.phrase(newest.commandCount, "command"))): type 'resume' (or start with gloss --resume)"
                )
            }
            if let script = scripts.first {
                _ = ScriptRunner.open(script, shownAs: script, in: session, emit: BatchRunner.show)
            }
            for file in articles {
                loop.execute("load " + CommandLineTokenizer.quote(file))
            }
            throw ExitCode(loop.run())
        }

        /// Ends the journal: removed when everything is saved, kept (and said so) when work is not.
        static func closeJournal(of session: Session) {
            let hadJournal = session.journal != nil
            if session.closeJournal(), hadJournal {
                Terminal.writeError("gloss: unsaved work is kept as an unfinished session: gloss --resume restores it")
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a script (a saved session) in batch.",
            discussion: """
                Runs each line of SCRIPT (- reads it from standard input) as a command. Standard output \
                carries what commands print (listings, --json, export … -); status lines such as \
                loaded …, tagged … and saved … go to standard error. At the first failing line it \
                prints SCRIPT:LINE:COL: error: MESSAGE to standard error and exits 1 (with \
                --keep-going it reports every error and exits 1 at the end). FILE arguments are the \
                variables ${1}, ${2}, … and ${args}; when the script uses none of them, the files are \
                loaded before it runs. Exit status 2 means bad usage or an unreadable script.
                """)

        @Argument(help: "The script to run (- reads it from standard input).", completion: .file(extensions: ["gloss"]))
        var script: String

        @Argument(help: "Articles for ${1}, ${2}, … and ${args}.", completion: .file())
        var files: [String] = []

        @Option(name: .customLong("set"), help: ArgumentHelp("Define ${NAME} for the script.", valueName: "NAME=VALUE"))
        var assignments: [String] = []

        @Flag(help: "Run on after errors, reporting each; exit 1 at the end if any occurred.")
        var keepGoing = false

        @Flag(help: "Print each command before its output.")
        var echo = false

        @Flag(
            help:
                "Print no status lines (loaded …, tagged …, saved …); what commands print, such as export … - and --json, still goes to standard output."
        )
        var quiet = false

        @Option(
            name: .customLong("allow-write"),
            help: ArgumentHelp(
                "Let the script save and export inside DIR too (default: only under the current folder).",
                valueName: "DIR"))
        var allowWrite: [String] = []

        @Flag(
            help:
                "Let the script's saves and exports replace files (inside the folders it may write to), as when it runs again."
        )
        var force = false

        @Flag(
            help:
                "Let the script read only inside its own folder, the current folder, the FILE arguments and --allow-read folders (for scripts from others)."
        )
        var strict = false

        @Option(
            name: .customLong("allow-read"),
            help: ArgumentHelp("With --strict: let the script read inside DIR too.", valueName: "DIR"))
        var allowRead: [String] = []
        @Flag(
            name: .customLong("allow-net"),
            help: "Let the script fetch web pages (load URL); without it, pages come only from their snapshots.")
        var allowNet = false

        @OptionGroup var display: DisplayOptions

        func validate() throws {
            for assignment in assignments where !assignment.contains("=") || assignment.hasPrefix("=") {
                throw ValidationError("--set takes NAME=VALUE, not '\(assignment)'")
            }
        }

        func run() throws {
            let session = Session(readers: GlossCommand.readers, cancel: Interrupts.flag)
            session.frontEnd.terminalColor = Terminal.colorAllowed(noColorFlag: display.noColor)
            session.frontEnd.terminalWidth = display.width ?? (Terminal.stdoutIsTerminal ? Terminal.width : 80)
            session.frontEnd.loadProgressObserver = ProgressBar.forTerminal()
            Interrupts.install()
            for assignment in assignments {
                let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                session.variables[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            var options = ScriptRunner.Options()
            options.keepGoing = keepGoing
            options.echo = echo
            options.quiet = quiet
            session.isScript = true
            let folder = session.baseDirectory
            let scriptFolder =
                script == "-"
                ? folder : (SessionScript.absolute(script, base: folder) as NSString).deletingLastPathComponent
            session.sandbox = ScriptSandbox(
                writableRoots: [folder] + allowWrite.map { SessionScript.absolute($0, base: folder) },
                readableRoots: [scriptFolder, folder]
                    + (files + allowRead).map { SessionScript.absolute($0, base: folder) },
                strict: strict)
            session.sandbox?.allowsOverwrite = force
            session.sandbox?.allowsNetwork = allowNet
            let runner = BatchRunner(session: session, name: script == "-" ? "<stdin>" : script, options: options)
            let status = runner.runScript(at: script, files: files)
            runner.reportOutsideReads()
            throw ExitCode(status)
        }
    }
}
