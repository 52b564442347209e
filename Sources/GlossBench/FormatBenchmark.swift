import Foundation
import GlossCore
import GlossPDF

/// Load figures of one folder of generated documents, measured in a process of its own (so the peak
/// memory is that load's): one warm-up load, then the measured ones, each into a fresh session.
struct FormatLoadResult: Codable {
    var set: DocumentSet
    var documents: Int
    var sections: Int
    var passages: Int
    var comments: Int
    /// UTF-8 bytes of the text gloss extracted: every unit's text (title, headings, passages, notes).
    var extractedTextBytes: Int
    var loadSeconds: [Double]
    var loadMedianSeconds: Double
    var loadCPUMedianSeconds: Double
    /// VmHWM after the warm-up load of a fresh process.
    var peakResidentBytes: Int
    var warnings: [String]

    var megabytesPerSecond: Double { Double(extractedTextBytes) / 1e6 / loadMedianSeconds }
    var pagesPerSecond: Double { Double(set.pages) / loadMedianSeconds }
    var matchesExpected: Bool { sections == set.expected.sections && passages == set.expected.passages }
}

/// The document-format benchmark: generates DOCX, ODT, EPUB and PDF documents from the corpus's
/// articles (`DocumentSetWriter`), loads each folder and its Markdown peer in child processes, and
/// reports MB/s of extracted text (pages/s for PDF), growth with size, and peak memory.
struct FormatBenchmark {
    let options: BenchOptions

    static let readers = ReaderRegistry.standard + [PDFReader()]

    /// Generates the documents and returns their listing.
    func writeDocuments() throws -> [DocumentSet] {
        let output = options.formatOutput ?? options.corpus + "-documents"
        var writer = DocumentSetWriter(
            source: try ArticleSource(folder: options.corpus), output: output,
            documentsPerSize: options.formatDocuments)
        return try writer.write(formats: options.formats, textSizes: options.formatSizes, pageCounts: options.pdfPages)
    }

    func run() throws -> FormatReport {
        let loadAverageStart = MachineLoad.oneMinute
        Log.line("writing the documents:")
        let generation = Clock.now()
        let sets = try writeDocuments()
        Log.line("  \(sets.count) folders in \(Format.seconds(Double(Clock.now() - generation) / 1e9))")
        var results: [FormatLoadResult] = []
        for set in sets {
            Log.line("\(set.format), \(set.size) (\(set.folder)):")
            let data = try JSONEncoder().encode(set)
            results.append(
                try ChildProcess.run(
                    FormatLoadResult.self, options: options,
                    ["--child-document-set", String(decoding: data, as: UTF8.self)]))
        }
        return FormatReport(
            results: results, processors: ProcessInfo.processInfo.activeProcessorCount,
            loadAverageStart: loadAverageStart, loadAverageEnd: MachineLoad.oneMinute)
    }

    /// In the child: loads one folder.
    static func measure(_ set: DocumentSet, repetitions: Int) throws -> FormatLoadResult {
        let folder = SessionScriptPaths.absolute(set.folder)
        var samples: [Double] = []
        var cpuSamples: [Double] = []
        var peak = 0
        var session: Session?
        var warnings: [String] = []
        for run in 0...repetitions {
            session = nil
            let fresh = Session(readers: readers, baseDirectory: folder)
            var result = ExecutionResult()
            let cpuStart = Clock.processCPUSeconds()
            let seconds = Clock.seconds { result = fresh.execute("load " + CommandLineTokenizer.quote(folder)) }
            let cpu = Clock.processCPUSeconds() - cpuStart
            if let error = result.error { throw BenchError("load \(folder) failed: \(error.message)") }
            warnings = result.warnings
            if run == 0 {
                peak = Memory.peakResident
            } else {
                samples.append(seconds)
                cpuSamples.append(cpu)
            }
            Log.line(
                "  load \(run == 0 ? "warm-up" : "run \(run)"): \(Format.seconds(seconds)) (CPU \(Format.seconds(cpu))), "
                    + "peak \(Format.megabytes(Memory.peakResident)) MB")
            session = fresh
        }
        guard let workspace = session?.workspace else { throw BenchError("no session") }
        var textBytes = 0
        for id in workspace.corpus.units.indices { textBytes += workspace.corpus.text(ofUnit: Int32(id)).utf8.count }
        let result = FormatLoadResult(
            set: set, documents: workspace.corpus.documents.count,
            sections: workspace.corpus.documents.reduce(0) { $0 + $1.headedSectionCount },
            passages: workspace.corpus.documents.reduce(0) { $0 + $1.passageCount },
            comments: workspace.corpus.documents.reduce(0) { $0 + $1.comments.count },
            extractedTextBytes: textBytes, loadSeconds: samples, loadMedianSeconds: Clock.median(samples),
            loadCPUMedianSeconds: Clock.median(cpuSamples), peakResidentBytes: peak, warnings: warnings)
        Log.line(
            "  \(result.documents) documents, \(result.sections) sections, \(result.passages) passages "
                + "(expected \(set.expected.sections), \(set.expected.passages)), \(Format.megabytes(textBytes)) MB of text"
        )
        return result
    }
}
