import Foundation
import GlossCore

/// Facts about the terminal and the process's signals. Everything terminal-specific lives in the
/// executable; the core only receives a width and a colour flag.
enum Terminal {
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Columns of the terminal on standard output, re-read on every call so resizes take effect.
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return 80
    }

    static var height: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return 24
    }

    /// Colour only on a terminal, never with NO_COLOR set (any value) or TERM=dumb.
    static func colorAllowed(noColorFlag: Bool) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if noColorFlag || environment["NO_COLOR"] != nil || environment["TERM"] == "dumb" { return false }
        return stdoutIsTerminal
    }

    /// UTF-8 input needs a UTF-8 locale; without one (LANG unset in CI) libedit drops non-ASCII bytes.
    static func setUpLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        setlocale(LC_NUMERIC, "C")
    }

    static func write(_ text: String, to descriptor: Int32 = STDOUT_FILENO) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    static func writeError(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
    }
}

/// Ctrl-C: a handler without SA_RESTART, so a blocked read returns and long commands see the flag.
enum Interrupts {
    /// Raised by SIGINT; the session polls it.
    static let flag = CancellationFlag()
    /// Set by SIGWINCH; the line editor re-reads the size.
    nonisolated(unsafe) static var resized: sig_atomic_t = 0
    /// Set while the line editor waits for a line. A SIGINT that arrives while libedit is between two
    /// reads (drawing the echo of a key, say) cannot interrupt the next read, which then blocks with the
    /// flag raised and the Ctrl-C lost; so the handler also starts a timer whose SIGALRM interrupts it.
    nonisolated(unsafe) static var reading: sig_atomic_t = 0

    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupts.flag.raise()
            if Interrupts.reading != 0 { Interrupts.setRetryTimer(milliseconds: 10) }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)

        // SIGALRM only interrupts a blocked read (no SA_RESTART); the line editor then sees the flag.
        var retry = sigaction()
        retry.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&retry.sa_mask)
        retry.sa_flags = 0
        sigaction(SIGALRM, &retry, nil)

        var resize = sigaction()
        resize.__sigaction_handler.sa_handler = { _ in Interrupts.resized = 1 }
        sigemptyset(&resize.sa_mask)
        resize.sa_flags = SA_RESTART
        sigaction(SIGWINCH, &resize, nil)

        signal(SIGPIPE, SIG_IGN)
    }

    /// Sends SIGALRM every `milliseconds` until called with 0. Called from the SIGINT handler:
    /// setitimer is a plain system call on Linux.
    static func setRetryTimer(milliseconds: Int) {
        let interval = timeval(tv_sec: 0, tv_usec: suseconds_t(milliseconds * 1_000))
        var timer = itimerval(it_interval: interval, it_value: interval)
        setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
    }
}
