import Foundation

/// Turns a session's history into a saved script: a header, then the commands in canonical form,
/// each `load` followed by anchors of the elements the session annotated, and paths written relative
/// to the script's folder.
public enum SessionScript {
    public static let formatVersion = 1

    public static func render(
        _ session: Session, scriptPath: String, stateOnly: Bool, version: String, date: Date = Date()
    ) -> String {
        let scriptDirectory = (absolute(scriptPath, base: session.baseDirectory) as NSString).deletingLastPathComponent
        var lines = [
            "# gloss session",
            "# format: \(formatVersion)",
            "# gloss: \(version)",
            "# saved: \(ISO8601DateFormatter().string(from: date))",
            "",
        ]
        let entries = savedEntries(session.history, stateOnly: stateOnly)
        // Grouped once: a `load` of a folder can bring tens of thousands of documents.
        let anchoredByDocument = Dictionary(
            grouping: anchoredElements(session, entries: entries).sorted(), by: \.document)
        var claimed = Set<Int>()
        for entry in entries {
            for line in entry.line.split(separator: "\n").map(String.init) {
                guard hasPaths(line) else {
                    lines.append(line)
                    continue
                }
                lines.append(relativizePaths(line, from: session.baseDirectory, to: scriptDirectory))
                guard line.hasPrefix("load ") else { continue }
                // Anchors follow the load of their document, once.
                for document in documentsLoaded(by: line, in: session, claimed: &claimed) {
                    for ref in anchoredByDocument[document] ?? [] {
                        lines.append(anchorLine(ref, in: session.workspace))
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What `save` keeps, each with the line it is saved as (see `SavedSessionPlan`).
    static func savedEntries(_ history: [HistoryEntry], stateOnly: Bool) -> [HistoryEntry] {
        SavedSessionPlan.entries(history, stateOnly: stateOnly)
    }

    /// Elements worth anchoring: those annotated now, and those the saved commands named by address.
    static func anchoredElements(_ session: Session, entries: [HistoryEntry]) -> Set<ElementRef> {
        let annotations = session.workspace.annotations
        var refs = Set(annotations.elementTags.keys)
        for note in annotations.notes.values {
            for case .element(let ref) in note.targets { refs.insert(ref) }
        }
        for mark in annotations.marks.values { refs.insert(mark.element) }
        for entry in entries { refs.formUnion(entry.touched) }
        return refs.filter {
            session.workspace.corpus.exists($0) && session.workspace.corpus.isLoaded[$0.document]
                && $0.address != .document
        }
    }

    static func anchorLine(_ ref: ElementRef, in workspace: Workspace) -> String {
        let anchor = Anchor(text: workspace.corpus.text(of: ref))
        var line =
            "anchor \(workspace.corpus.label(ref, qualified: true)) \(anchor.hash) \(CommandLineTokenizer.quote(anchor.head))"
        if !anchor.tail.isEmpty { line += " " + CommandLineTokenizer.quote(anchor.tail) }
        return line
    }

    /// The documents a saved `load` line brings, in the order the replay loads them: each file of it
    /// is the first loaded document read from that file that no earlier line brought (the same file
    /// loaded twice is two documents).
    private static func documentsLoaded(by line: String, in session: Session, claimed: inout Set<Int>) -> [Int] {
        guard let words = try? CommandLineTokenizer.words(line) else { return [] }
        let workspace = session.workspace
        // Expanded as `load` expands them (folders and patterns give their files); an argument whose
        // files are gone by now gives none.
        var paths: [String] = []
        var seen = Set<String>()
        let hidden = words.contains { $0.isOption && $0.text == "--hidden" }
        for word in words.dropFirst() where !word.isOption {
            if WebFetcher.isURL(word.text) {
                if seen.insert(word.text).inserted { paths.append(word.text) }
                continue
            }
            guard
                let candidates = try? DocumentLoader.expansion(
                    for: [word.text], baseDirectory: session.baseDirectory, readers: session.readers, hidden: hidden
                ).candidates
            else { continue }
            for candidate in candidates {
                let path = DocumentLoader.sourcePath(of: candidate)
                if seen.insert(path).inserted { paths.append(path) }
            }
        }
        var unclaimed: [String: [Int]] = [:]
        for document in workspace.corpus.loadedDocumentIndices where !claimed.contains(document) {
            unclaimed[workspace.corpus.documents[document].sourcePath, default: []].append(document)
        }
        var result: [Int] = []
        for path in paths {
            guard let document = unclaimed[path]?.first else { continue }
            unclaimed[path]?.removeFirst()
            claimed.insert(document)
            result.append(document)
        }
        return result
    }

    /// Commands whose path arguments are rewritten relative to the script, by their name words.
    static let pathCommands = [["load"], ["tags", "import"]]

    /// Whether a line holds paths to rewrite (`load`, `tags import`).
    static func hasPaths(_ line: String) -> Bool {
        pathCommands.contains { line.hasPrefix($0.joined(separator: " ") + " ") }
    }

    /// Rewrites the path arguments of a `load` or `tags import` line relative to `directory`.
    static func relativizePaths(_ line: String, from base: String, to directory: String) -> String {
        guard let words = try? CommandLineTokenizer.words(line),
            let name = pathCommands.first(where: { line.hasPrefix($0.joined(separator: " ") + " ") })
        else { return line }
        var result = name
        var takesValue = false
        for word in words.dropFirst(name.count) {
            if takesValue || word.isOption {
                result.append(word.isOption ? word.text : CommandLineTokenizer.quote(word.text))
                // Only --sha256 takes a value among these commands' options.
                takesValue = word.text == "--sha256"
                continue
            }
            // A web address is no path.
            result.append(
                CommandLineTokenizer.quote(
                    WebFetcher.isURL(word.text) ? word.text : relative(absolute(word.text, base: base), to: directory)))
        }
        return result.joined(separator: " ")
    }

    public static func absolute(_ path: String, base: String) -> String {
        let expanded = DocumentLoader.expandTilde(path)
        let joined = expanded.hasPrefix("/") ? expanded : base + "/" + expanded
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    /// `path` relative to `directory` when it lies inside it or near it; absolute otherwise.
    public static func relative(_ path: String, to directory: String) -> String {
        let target = path.split(separator: "/").map(String.init)
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path.split(separator: "/").map(String.init)
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let ups = base.count - common
        if common == 0 || ups > 2 { return path }
        let parts = Array(repeating: "..", count: ups) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
