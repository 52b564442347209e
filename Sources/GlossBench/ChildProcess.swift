import Foundation

/// Each size runs in a fresh copy of this executable, so its peak memory is its own and no size
/// warms the allocator for the next. The child prints its result as JSON on standard output.
enum ChildProcess {
    static func run<Result: Decodable>(_ type: Result.Type, options: BenchOptions, _ extra: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments =
            [
                options.corpus,
                "--warmup", "\(options.warmup)", "--repetitions", "\(options.repetitions)",
                "--load-repetitions", "\(options.loadRepetitions)",
                "--replay-commands", "\(options.replayCommands)", "--replay-repetitions",
                "\(options.replayRepetitions)",
            ]
            + options.extraQueries.flatMap { ["--query", $0] } + extra
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("child \(extra.joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(Result.self, from: data)
    }

    static func reply<Result: Encodable>(_ result: Result) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        FileHandle.standardOutput.write(try encoder.encode(result))
    }
}
