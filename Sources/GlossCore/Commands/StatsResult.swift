/// What `stats` counted in the view: frequent words, units per document and section (with the
/// filters' matches), and tag use. Written as text or JSON by `CommandInvocation.present`.
struct StatsResult: CommandResult {
    struct Word {
        let word: String
        let count: Int
        /// With --stems, the stem's other forms, most frequent first (nil without --stems or when the
        /// stem has one form).
        let otherForms: [String]?
    }

    struct Section {
        let address: ElementAddress
        let heading: String?
        let units: Int
    }

    struct DocumentCounts {
        let id: String
        let title: String?
        let units: Int
        let matches: Int
        let sections: [Section]
    }

    let unitCount: Int
    let byStem: Bool
    let includesStopWords: Bool
    /// Whether a filter has words whose matches are counted.
    let countsMatches: Bool
    let words: [Word]
    let documents: [DocumentCounts]
    let tags: [(tag: String, count: Int)]

    func writeText(into output: inout OutputBuilder) {
        output.line(StyledText("\(Counted.phrase(unitCount, "unit")) in view", .heading))
        output.line()
        output.line(
            StyledText(
                (byStem ? "Words by stem" : "Words") + (includesStopWords ? "" : " (stop words left out)"), .heading))
        let wordWidth = words.map { DisplayWidth.of($0.word) }.max() ?? 0
        let countWidth = String(words.first?.count ?? 0).count
        for word in words {
            var line = StyledText(
                DisplayWidth.pad(word.word, to: wordWidth) + "  "
                    + DisplayWidth.padLeft(String(word.count), to: countWidth))
            if let others = word.otherForms, !others.isEmpty {
                line.append("  " + others.joined(separator: ", "), .faint)
            }
            output.line(line, indent: 2)
        }
        output.line()
        output.line(StyledText("Documents and sections", .heading))
        for document in documents {
            var line = StyledText(document.id, .address)
            if let title = document.title { line.append("  " + ListingRow.oneLine(title), .strong) }
            line.append("  " + Counted.phrase(document.units, "unit"))
            if countsMatches { line.append(" · " + Counted.phrase(document.matches, "match")) }
            output.line(line, indent: 2)
            for section in document.sections {
                output.line(
                    StyledText("\(section.address)", .address) + StyledText("  \(section.heading ?? "(lead)")  ")
                        + StyledText("\(section.units)", .faint), indent: 4)
            }
        }
        if !tags.isEmpty {
            output.line()
            output.line(StyledText("Tags in view", .heading))
            let width = tags.map { DisplayWidth.of($0.tag) }.max() ?? 0
            for (tag, count) in tags {
                output.line(StyledText(DisplayWidth.pad(tag, to: width), .tag) + StyledText("  \(count)"), indent: 2)
            }
        }
    }

    func json() -> JSONValue {
        let words = words.map { word -> JSONValue in
            let forms = word.otherForms.map { [("forms", JSONValue.array(([word.word] + $0).map { .string($0) }))] }
            return .object([("word", .string(word.word)), ("count", .int(word.count))] + (forms ?? []))
        }
        let documentRows = documents.map { document -> JSONValue in
            .object([
                ("id", .string(document.id)), ("units", .int(document.units)), ("matches", .int(document.matches)),
            ])
        }
        let sections = documents.flatMap { document in
            document.sections.map { section -> JSONValue in
                .object([
                    ("document", .string(document.id)), ("address", .string("\(section.address)")),
                    ("heading", .string(section.heading)), ("units", .int(section.units)),
                ])
            }
        }
        return .object([
            ("units", .int(unitCount)),
            ("words", .array(words)),
            ("documents", .array(documentRows)),
            ("sections", .array(sections)),
            ("tags", .array(tags.map { .object([("tag", .string($0.tag)), ("count", .int($0.count))]) })),
        ])
    }
}
