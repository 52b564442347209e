import Foundation
import GlossCore

/// Figures for one corpus size, measured in a process of its own so that peak memory is that size's.
struct SizeResult: Codable {
    var parts: Int
    var documents: Int
    var bytes: Int
    var units: Int
    var passages: Int
    var vocabulary: Int
    var loadWarningCount: Int
    /// The unmeasured first load (page cache already warm when scripts/bench ran the peers first).
    var warmupLoadSeconds: Double
    var loadSeconds: [Double]
    var loadMedianSeconds: Double
    /// CPU time (all threads) of the measured loads, and its median.
    var loadCPUSeconds: [Double]
    var loadCPUMedianSeconds: Double
    var throughputMBPerSecond: Double
    /// VmHWM after the first load of a fresh process: the peak of load + parse + index.
    var peakResidentBytes: Int
    /// VmRSS once the load has finished (what the workspace keeps).
    var residentAfterLoadBytes: Int
    /// VmHWM at the end of the run (every load, tagging and query included).
    var peakResidentEndBytes: Int
    var tagCommand: String
    var tagSeconds: Double
    var taggedUnits: Int
    var queries: [QueryResult]
    /// `suggest` on this size, and (on the smallest size only) on its first 2,000 documents.
    var suggest: SuggestResult
    var suggestSmall: SuggestResult?
    /// One load split into its phases through the library (after the queries, one run).
    var phases: LoadPhases
    /// 1-minute load average of the machine when this size started and when it ended.
    var loadAverageStart: Double
    var loadAverageEnd: Double

    var peakMultiple: Double { Double(peakResidentBytes) / Double(bytes) }
}

/// Where the time of a load goes: finding the files, reading and parsing them (on all cores), and
/// adding them to a workspace (units and the inverted index), timed by calling the library's steps
/// one by one as `load` does.
struct LoadPhases: Codable {
    var scanSeconds: Double
    var readParseSeconds: Double
    var addIndexSeconds: Double
    /// Growth of the resident set over each phase: the parsed documents, then units and index
    /// (rough: the allocator may reuse memory freed earlier in the process).
    var readParseResidentBytes: Int
    var addIndexResidentBytes: Int

    static func measure(paths: [String], baseDirectory: String) throws -> LoadPhases {
        var candidates: [DocumentLoader.Candidate] = []
        let scan = try Clock.seconds {
            candidates = try DocumentLoader.candidates(for: paths, baseDirectory: baseDirectory)
        }
        var documents: [Document] = []
        let before = Memory.resident
        let readParse = try Clock.seconds { documents = try DocumentLoader.load(candidates).documents }
        let afterParse = Memory.resident
        let workspace = Workspace()
        let add = Clock.seconds { workspace.add(documents) }
        return LoadPhases(
            scanSeconds: scan, readParseSeconds: readParse, addIndexSeconds: add,
            readParseResidentBytes: afterParse - before, addIndexResidentBytes: Memory.resident - afterParse)
    }
}

/// One query's latency, evaluated two ways through `Session.execute`.
struct QueryResult: Codable {
    var name: String
    var query: String
    /// Units matched (the size of the view after `filter QUERY`).
    var hits: Int
    /// Elements `find` reports (a FAQ question and answer count once).
    var findTotal: Int
    var repetitions: Int
    /// `filter QUERY`: parse, evaluate over the whole index, keep the unit set, print one line.
    var filterMedianSeconds: Double
    var filterSeconds: [Double]
    /// `find --json --limit 1 QUERY`: the same evaluation, then grouping every hit by element and
    /// rendering one result.
    var findMedianSeconds: Double
    var findSeconds: [Double]
}

struct SizeBenchmark {
    let options: BenchOptions
    let manifest: CorpusManifest
    let parts: Int

