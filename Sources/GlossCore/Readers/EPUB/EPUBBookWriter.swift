/// Gathers an EPUB's chapters, in spine order, into one document's blocks: the table of contents'
/// titles become the sections (with its levels), the chapters' own headings under them keep their
/// relative levels, notes wait for the end, and lines are numbered one per block across the book (a
/// book has no lines of its own; line 1 is its title).
struct EPUBBookWriter {
    private let title: String?
    /// The title and metadata values, lowercased: a chapter saying nothing else is a title page.
    private let metadataTexts: Set<String>
    private var blocks: [HTMLBlock] = []
    private var line = 1
    /// What a chapter's heading level is moved by to sit under the table of contents' level.
    private var levelOffset = 0
    private var sections = 0
    private var notes: [(key: String?, text: String)] = []
    /// Note marks by the note they point at ("text/ch002.xhtml#fn1" → "1").
    private var labels: [String: String] = [:]
    /// Node numbers of the chapters so far, to keep table groups of different chapters apart.
    private var groupBase: Int32 = 0

    init(title: String?, metadata: [String]) {
        self.title = title
        var texts = Set(metadata.map { $0.lowercased() })
        for value in metadata where value.count > 10 { texts.insert(String(value.prefix(10)).lowercased()) }
        if let title { texts.insert(title.lowercased()) }
        metadataTexts = texts
    }

    mutating func add(_ chapter: HTMLWholeDocument, path: String, entries: [EPUBNavigation.Entry]) {
        defer { groupBase &+= Int32(clamping: chapter.tree.nodes.count) }
        for reference in chapter.noteReferences {
            if let key = Self.key(reference.href, from: path), labels[key] == nil { labels[key] = reference.label }
        }
        for note in chapter.notes { notes.append((note.id.map { path + "#" + $0 }, note.text)) }
        let chapterBlocks = chapter.blocks
        if !chapterBlocks.isEmpty, chapterBlocks.allSatisfy({ metadataTexts.contains($0.text.lowercased()) }) { return }

        let anchors = chapter.elements(withIDs: Set(entries.compactMap(\.fragment)))
        let placed = entries.enumerated().compactMap {
            order, entry -> (position: Int, order: Int, entry: EPUBNavigation.Entry)? in
            guard !entry.title.isEmpty else { return nil }
            let position = entry.fragment.flatMap { anchors[$0] }.map { chapter.firstBlock(at: $0) } ?? 0
            return (position, order, entry)
        }.sorted { ($0.position, $0.order) < ($1.position, $1.order) }

        var next = placed.startIndex
        for index in 0...chapterBlocks.count {
            var entryLevel: Int?
            while next < placed.endIndex, placed[next].position == index {
                let entry = placed[next].entry
                heading(entry.title, level: entry.level)
                entryLevel = entry.level
                next += 1
            }
            guard index < chapterBlocks.count else { break }
            var block = chapterBlocks[index]
            if case .heading(let level) = block.kind {
                if let entryLevel {
                    // The chapter's own heading, which the table of contents' entry stands for.
                    levelOffset = entryLevel - level
                    continue
                }
                heading(block.text, level: max(1, level + levelOffset))
                continue
            }
            if block.group >= 0 { block.group &+= groupBase }
            line += 1
            block.lines = LineRange(line: line)
            blocks.append(block)
        }
    }

    /// A heading: the book's title before any section is the title, not a section.
    private mutating func heading(_ text: String, level: Int) {
        if sections == 0, let title, text.lowercased() == title.lowercased() { return }
        sections += 1
        line += 1
        blocks.append(
            HTMLBlock(
                kind: .heading(level), text: text, lines: LineRange(line: line), node: 0, group: -1, firstText: 0,
                characters: text.count, linkCharacters: 0, timeCharacters: 0))
    }

    /// Where a reference points, as "part#id"; nil when it leaves the package or names no element.
    private static func key(_ href: String, from path: String) -> String? {
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        let file = parts[0].isEmpty ? path : ZipPackage.resolve(String(parts[0]), from: path)
        return file.map { $0 + "#" + parts[1] }
    }

    /// Reports the book to the builder: title, blocks, then the notes (marked as referenced, `[1] …`).
    mutating func finish(into builder: inout DocumentBuilder) {
        if let title { builder.setTitle(title, lines: LineRange(line: 1)) }
        HTMLArticle.write(blocks, into: &builder)
        for note in notes {
            line += 1
            let label = note.key.flatMap { labels[$0] }
            builder.footnote(label.map { "[\($0)] " + note.text } ?? note.text, lines: LineRange(line: line))
        }
    }
}
