import Foundation

/// The harness's command line, declared once: the usage text is built from the same table the parser
/// reads.
struct BenchOptions {
    /// Folder written by scripts/gen-corpus (with part-1 … part-4 and manifest.json).
    var corpus = ""
    /// Corpus fractions to run, as numbers of parts out of four (1/4 → 1, 1/2 → 2, 1 → 4).
    var sizes = [1, 2, 4]
    var warmup = 2
    var repetitions = 15
    var loadRepetitions = 3
    var replayCommands = 10_000
    var replayRepetitions = 3
    var json: String?
    /// Queries measured after the standard ones (gloss syntax), for looking into one case.
    var extraQueries: [String] = []
    /// Internal: run one size (number of parts) in this process and print its JSON on stdout.
    var childParts: Int?
    /// Internal: run the replay benchmark in this process and print its JSON on stdout.
    var childReplay = false
    /// Document formats to benchmark instead of the corpus (docx, odt, epub, pdf); empty for the corpus.
    var formats: [String] = []
    /// MB of text in each size of the DOCX, ODT and EPUB documents, and pages in each size of the PDFs.
    var formatSizes: [Double] = [5, 10, 20]
    var pdfPages = [200, 400, 800]
    var formatDocuments = 8
    /// Where the documents are written (CORPUS-documents when not given).
    var formatOutput: String?
    var writeDocumentsOnly = false
    /// Internal: load one folder of generated documents (a `DocumentSet` as JSON) and print the figures.
    var childDocumentSet: String?

    static let knownFormats = ["docx", "odt", "epub", "pdf"]

    struct Option: Sendable {
        var name: String
        var value: String?
        var help: String
        var hidden = false
        var apply: @Sendable (inout BenchOptions, String) throws -> Void
    }

    static let declared: [Option] = [
        Option(name: "sizes", value: "LIST", help: "corpus fractions to run, e.g. 1/4,1/2,1 (default)") {
            options, value in
            options.sizes = Array(Set(try value.split(separator: ",").map { try parts(String($0)) })).sorted()
        },
        Option(name: "warmup", value: "N", help: "unmeasured runs before each query's repetitions (default 2)") {
            options, value in
            options.warmup = try number(value, "warmup", minimum: 0)
        },
        Option(
            name: "repetitions", value: "N", help: "measured runs of each query; the median is reported (default 15)"
        ) { options, value in
            options.repetitions = try number(value, "repetitions", minimum: 1)
        },
        Option(
            name: "load-repetitions", value: "N",
            help: "measured loads of the corpus after one warm-up load (default 3)"
        ) { options, value in
            options.loadRepetitions = try number(value, "load-repetitions", minimum: 1)
        },
        Option(
            name: "replay-commands", value: "N",
            help: "commands in the generated session script; 0 skips the replay (default 10000)"
        ) { options, value in
            options.replayCommands = try number(value, "replay-commands", minimum: 0)
        },
        Option(name: "replay-repetitions", value: "N", help: "measured replays after one warm-up replay (default 3)") {
            options, value in
            options.replayRepetitions = try number(value, "replay-repetitions", minimum: 1)
        },
        Option(name: "json", value: "FILE", help: "also write the figures as JSON to FILE") { options, value in
            options.json = value
        },
        Option(name: "query", value: "QUERY", help: "also measure QUERY (gloss syntax); repeatable") { options, value in
            options.extraQueries.append(value)
        },
        Option(
            name: "formats", value: "LIST",
            help:
                "instead of the corpus, measure loading documents of these formats (docx,odt,epub,pdf or all) made from its articles"
        ) { options, value in
            let names = value == "all" ? knownFormats : value.split(separator: ",").map { $0.lowercased() }
            guard !names.isEmpty, let unknown = Optional(names.filter { !knownFormats.contains($0) }), unknown.isEmpty
            else {
                throw UsageError(description: "--formats takes some of \(knownFormats.joined(separator: ",")) or all")
            }
            options.formats = knownFormats.filter(names.contains)
        },
        Option(
            name: "format-sizes", value: "LIST", help: "MB of text in the DOCX, ODT and EPUB sizes (default 5,10,20)"
        ) { options, value in
            options.formatSizes = try value.split(separator: ",").map {
                guard let number = Double($0), number > 0 else {
                    throw UsageError(description: "--format-sizes takes numbers of MB")
                }
                return number
            }.sorted()
        },
        Option(name: "pdf-pages", value: "LIST", help: "pages in the PDF sizes (default 200,400,800)") {
            options, value in
            options.pdfPages = try value.split(separator: ",").map { try number(String($0), "pdf-pages", minimum: 1) }
                .sorted()
        },
        Option(name: "format-documents", value: "N", help: "documents in each size of each format (default 8)") {
            options, value in
            options.formatDocuments = try number(value, "format-documents", minimum: 1)
        },
        Option(name: "format-out", value: "DIR", help: "folder for the generated documents (default CORPUS-documents)")
        { options, value in
            options.formatOutput = value
        },
        Option(
            name: "write-documents", value: nil,
            help: "with --formats: write the documents and their listing, measure nothing"
        ) { options, _ in
            options.writeDocumentsOnly = true
        },
        Option(
            name: "child-document-set", value: "JSON", help: "internal: load one folder of documents in this process",
            hidden: true
        ) { options, value in
            options.childDocumentSet = value
        },
        Option(name: "child-parts", value: "N", help: "internal: measure N parts in this process", hidden: true) {
            options, value in
            options.childParts = try number(value, "child-parts", minimum: 1)
        },
        Option(name: "child-replay", value: nil, help: "internal: measure the replay in this process", hidden: true) {
            options, _ in
            options.childReplay = true
        },
    ]