    func run() throws -> SizeResult {
        let loadAverageStart = MachineLoad.oneMinute
        let corpus = SessionScriptPaths.absolute(options.corpus)
        let paths = manifest.parts.prefix(parts).map { corpus + "/" + $0 }
        let loadLine = "load " + paths.map(CommandLineTokenizer.quote).joined(separator: " ")

        // Load + parse + index: one warm-up load (its VmHWM is the peak), then the measured loads,
        // each into a fresh session; the last session is kept for the queries.
        var session: Session?
        var warmup = 0.0
        var samples: [Double] = []
        var cpuSamples: [Double] = []
        var peak = 0
        var residentAfterLoad = 0
        var warnings = 0
        for run in 0...options.loadRepetitions {
            session = nil
            let fresh = Session(baseDirectory: corpus)
            var result = ExecutionResult()
            let cpuStart = Clock.processCPUSeconds()
            let seconds = Clock.seconds { result = fresh.execute(loadLine) }
            let cpu = Clock.processCPUSeconds() - cpuStart
            if let error = result.error { throw BenchError("load failed: \(error.message)") }
            warnings = result.warnings.count
            if run == 0 {
                warmup = seconds
                peak = Memory.peakResident
                residentAfterLoad = Memory.resident
            } else {
                samples.append(seconds)
                cpuSamples.append(cpu)
            }
            Log.line(
                "  load \(run == 0 ? "warm-up" : "run \(run)"): \(Format.seconds(seconds)) (CPU \(Format.seconds(cpu))), "
                    + "RSS \(Format.megabytes(Memory.resident)) MB, peak \(Format.megabytes(Memory.peakResident)) MB")
            session = fresh
        }
        guard let session else { throw BenchError("no session") }
        let workspace = session.workspace
        let bytes = workspace.corpus.documents.reduce(0) { $0 + $1.byteCount }
        let passages = workspace.corpus.units.filter { $0.kind != .heading && $0.kind != .title }.count
        let loadMedian = Clock.median(samples)

        // A tagged corpus for `tag:`: every passage the tag query keeps gets the tag.
        let tagQuery = manifest.queries.tag_query
        try expectSuccess(session.execute("filter " + tagQuery), "filter " + tagQuery)
        let tagLine = "tag @ \(BenchQuery.tagName)"
        var tagResult = ExecutionResult()
        let tagSeconds = Clock.seconds { tagResult = session.execute(tagLine) }
        try expectSuccess(tagResult, tagLine)
        let tagged = workspace.viewUnits.count
        try expectSuccess(session.execute("unfilter"), "unfilter")
        Log.line("  tagged \(tagged) units (filter \(tagQuery); \(tagLine)) in \(Format.seconds(tagSeconds))")

        var queries: [QueryResult] = []
        let extra = options.extraQueries.enumerated().map {
            BenchQuery(name: "query \($0.offset + 1)", text: $0.element)
        }
        for query in manifest.glossQueries + extra {
            queries.append(try measure(query, in: session))
        }
        let suggest = try SuggestResult.measure(session, repetitions: options.repetitions)
        var suggestSmall: SuggestResult?
        if parts == options.sizes.min() {
            suggestSmall = try SuggestResult.measureSmall(
                corpus: corpus, manifest: manifest, count: 2_000, repetitions: options.repetitions)
        }
        let phases = try LoadPhases.measure(paths: paths, baseDirectory: corpus)
        Log.line(
            "  phases: scan \(Format.seconds(phases.scanSeconds)), read+parse \(Format.seconds(phases.readParseSeconds)), "
                + "add+index \(Format.seconds(phases.addIndexSeconds)); RSS +\(Format.megabytes(phases.readParseResidentBytes)) MB parsed, "
                + "+\(Format.megabytes(phases.addIndexResidentBytes)) MB units and index")
        return SizeResult(
            parts: parts, documents: workspace.corpus.documents.count, bytes: bytes,
            units: workspace.corpus.units.count,
            passages: passages, vocabulary: workspace.corpus.index.vocabularySize, loadWarningCount: warnings,
            warmupLoadSeconds: warmup, loadSeconds: samples, loadMedianSeconds: loadMedian,
            loadCPUSeconds: cpuSamples, loadCPUMedianSeconds: Clock.median(cpuSamples),
            throughputMBPerSecond: Double(bytes) / 1e6 / loadMedian,
            peakResidentBytes: peak, residentAfterLoadBytes: residentAfterLoad,
            peakResidentEndBytes: Memory.peakResident,
            tagCommand: "filter \(tagQuery) · \(tagLine)", tagSeconds: tagSeconds, taggedUnits: tagged,
            queries: queries,
            suggest: suggest, suggestSmall: suggestSmall, phases: phases,
            loadAverageStart: loadAverageStart, loadAverageEnd: MachineLoad.oneMinute)
    }

    /// Times `filter QUERY` (then an untimed `unfilter`) and `find --json --limit 1 QUERY`, each after
    /// warm-up runs. A query slower than a second gets a third of the repetitions (at least 3).
    private func measure(_ query: BenchQuery, in session: Session) throws -> QueryResult {
        let filterLine = "filter " + query.text
        let findLine = "find --json --limit 1 " + query.text
        var hits = 0
        var first = 0.0
        for run in 0..<max(1, options.warmup) {
            var result = ExecutionResult()
            let seconds = Clock.seconds { result = session.execute(filterLine) }
            try expectSuccess(result, filterLine)
            if run == 0 { first = seconds }
            hits = session.workspace.viewUnits.count
            try expectSuccess(session.execute("unfilter"), "unfilter")
            try expectSuccess(session.execute(findLine), findLine)
        }
        let repetitions = first > 1 ? max(3, options.repetitions / 3) : options.repetitions
        var filterSamples: [Double] = []
        for _ in 0..<repetitions {
            var result = ExecutionResult()
            filterSamples.append(Clock.seconds { result = session.execute(filterLine) })
            try expectSuccess(result, filterLine)
            try expectSuccess(session.execute("unfilter"), "unfilter")
        }
        var findSamples: [Double] = []
        var findOutput = ""
        for _ in 0..<repetitions {
            var result = ExecutionResult()
            findSamples.append(Clock.seconds { result = session.execute(findLine) })
            try expectSuccess(result, findLine)
            findOutput = result.output
        }
        let total = Self.findTotal(findOutput)
        let result = QueryResult(
            name: query.name, query: query.text, hits: hits, findTotal: total, repetitions: repetitions,
            filterMedianSeconds: Clock.median(filterSamples), filterSeconds: filterSamples,
            findMedianSeconds: Clock.median(findSamples), findSeconds: findSamples)
        Log.line(
            "  \(query.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(query.text): \(hits) units, "
                + "filter \(Format.seconds(result.filterMedianSeconds)), find \(Format.seconds(result.findMedianSeconds))"
        )
        return result
    }

    /// `"total"` of `find --json` (or `suggest --json`) output.
    static func findTotal(_ json: String) -> Int {
        guard let data = json.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return -1 }
        return (object["total"] as? Int) ?? -1
    }
}

func expectSuccess(_ result: ExecutionResult, _ line: String) throws {
    if let error = result.error { throw BenchError("'\(line)' failed: \(error.message)") }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Progress goes to standard error; standard output carries only the results.
enum Log {
    static func line(_ text: String) {
        FileHandle.standardError.write((text + "\n").data(using: .utf8)!)
    }
}

enum SessionScriptPaths {
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}
