import Foundation

/// Shows long output through `$PAGER` (default `less -FRX`) on a terminal; short output is printed.
enum Pager {
    static func show(_ text: String, enabled: Bool) {
        let lines = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        guard enabled, Terminal.stdoutIsTerminal, Terminal.stdinIsTerminal, lines >= Terminal.height - 1 else {
            Terminal.write(text)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let command = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
        guard let pipe = popen(command, "w") else {
            Terminal.write(text)
            return
        }
        // Ctrl-C belongs to the pager while it runs; the handler is put back exactly as it was
        // (sigaction keeps its no-restart flag, which signal() would not).
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var previous = sigaction()
        sigaction(SIGINT, &ignore, &previous)
        fputs(text, pipe)
        pclose(pipe)
        sigaction(SIGINT, &previous, nil)
    }
}
