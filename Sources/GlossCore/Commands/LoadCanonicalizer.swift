/// The recorded form of a `load`: one line per file with its SHA-256 when files were named, so a replay
/// can tell when an article changed; directories and patterns are kept as typed. Paths are absolute
/// here; `save` writes them relative to the script.
enum LoadCanonicalizer {
    /// `documents` are the documents the load added (asked for only when files were named: a folder
    /// of thousands is recorded as typed, without copying their models).
    static func line(
        for candidates: [DocumentLoader.Candidate], documents: () -> [Document], typed: [String], base: String,
        hidden: Bool = false
    ) -> String {
        // Web addresses, like named files, with the SHA-256 of the page read (its snapshot's).
        if !typed.isEmpty, typed.allSatisfy(WebFetcher.isURL) {
            return documents().map { "load \(CommandLineTokenizer.quote($0.sourcePath)) --sha256 \($0.sha256)" }.joined(
                separator: "\n")
        }
        let explicitOnly =
            candidates.count == typed.count && candidates.allSatisfy(\.explicit)
            && !typed.contains(where: DocumentLoader.containsGlob)
        if explicitOnly, case let documents = documents(), documents.count == candidates.count {
            return documents.map { "load \(CommandLineTokenizer.quote($0.sourcePath)) --sha256 \($0.sha256)" }
                .joined(separator: "\n")
        }
        return "load " + (hidden ? "--hidden " : "")
            + typed.map { CommandLineTokenizer.quote(SessionScript.absolute($0, base: base)) }.joined(separator: " ")
    }
}
