import Foundation

/// Everything one harness run measured, as printed and as written to JSON.
struct BenchReport: Codable {
    struct Corpus: Codable {
        var path: String
        var sizeMB: Double
        var seed: Int
        var files: Int
        var bytes: Int
    }

    /// Time ratios between consecutive sizes; linear growth has a time ratio close to the bytes ratio.
    struct Growth: Codable {
        var from: String
        var to: String
        var bytesRatio: Double
        var loadRatio: Double
        var loadCPURatio: Double
        var queryRatios: [String: Double]
        var queryTotalRatio: Double
        /// `suggest TAG` and `suggest --all` CPU time ratios (wall time swings more on a shared machine).
        var suggestTagCPURatio: Double
        var suggestAllCPURatio: Double
    }

    var corpus: Corpus
    var processors: Int
    var warmup: Int
    var repetitions: Int
    var loadRepetitions: Int
    var sizes: [SizeResult]
    var growth: [Growth]
    var replay: ReplayResult?

    init(options: BenchOptions, manifest: CorpusManifest, sizes: [SizeResult], replay: ReplayResult?) {
        corpus = Corpus(
            path: options.corpus, sizeMB: manifest.size_mb, seed: manifest.seed, files: manifest.files,
            bytes: manifest.bytes)
        processors = ProcessInfo.processInfo.activeProcessorCount
        warmup = options.warmup
        repetitions = options.repetitions
        loadRepetitions = options.loadRepetitions
        self.sizes = sizes
        self.replay = replay
        growth = zip(sizes, sizes.dropFirst()).map { small, large in
            var ratios: [String: Double] = [:]
            for (a, b) in zip(small.queries, large.queries) {
                ratios[a.name] = b.filterMedianSeconds / a.filterMedianSeconds
            }
            let totalSmall = small.queries.reduce(0) { $0 + $1.filterMedianSeconds }
            let totalLarge = large.queries.reduce(0) { $0 + $1.filterMedianSeconds }
            return Growth(
                from: Format.fraction(parts: small.parts), to: Format.fraction(parts: large.parts),
                bytesRatio: Double(large.bytes) / Double(small.bytes),
                loadRatio: large.loadMedianSeconds / small.loadMedianSeconds,
                loadCPURatio: large.loadCPUMedianSeconds / small.loadCPUMedianSeconds,
                queryRatios: ratios, queryTotalRatio: totalLarge / totalSmall,
                suggestTagCPURatio: large.suggest.tagCPUMedianSeconds / small.suggest.tagCPUMedianSeconds,
                suggestAllCPURatio: large.suggest.allCPUMedianSeconds / small.suggest.allCPUMedianSeconds)
        }
    }

