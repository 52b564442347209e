import Foundation
import GlossCore

/// `suggest` latency on a loaded corpus: five tags with ten whole documents each (spread over the
/// corpus), then the first `suggest TAG` (which also builds the TF-IDF rows the workspace keeps),
/// later ones, and `suggest --all`. Wall time and CPU time (both cores) are kept.
struct SuggestResult: Codable {
    var documents: Int
    var tags: Int
    var examplesPerTag: Int
    var firstSeconds: Double
    var firstCPUSeconds: Double
    var tagSeconds: [Double]
    var tagMedianSeconds: Double
    var tagCPUMedianSeconds: Double
    var allSeconds: [Double]
    var allMedianSeconds: Double
    var allCPUMedianSeconds: Double
    /// Rows `suggest --all` ranked (every uncoded document).
    var allRows: Int

    static let tagCount = 5
    static let examplesPerTag = 10

    static func measure(_ session: Session, repetitions: Int) throws -> SuggestResult {
        let workspace = session.workspace
        let documents = workspace.corpus.documents.count
        let step = max(1, documents / (tagCount * examplesPerTag))
        for index in 0..<(tagCount * examplesPerTag) {
            let id = workspace.corpus.documents[min(documents - 1, index * step)].id
            try expectSuccess(session.execute("tag \(id): suggest\(index % tagCount)"), "tag \(id):")
        }
        var result = ExecutionResult()
        var firstCPU = 0.0
        let first = timed(&firstCPU) { result = session.execute("suggest suggest0 --limit 20 --json") }
        try expectSuccess(result, "suggest suggest0")
        var tagSamples: [Double] = []
        var tagCPU: [Double] = []
        var allSamples: [Double] = []
        var allCPU: [Double] = []
        // Fewer runs than a query gets: each takes a good part of a second on the full corpus.
        let runs = max(3, repetitions / 3)
        for run in 0..<runs {
            var cpu = 0.0
            let line = "suggest suggest\(run % tagCount) --limit 20 --json"
            tagSamples.append(timed(&cpu) { result = session.execute(line) })
            try expectSuccess(result, line)
            tagCPU.append(cpu)
        }
        var allRows = 0
        for _ in 0..<runs {
            var cpu = 0.0
            allSamples.append(timed(&cpu) { result = session.execute("suggest --all --limit 20 --json") })
            try expectSuccess(result, "suggest --all")
            allCPU.append(cpu)
            allRows = SizeBenchmark.findTotal(result.output)
        }
        let measured = SuggestResult(
            documents: documents, tags: tagCount, examplesPerTag: examplesPerTag, firstSeconds: first,
            firstCPUSeconds: firstCPU,
            tagSeconds: tagSamples, tagMedianSeconds: Clock.median(tagSamples),
            tagCPUMedianSeconds: Clock.median(tagCPU),
            allSeconds: allSamples, allMedianSeconds: Clock.median(allSamples),
            allCPUMedianSeconds: Clock.median(allCPU), allRows: allRows)
        Log.line(
            "  suggest on \(Format.count(documents)) documents: first \(Format.seconds(first)), TAG \(Format.seconds(measured.tagMedianSeconds)), "
                + "--all \(Format.seconds(measured.allMedianSeconds)) (\(Format.count(allRows)) rows)")
        return measured
    }

    /// A fresh session with the first `count` files of the corpus's first part, for the small figure.
    static func measureSmall(corpus: String, manifest: CorpusManifest, count: Int, repetitions: Int) throws
        -> SuggestResult
    {
        let folder = corpus + "/" + manifest.parts[0]
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter(
            ReaderRegistry.standard.readsFile(named:)
        ).sorted()
        let session = Session(baseDirectory: corpus)
        let line =
            "load " + names.prefix(count).map { CommandLineTokenizer.quote(folder + "/" + $0) }.joined(separator: " ")
        try expectSuccess(session.execute(line), "load of \(count) files")
        return try measure(session, repetitions: repetitions)
    }

    private static func timed(_ cpu: inout Double, _ body: () -> Void) -> Double {
        let start = Clock.processCPUSeconds()
        let seconds = Clock.seconds(body)
        cpu = Clock.processCPUSeconds() - start
        return seconds
    }
}
