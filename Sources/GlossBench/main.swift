import Foundation
import GlossCore

// GlossBench: the benchmark harness of gloss (see BenchOptions.usage and scripts/bench).

Allocator.configure()  // as gloss does at start, so the figures are the shipped tool's

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch let error as BenchOptions.UsageError {
    if !error.description.isEmpty { Log.line("GlossBench: \(error.description)") }
    FileHandle.standardError.write(BenchOptions.usage.data(using: .utf8)!)
    exit(error.description.isEmpty ? 0 : 2)
}

do {
    if let json = options.childDocumentSet {
        let set = try JSONDecoder().decode(DocumentSet.self, from: Data(json.utf8))
        try ChildProcess.reply(try FormatBenchmark.measure(set, repetitions: options.loadRepetitions))
    } else if !options.formats.isEmpty, options.writeDocumentsOnly {
        let sets = try FormatBenchmark(options: options).writeDocuments()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(DocumentSetWriter.Listing(sets: sets)), as: UTF8.self))
    } else if !options.formats.isEmpty {
        let report = try FormatBenchmark(options: options).run()
        print(report.text, terminator: "")
        if let path = options.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            try encoder.encode(report).write(to: URL(fileURLWithPath: path))
            Log.line("wrote \(path)")
        }
    } else {
        try runCorpusBenchmark(options)
    }
} catch {
    Log.line("GlossBench: \(error)")
    exit(1)
}

func runCorpusBenchmark(_ options: BenchOptions) throws {
    let manifest = try CorpusManifest.read(corpus: options.corpus)
    if let parts = options.childParts {
        try ChildProcess.reply(try SizeBenchmark(options: options, manifest: manifest, parts: parts).run())
    } else if options.childReplay {
        try ChildProcess.reply(try ReplayBenchmark(options: options, manifest: manifest).run())
    } else {
        var sizes: [SizeResult] = []
        for parts in options.sizes {
            Log.line("size \(Format.fraction(parts: parts)) (\(parts) of \(manifest.parts.count) parts):")
            sizes.append(try ChildProcess.run(SizeResult.self, options: options, ["--child-parts", "\(parts)"]))
        }
        var replay: ReplayResult?
        if options.replayCommands > 0 {
            Log.line("replay of \(options.replayCommands) commands:")
            replay = try ChildProcess.run(ReplayResult.self, options: options, ["--child-replay"])
        }
        let report = BenchReport(options: options, manifest: manifest, sizes: sizes, replay: replay)
        print(report.text, terminator: "")
        if let path = options.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: path))
            Log.line("wrote \(path)")
        }
    }
}