    var text: String {
        var out =
            "GlossBench: \(corpus.path) (\(Format.fixed(Double(corpus.bytes) / 1e6, 1)) MB, \(Format.count(corpus.files)) files, seed \(corpus.seed)), "
        out +=
            "\(processors) cores; medians of \(loadRepetitions) loads and \(repetitions) query runs after warm-up\n\n"
        let header = [""] + sizes.map { "size " + Format.fraction(parts: $0.parts) }
        var rows = [header]
        rows.append(["documents"] + sizes.map { Format.count($0.documents) })
        rows.append(["MB"] + sizes.map { Format.megabytes($0.bytes) })
        rows.append(["units (passages)"] + sizes.map { "\(Format.count($0.units)) (\(Format.count($0.passages)))" })
        rows.append(["vocabulary"] + sizes.map { Format.count($0.vocabulary) })
        rows.append(["load+parse+index (s)"] + sizes.map { Format.fixed($0.loadMedianSeconds, 2) })
        rows.append(["  CPU time, all threads (s)"] + sizes.map { Format.fixed($0.loadCPUMedianSeconds, 2) })
        rows.append(
            ["  scan / read+parse / add+index"]
                + sizes.map {
                    "\(Format.fixed($0.phases.scanSeconds, 2)) / \(Format.fixed($0.phases.readParseSeconds, 2)) / \(Format.fixed($0.phases.addIndexSeconds, 2))"
                })
        rows.append(["throughput (MB/s)"] + sizes.map { Format.fixed($0.throughputMBPerSecond, 1) })
        rows.append(
            ["peak RSS, MB (× corpus)"]
                + sizes.map { "\(Format.megabytes($0.peakResidentBytes)) (\(Format.fixed($0.peakMultiple, 2))×)" })
        rows.append(["RSS after load, MB"] + sizes.map { Format.megabytes($0.residentAfterLoadBytes) })
        rows.append(
            ["  RSS growth parse / index, MB"]
                + sizes.map {
                    "\(Format.megabytes($0.phases.readParseResidentBytes)) / \(Format.megabytes($0.phases.addIndexResidentBytes))"
                })
        rows.append(
            ["machine load (start, end)"]
                + sizes.map { "\(Format.fixed($0.loadAverageStart, 1)), \(Format.fixed($0.loadAverageEnd, 1))" })
        rows.append(
            ["tag @ (units tagged)"]
                + sizes.map { "\(Format.seconds($0.tagSeconds)) (\(Format.count($0.taggedUnits)))" })
        out += Format.table(rows) + "\n"
        let busiest = sizes.map { max($0.loadAverageStart, $0.loadAverageEnd) }.max() ?? 0
        if busiest > Double(processors) / 2 + 0.5 {
            out +=
                "note: the machine was busy (load average up to \(Format.fixed(busiest, 1)) on \(processors) cores): figures are noisy\n"
        }
        out += "\n"

        out +=
            "Query latency, ms: `filter QUERY` (engine) per size; `find --json --limit 1` and hits at the largest size\n"
        var queryRows = [
            ["query", "text"] + sizes.map { "filter " + Format.fraction(parts: $0.parts) } + ["find", "hits (units)"]
        ]
        if let largest = sizes.last {
            for (index, query) in largest.queries.enumerated() {
                queryRows.append(
                    [query.name, query.query] + sizes.map { Format.milliseconds($0.queries[index].filterMedianSeconds) }
                        + [Format.milliseconds(query.findMedianSeconds), Format.count(query.hits)])
            }
        }
        out += Format.table(queryRows) + "\n"

        out += "\n" + suggestTable
        if !growth.isEmpty {
            out += "\nGrowth (time ratio between sizes; linear = the bytes ratio)\n"
            var growthRows = [["step", "bytes", "load", "load CPU", "queries (sum)", "suggest CPU", "--all CPU"]]
            for step in growth {
                growthRows.append([
                    "\(step.from) → \(step.to)", Format.fixed(step.bytesRatio, 2) + "×",
                    Format.fixed(step.loadRatio, 2) + "×",
                    Format.fixed(step.loadCPURatio, 2) + "×", Format.fixed(step.queryTotalRatio, 2) + "×",
                    Format.fixed(step.suggestTagCPURatio, 2) + "×", Format.fixed(step.suggestAllCPURatio, 2) + "×",
                ])
            }
            out += Format.table(growthRows) + "\n"
        }
        if let replay {
            out +=
                "\nReplay: \(Format.count(replay.commands)) commands (\(replay.articles.count) loads) in \(Format.seconds(replay.medianSeconds))"
            out += ", \(Format.fixed(replay.microsecondsPerCommand, 1)) µs per command, \(replay.errors) errors"
            if let error = replay.firstError { out += "\n  first error: \(error)" }
            out += "\n"
        }
        return out
    }

    /// `suggest` per size (and on 2,000 documents), with the targets.
    var suggestTable: String {
        var columns: [(String, SuggestResult)] = []
        if let small = sizes.first?.suggestSmall { columns.append(("2,000 docs", small)) }
        columns += sizes.map { ("size " + Format.fraction(parts: $0.parts), $0.suggest) }
        var rows = [["suggest, ms (CPU ms, both cores)"] + columns.map(\.0)]
        rows.append(["documents"] + columns.map { Format.count($0.1.documents) })
        rows.append(
            ["first suggest TAG (builds the rows)"]
                + columns.map {
                    "\(Format.milliseconds($0.1.firstSeconds)) (\(Format.milliseconds($0.1.firstCPUSeconds)))"
                })
        rows.append(
            ["suggest TAG"]
                + columns.map {
                    "\(Format.milliseconds($0.1.tagMedianSeconds)) (\(Format.milliseconds($0.1.tagCPUMedianSeconds)))"
                })
        rows.append(
            ["suggest --all"]
                + columns.map {
                    "\(Format.milliseconds($0.1.allMedianSeconds)) (\(Format.milliseconds($0.1.allCPUMedianSeconds)))"
                })
        var out = Format.table(rows) + "\n"
        out +=
            "targets: suggest TAG < 100 ms on 2,000 documents and < 1 s on the 100 MB corpus; suggest --all < 5 s there "
        out += "(\(SuggestResult.tagCount) tags of \(SuggestResult.examplesPerTag) documents each)\n"
        return out
    }
}
