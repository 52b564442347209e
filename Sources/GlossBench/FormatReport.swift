import Foundation

/// The format benchmark's figures: one row per format and size beside its Markdown peer (the same
/// content as plain text, loaded in the same run), the growth of time per MB (per page for PDF) from
/// the smallest size to the largest, and the targets: DOCX, ODT and EPUB ≥ 10 MB/s of extracted
/// text and PDF ≥ 100 pages/s on the largest size.
struct FormatReport: Codable {
    struct Row: Codable {
        var format: String
        var size: String
        var megabytesPerSecond: Double
        var pagesPerSecond: Double?
        var peakResidentBytes: Int
        /// This format's median load time over its Markdown peer's.
        var timeRatioToMarkdown: Double
        var outlineMatches: Bool
    }

    struct Target: Codable {
        var format: String
        var figure: Double
        var unit: String
        var target: Double
        var met: Bool
        /// Seconds per MB (per page for PDF) on the largest size over the smallest, in wall-clock time and
        /// in CPU time (the verdict's: wall-clock time swings with what else the machine runs).
        var growthRatio: Double
        var growthCPURatio: Double
        var sizeRatio: Double
        /// The figure per CPU-second of the load (all threads), times the cores: what the load would reach
        /// on idle cores, for a machine shared with other work.
        var figurePerCPU: Double
    }

    var processors: Int
    var loadAverageStart: Double
    var loadAverageEnd: Double
    var results: [FormatLoadResult]
    var rows: [Row]
    var targets: [Target]

    static let megabyteTarget = 10.0
    static let pageTarget = 100.0

    init(results: [FormatLoadResult], processors: Int, loadAverageStart: Double, loadAverageEnd: Double) {
        self.processors = processors
        self.loadAverageStart = loadAverageStart
        self.loadAverageEnd = loadAverageEnd
        self.results = results
        func peer(of result: FormatLoadResult) -> FormatLoadResult? {
            results.first { $0.set.format == "markdown" && $0.set.size == result.set.size }
        }
        rows = results.map { result in
            Row(
                format: result.set.format, size: result.set.size, megabytesPerSecond: result.megabytesPerSecond,
                pagesPerSecond: result.set.format == "pdf" ? result.pagesPerSecond : nil,
                peakResidentBytes: result.peakResidentBytes,
                timeRatioToMarkdown: peer(of: result).map { result.loadMedianSeconds / $0.loadMedianSeconds } ?? .nan,
                outlineMatches: result.matchesExpected)
        }
        var targets: [Target] = []
        for format in ["docx", "odt", "epub", "pdf"] {
            let runs = results.filter { $0.set.format == format }
            guard let smallest = runs.first, let largest = runs.last else { continue }
            let isPDF = format == "pdf"
            let perUnit = { (result: FormatLoadResult, seconds: Double) in
                seconds / (isPDF ? Double(result.set.pages) : Double(result.extractedTextBytes) / 1e6)
            }
            let figure = isPDF ? largest.pagesPerSecond : largest.megabytesPerSecond
            let perCPU =
                (isPDF ? Double(largest.set.pages) : Double(largest.extractedTextBytes) / 1e6)
                / largest.loadCPUMedianSeconds * Double(processors)
            let target = isPDF ? Self.pageTarget : Self.megabyteTarget
            targets.append(
                Target(
                    format: format, figure: figure, unit: isPDF ? "pages/s" : "MB/s", target: target,
                    met: figure >= target,
                    growthRatio: perUnit(largest, largest.loadMedianSeconds)
                        / perUnit(smallest, smallest.loadMedianSeconds),
                    growthCPURatio: perUnit(largest, largest.loadCPUMedianSeconds)
                        / perUnit(smallest, smallest.loadCPUMedianSeconds),
                    sizeRatio: isPDF
                        ? Double(largest.set.pages) / Double(smallest.set.pages)
                        : Double(largest.extractedTextBytes) / Double(smallest.extractedTextBytes),
                    figurePerCPU: perCPU))
        }
        self.targets = targets
    }

    var text: String {
        var lines = [
            "Document formats (\(processors) cores, load average \(Format.fixed(loadAverageStart, 1)) at the start and "
                + "\(Format.fixed(loadAverageEnd, 1)) at the end; medians of the measured loads, each folder in a fresh process;",
            "MB = UTF-8 bytes of the text gloss extracted, every unit's text; markdown = the same content as plain text)",
            "",
        ]
        var table = [
            [
                "format", "size", "docs", "pages", "text MB", "load", "CPU", "MB/s", "MB/CPU-s", "pages/s",
                "× markdown", "peak RSS MB", "outline",
            ]
        ]
        for (result, row) in zip(results, rows) {
            table.append([
                result.set.format, result.set.size, "\(result.documents)",
                result.set.pages > 0 ? Format.count(result.set.pages) : "",
                Format.megabytes(result.extractedTextBytes), Format.seconds(result.loadMedianSeconds),
                Format.seconds(result.loadCPUMedianSeconds),
                Format.fixed(row.megabytesPerSecond, 1),
                Format.fixed(Double(result.extractedTextBytes) / 1e6 / result.loadCPUMedianSeconds, 1),
                row.pagesPerSecond.map { Format.fixed($0, 0) } ?? "",
                result.set.format == "markdown" ? "" : Format.fixed(row.timeRatioToMarkdown, 2),
                Format.megabytes(result.peakResidentBytes),
                row.outlineMatches
                    ? "as written"
                    : "\(result.sections)/\(result.set.expected.sections) s, \(result.passages)/\(result.set.expected.passages) p",
            ])
        }
        lines.append(Format.table(table))
        lines.append("")
        for target in targets {
            lines.append(
                "\(target.format.uppercased()): \(Format.fixed(target.figure, 1)) \(target.unit) on the largest size "
                    + "(target ≥ \(Format.fixed(target.target, 0)): \(target.met ? "met" : "MISSED")); time per "
                    + "\(target.unit == "pages/s" ? "page" : "MB") ×\(Format.fixed(target.growthCPURatio, 2)) in CPU time "
                    + "(×\(Format.fixed(target.growthRatio, 2)) wall-clock) for ×\(Format.fixed(target.sizeRatio, 1)) the size "
                    + "(\(target.growthCPURatio <= 1.25 ? "linear" : "NOT linear")); on idle cores (by CPU time) "
                    + "\(Format.fixed(target.figurePerCPU, 1)) \(target.unit)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
