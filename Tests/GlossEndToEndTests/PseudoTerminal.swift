import Foundation
import XCTest

/// Runs the built `gloss` binary in a new pseudo-terminal, as a user at a terminal would, and lets a test
/// type keys and wait for output.
///
/// The child is started with `posix_spawn` (no Swift code runs between fork and exec, which matters in a
/// multithreaded XCTest process): it becomes a session leader and opens the slave side, which makes it
/// its controlling terminal, so Ctrl-C raises SIGINT as at a real terminal. It gets a clean environment:
/// `TERM=dumb` (no colour, no cursor-motion escapes), `LANG=C.UTF-8`, `PAGER=cat`, and HOME and the XDG
/// state and configuration folders inside the given directory, which is also its working directory.
///
/// Every wait polls the master with a deadline and throws a `Failure` carrying the output so far.
/// Output is matched as raw bytes: the terminal turns each `\n` into `\r\n`.
final class PseudoTerminal {
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }
    }

    /// A wait that timed out or a terminal that could not be set up, with what the child wrote.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Keys as the terminal sends them.
    enum Key {
        static let enter = "\r"
        static let tab = "\t"
        static let up = "\u{1B}[A"
        static let ctrlC = "\u{3}"
        static let ctrlD = "\u{4}"
    }

    static let defaultTimeout: TimeInterval = 10

    let pid: pid_t
    private var master: Int32
    private var bytes: [UInt8] = []
    /// Where the next `expect` starts searching: just after the previous match.
    private(set) var mark = 0
    private var reachedEndOfFile = false
    private(set) var termination: Termination?

    /// Starts `gloss arguments…` in `directory` on a terminal of `columns` × `rows`.
    init(
        _ arguments: [String], in directory: URL, environment extra: [String: String] = [:],
        columns: Int = 100, rows: Int = 40
    ) throws {
        let binary = try GlossProcess.binary
        var environment = [
            "PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "TERM": "dumb", "PAGER": "cat",
            "XDG_STATE_HOME": directory.appendingPathComponent(".state").path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent(".config").path,
        ]
        environment.merge(extra) { $1 }
        environment.merge(GlossProcess.sanitizerEnvironment) { $1 }

        var masterDescriptor: Int32 = -1
        var slaveDescriptor: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterDescriptor, &slaveDescriptor, nil, nil, &size) == 0 else {
            throw Failure(description: "openpty failed: \(String(cString: strerror(errno)))")
        }
        // The parent's copy of the slave must be closed, or reading the master never reports end of file.
        defer { close(slaveDescriptor) }
        _ = fcntl(masterDescriptor, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slaveDescriptor, F_SETFD, FD_CLOEXEC)
        master = masterDescriptor

        var slaveName = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slaveDescriptor, &slaveName, slaveName.count) == 0 else {
            close(masterDescriptor)
            throw Failure(description: "ttyname_r failed")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard Self.addChangeDirectory(&actions, directory.path) == 0 else {
            close(masterDescriptor)
            throw Failure(description: "posix_spawn_file_actions_addchdir_np is unavailable")
        }
        // Opened after setsid and without O_NOCTTY, the slave becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD, SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaultSignals, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        let setSessionID: Int32 = 0x80  // POSIX_SPAWN_SETSID, which Swift does not import
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setSessionID))

        let argv = CStringArray([binary.path] + arguments)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        var child: pid_t = 0
        let status = posix_spawn(&child, binary.path, &actions, &attributes, argv.pointers, envp.pointers)
        guard status == 0 else {
            close(masterDescriptor)
            throw Failure(description: "posix_spawn \(binary.path) failed: \(String(cString: strerror(status)))")
        }
        pid = child
    }

    deinit {
        terminate()
    }

    /// Kills the child if it still runs, reaps it and closes the terminal. Safe to call twice.
    func terminate() {
        if termination == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            termination = Self.decode(status)
        }
        if master >= 0 {
            close(master)
            master = -1
        }
    }

    // MARK: Input

    /// Types `text` (use `Key` for special keys).
    func send(_ text: String) throws {
        var input = Array(text.utf8)
        var offset = 0
        while offset < input.count {
            let written = input.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("could not send \(Self.visible(text)): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    // MARK: Output

    /// Everything the child wrote so far, with the terminal's `\r\n` turned back into `\n`.
    var output: String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// What the child wrote since byte offset `start` (e.g. a previous `mark`).
    func output(since start: Int) -> String {
        String(decoding: bytes[min(start, bytes.count)...], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The number of bytes read so far; pass it to `output(since:)` later.
    var position: Int { bytes.count }

    /// Waits until `text` appears after the mark, then moves the mark past it. Returns what came before it.
    @discardableResult
    func expect(
        _ text: String, timeout: TimeInterval = defaultTimeout,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = Self.find(needle, in: bytes, from: mark) {
                let skipped = String(decoding: bytes[mark..<range.lowerBound], as: UTF8.self)
                mark = range.upperBound
                return skipped.replacingOccurrences(of: "\r\n", with: "\n")
            }
            try readMore(until: deadline, waitingFor: Self.visible(text), file: file, line: line)
        }
    }

    /// Waits until `predicate` holds for the output since the mark (with `\r\n` as `\n`); does not move the mark.
    func waitUntil(
        _ description: String, timeout: TimeInterval = defaultTimeout,
        file: StaticString = #filePath, line: UInt = #line, _ predicate: (String) -> Bool
    ) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !predicate(output(since: mark)) {
            try readMore(until: deadline, waitingFor: description, file: file, line: line)
        }
    }

    /// Waits until the line editor has put the terminal into raw mode (ICANON off). libedit prints the prompt
    /// before it switches, and keys typed in between are echoed twice or mangled, so wait for both.
    func waitForRawMode(timeout: TimeInterval = defaultTimeout, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        try waitForMode(canonical: false, timeout: timeout, file: file, line: line)
    }

    /// Waits until the terminal is back in canonical mode (ICANON set). After Enter, libedit restores the
    /// terminal before returning the line, so this is the sign that the command is running.
    func waitForCookedMode(timeout: TimeInterval = defaultTimeout, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        try waitForMode(canonical: true, timeout: timeout, file: file, line: line)
    }

    private func waitForMode(canonical: Bool, timeout: TimeInterval, file: StaticString, line: UInt) throws {
        let deadline = Date().addingTimeInterval(timeout)
        let what = canonical ? "canonical mode (ICANON set)" : "raw mode (ICANON cleared)"
        while true {
            var settings = termios()
            if master >= 0, tcgetattr(master, &settings) == 0, (settings.c_lflag & tcflag_t(ICANON) != 0) == canonical {
                return
            }
            // Short polls: there is no event for a mode change, so check again after each read or 5 ms.
            try readMore(until: deadline, waitingFor: what, pollMilliseconds: 5, file: file, line: line)
        }
    }

    /// Changes the window size as a terminal emulator does: TIOCSWINSZ on the master, then SIGWINCH to the
    /// child (the kernel also signals the foreground process group; a second signal is harmless).
    func resize(columns: Int, rows: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard master >= 0, ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else {
            throw failure("TIOCSWINSZ failed: \(String(cString: strerror(errno)))", file: file, line: line)
        }
        kill(pid, SIGWINCH)
    }

    /// Waits for `prompt` after the mark and for raw mode: afterwards keys can be typed safely.
    func waitForPrompt(
        _ prompt: String = "gloss> ", timeout: TimeInterval = defaultTimeout,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try expect(prompt, timeout: timeout, file: file, line: line)
        try waitForRawMode(timeout: timeout, file: file, line: line)
    }

    /// Waits for the child to exit, reading its output meanwhile, and returns how it ended.
    func waitForExit(timeout: TimeInterval = defaultTimeout, file: StaticString = #filePath, line: UInt = #line) throws
        -> Termination
    {
        if let termination { return termination }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let ended = Self.decode(status)
                termination = ended
                // The child is gone: read what it left in the terminal up to end of file.
                while !reachedEndOfFile, read(pollMilliseconds: 1_000) {}
                return ended
            }
            if result < 0 && errno != EINTR {
                throw failure("waitpid failed: \(String(cString: strerror(errno)))", file: file, line: line)
            }
            guard Date() < deadline else {
                throw failure("timed out after \(timeout) s waiting for the process to exit", file: file, line: line)
            }
            // No event tells the end of the process here, so check again after each read or 10 ms.
            if reachedEndOfFile { _ = poll(nil, 0, 10) } else { _ = read(pollMilliseconds: 10) }
        }
    }

    // MARK: Reading the master

    /// Reads once, waiting at most until the deadline; throws when it has passed or the child is gone.
    private func readMore(
        until deadline: Date, waitingFor what: String, pollMilliseconds: Int32? = nil,
        file: StaticString, line: UInt
    ) throws {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else {
            throw failure("timed out waiting for \(what)", file: file, line: line)
        }
        guard !reachedEndOfFile else {
            throw failure("the process closed the terminal while waiting for \(what)", file: file, line: line)
        }
        let milliseconds = Int32(min(remaining * 1_000 + 1, 60_000))
        _ = read(pollMilliseconds: pollMilliseconds.map { min($0, milliseconds) } ?? milliseconds)
    }

    /// Waits up to `pollMilliseconds` for output and appends it; returns whether bytes were read.
    /// Reading the master after the child has exited fails with EIO: that is the end of file.
    private func read(pollMilliseconds: Int32) -> Bool {
        guard master >= 0, !reachedEndOfFile else { return false }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, pollMilliseconds)
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 8_192)
        let count = Glibc.read(master, &buffer, buffer.count)
        if count > 0 {
            bytes += buffer[..<count]
            return true
        }
        if count == 0 || (errno != EINTR && errno != EAGAIN) { reachedEndOfFile = true }
        return false
    }

    private func failure(_ message: String, file: StaticString = #filePath, line: UInt = #line) -> Failure {
        var text = "\((String(describing: file) as NSString).lastPathComponent):\(line): \(message)"
        if let termination { text += " (the process \(termination))" }
        text += "\n--- output (mark at byte \(mark) of \(bytes.count)) ---\n" + Self.visible(output(since: 0))
        text += "\n--- output after the mark ---\n" + Self.visible(output(since: mark)) + "\n---"
        return Failure(description: text)
    }

    // MARK: Helpers

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty else { return start..<start }
        guard haystack.count - start >= needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index..<(index + needle.count) }
        }
        return nil
    }

    /// Control characters made visible (`^C`, `\e`, `\r`), newlines kept, for failure messages.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x1B: result += "\\e"
            case 0..<0x20: result += "^" + String(UnicodeScalar(UInt8(scalar.value) + 0x40))
            case 0x7F: result += "^?"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Decodes a `waitpid` status (the W… macros are not imported into Swift).
    private static func decode(_ status: Int32) -> Termination {
        status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
    }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29) is declared only under _GNU_SOURCE, so it is looked up.
    private static func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t, _ path: String) -> Int32 {
        typealias AddChangeDirectory =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW),
            let symbol = dlsym(handle, "posix_spawn_file_actions_addchdir_np")
        else { return -1 }
        let function = unsafeBitCast(symbol, to: AddChangeDirectory.self)
        return function(&actions, path)
    }
}

/// A NULL-terminated `char *[]` built before spawning and freed afterwards.
private final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[strings.count] = nil
    }

    deinit {
        for index in 0..<count { free(pointers[index]) }
        pointers.deallocate()
    }
}
