import Foundation
import XCTest

/// A `gloss` process fed one command at a time through a pipe, with its output read line by line,
/// so a test can stop it at a chosen point (SIGKILL) and start another.
final class StreamingProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffers: [Int32: Data] = [:]

    init(arguments: [String], directory: URL, state: URL) throws {
        process.executableURL = try GlossProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8",
            "XDG_STATE_HOME": state.path, "XDG_CONFIG_HOME": directory.appendingPathComponent(".config").path,
        ].merging(GlossProcess.sanitizerEnvironment) { $1 }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// The next line of standard output, or nil at end of file or after `timeout` seconds.
    func readLine(timeout: Double = 20) -> String? {
        readLine(from: output.fileHandleForReading.fileDescriptor, timeout: timeout)
    }

    /// The next line of standard error.
    func readErrorLine(timeout: Double = 20) -> String? {
        readLine(from: errors.fileHandleForReading.fileDescriptor, timeout: timeout)
    }

    private func readLine(from descriptor: Int32, timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var buffer = buffers[descriptor] ?? Data()
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                buffers[descriptor] = buffer
                return line
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var descriptorSet = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptorSet, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { return nil }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[..<count])
            buffers[descriptor] = buffer
        }
    }

    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Closes standard input and waits; returns (status, standard error).
    func finish() -> (Int32, String) {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return (
            process.terminationStatus,
            String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        )
    }

    /// Standard output not yet read, after the process has ended.
    func remainingOutput() -> String {
        let unread = buffers[output.fileHandleForReading.fileDescriptor] ?? Data()
        return String(decoding: unread + output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Standard error not yet read, after the process has ended.
    func errorOutput() -> String {
        let unread = buffers[errors.fileHandleForReading.fileDescriptor] ?? Data()
        return String(decoding: unread + errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}

/// A small seeded generator, so a failing random kill point can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed
    }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