    static var usage: String {
        var text = """
            usage: GlossBench CORPUS [options]

            Measures gloss inside the process: load + parse + index of CORPUS (a folder written by
            scripts/gen-corpus), peak memory, query latency, and the replay of a generated session,
            at each corpus size, each size in a fresh child process. Prints a table; medians throughout.
            With --formats, measures instead the loading of DOCX, ODT, EPUB and PDF documents that it
            writes from CORPUS's articles (any folder of .txt and .md files), beside the same content as
            Markdown: MB/s of extracted text (pages/s for PDF), growth with size and peak memory.

            options:

            """
        for option in declared where !option.hidden {
            let left = "  --\(option.name)" + (option.value.map { " " + $0 } ?? "")
            text += left.padding(toLength: max(left.count + 2, 28), withPad: " ", startingAt: 0) + option.help + "\n"
        }
        return text
    }

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var positional: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--") else {
                positional.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if name == "help" { throw UsageError(description: "") }
            guard let option = declared.first(where: { $0.name == name }) else {
                throw UsageError(description: "unknown option --\(name)")
            }
            if option.value != nil, value == nil {
                guard index < arguments.count else { throw UsageError(description: "--\(name) needs \(option.value!)") }
                value = arguments[index]
                index += 1
            }
            try option.apply(&options, value ?? "")
        }
        guard positional.count == 1 else { throw UsageError(description: "give exactly one CORPUS folder") }
        options.corpus =
            positional[0].hasSuffix("/") && positional[0].count > 1 ? String(positional[0].dropLast()) : positional[0]
        return options
    }

    /// `1/4`, `1/2`, `3/4`, `1` (or `0.25`…) as a number of quarter parts.
    static func parts(_ text: String) throws -> Int {
        let pieces = text.split(separator: "/")
        let fraction: Double?
        if pieces.count == 2, let top = Double(pieces[0]), let bottom = Double(pieces[1]), bottom > 0 {
            fraction = top / bottom
        } else {
            fraction = Double(text)
        }
        guard let fraction, let parts = Optional(Int((fraction * 4).rounded())), parts >= 1, parts <= 4,
            abs(Double(parts) / 4 - fraction) < 1e-9
        else {
            throw UsageError(description: "size '\(text)' is not one of 1/4, 1/2, 3/4, 1")
        }
        return parts
    }

    static func number(_ text: String, _ name: String, minimum: Int) throws -> Int {
        guard let value = Int(text), value >= minimum else {
            throw UsageError(description: "--\(name) takes a whole number ≥ \(minimum)")
        }
        return value
    }
}
