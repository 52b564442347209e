import Foundation
import GlossCore

/// Replay of a long saved session: the script is read, split into commands and run by `ScriptRunner`
/// in this process, into a fresh session each time, as `gloss run` does it (without printing).
struct ReplayResult: Codable {
    var commands: Int
    var articles: [String]
    var errors: Int
    var firstError: String?
    var warmupSeconds: Double
    var seconds: [Double]
    var medianSeconds: Double
    var microsecondsPerCommand: Double
}

struct ReplayBenchmark {
    let options: BenchOptions
    let manifest: CorpusManifest

    func run() throws -> ReplayResult {
        let corpus = SessionScriptPaths.absolute(options.corpus)
        let folder = corpus + "/" + manifest.parts[0]
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasSuffix(".txt") || $0.hasSuffix(".md")
        }.sorted()
        let articles = names.prefix(5).map { folder + "/" + $0 }
        let q = manifest.queries
        let writer = ReplayScriptWriter(
            articles: Array(articles), commandCount: options.replayCommands,
            filterWords: [
                q.common, q.not, q.prefix + "*", "city", "water", "said", "\"" + q.phrase.joined(separator: " ") + "\"",
            ])
        let directory = NSTemporaryDirectory() + "glossbench-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/replay.gloss"
        try writer.script().write(toFile: path, atomically: true, encoding: .utf8)

        var samples: [Double] = []
        var warmup = 0.0
        var errors = 0
        var firstError: String?
        var commandCount = 0
        for run in 0...options.replayRepetitions {
            let session = Session(baseDirectory: directory)
            session.isScript = true
            var runErrors = 0
            let seconds = try Clock.seconds {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let commands = ScriptRunner.commands(in: text)
                commandCount = commands.count
                runErrors = ScriptRunner().run(commands, name: "replay.gloss", in: session) { event in
                    if case .error(let message) = event, firstError == nil { firstError = message }
                }
            }
            errors = max(errors, runErrors)
            if run == 0 { warmup = seconds } else { samples.append(seconds) }
            Log.line(
                "  replay \(run == 0 ? "warm-up" : "run \(run)"): \(commandCount) commands in \(Format.seconds(seconds))"
            )
        }
        let median = Clock.median(samples)
        return ReplayResult(
            commands: commandCount, articles: articles.map { ($0 as NSString).lastPathComponent },
            errors: errors, firstError: firstError, warmupSeconds: warmup, seconds: samples, medianSeconds: median,
            microsecondsPerCommand: median / Double(max(1, commandCount)) * 1e6)
    }
}
