/// Coding operations on the workspace. Each goes through `perform(_:, in: &transaction)`, so commands are undoable and
/// a command that fails half-way is rolled back.
extension Workspace {
    // MARK: - Tags

    /// Checks a tag name as typed: `/`-separated non-empty parts, no control characters, and no
    /// bidirectional controls or zero-width characters (a name must read as what it is).
    public static func validateTagName(_ name: String) throws(GlossError) -> String {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw GlossError("a tag name cannot be empty") }
        if let (bad, kind) = InvisibleCharacters.first(in: trimmed) {
            let shown = TerminalSafe.escape(InvisibleCharacters.shown(trimmed), keepNewlines: false)
            let what = kind == .bidirectionalControl ? "a bidirectional control" : "an invisible character"
            let name = bad.properties.name.map { " (\($0.lowercased()))" } ?? ""
            throw GlossError(
                "tag '\(shown)' contains \(what), \(InvisibleCharacters.code(bad))\(name): tag names are plain visible text"
            )
        }
        if let bad = trimmed.unicodeScalars.first(where: { TerminalSafe.needsEscape($0) }) {
            throw GlossError(
                "tag '\(TerminalSafe.escape(trimmed, keepNewlines: false))' contains a control character, \(InvisibleCharacters.code(bad))"
            )
        }
        guard trimmed.count <= 200 else { throw GlossError("tag name is longer than 200 characters") }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0.trimmingWhitespace().isEmpty }) else {
            throw GlossError("tag '\(trimmed)' has an empty part (tags look like actor/russia)")
        }
        guard let first = trimmed.first, !"-#@:,\"'".contains(first) else {
            throw GlossError("a tag name cannot start with '\(trimmed.first!)'")
        }
        return parts.map { $0.trimmingWhitespace() }.joined(separator: "/")
    }

    /// The key of a tag, creating it (and its parents) when new; existing tags keep their first case.
    @discardableResult
    public func ensureTag(_ name: String, in transaction: inout CommandTransaction) throws(GlossError) -> String {
        let path = try Self.validateTagName(name)
        let key = Tag.key(path)
        if annotations.tags[key] != nil { return key }
        if let parent = Tag.parent(of: path) { try ensureTag(parent, in: &transaction) }
        // A new child keeps the case its existing parent was given.
        var displayed = path
        if let parent = Tag.parent(of: path), let existing = annotations.tags[Tag.key(parent)] {
            displayed = existing.path + "/" + (path.split(separator: "/").last.map(String.init) ?? path)
        }
        let order = annotations.nextTagOrder
        perform(.createTag(Tag(path: displayed, order: order)), in: &transaction)
        perform(
            .setCounters(note: annotations.nextNoteID, mark: annotations.nextMarkID, tagOrder: order + 1),
            in: &transaction)
        return key
    }

    /// The existing tag a name means, or an error with a suggestion.
    public func existingTag(_ name: String) throws(GlossError) -> Tag {
        if let tag = annotations.tags[Tag.key(name.trimmingWhitespace())] { return tag }
        let suggestion = Suggestion.phrase(for: name, among: annotations.tags.values.map(\.path))
        throw GlossError("no tag '\(TerminalSafe.escape(name, keepNewlines: false))' in the codebook\(suggestion)")
    }

    /// Adds a tag to targets; returns how many did not carry it yet.
    public func addTag(_ key: String, to targets: [CodingTarget], in transaction: inout CommandTransaction) -> Int {
        var added = 0
        for target in targets {
            switch target {
            case .element(let ref):
                if annotations.elementTags[ref]?.contains(key) != true {
                    perform(.addTagging(key, ref), in: &transaction)
                    added += 1
                }
            case .mark(let id):
                var mark = annotations.marks[id]!
                if !mark.tags.contains(key) {
                    mark.tags.append(key)
                    perform(.putMark(mark), in: &transaction)
                    added += 1
                }
            }
        }
        return added
    }

    /// Removes a tag from targets; returns how many carried it.
    public func removeTag(_ key: String, from targets: [CodingTarget], in transaction: inout CommandTransaction) -> Int
    {
        var removed = 0
        for target in targets {
            switch target {
            case .element(let ref):
                if annotations.elementTags[ref]?.contains(key) == true {
                    perform(.removeTagging(key, ref), in: &transaction)
                    removed += 1
                }
            case .mark(let id):
                var mark = annotations.marks[id]!
                if let position = mark.tags.firstIndex(of: key) {
                    mark.tags.remove(at: position)
                    perform(.putMark(mark), in: &transaction)
                    removed += 1
                }
            }
        }
        return removed
    }

    /// Renames a tag and everything below it; when the new name exists the two are merged.
    /// Returns the number of codings moved.
    public func renameTag(_ oldName: String, to newName: String, in transaction: inout CommandTransaction)
        throws(GlossError) -> Int
    {
        let old = try existingTag(oldName)
        let newPath = try Self.validateTagName(newName)
        let newKey = Tag.key(newPath)
        guard newKey != old.key || newPath != old.path else { throw GlossError("'\(old.path)' already has that name") }
        if Tag.key(newKey, isWithin: old.key) && newKey != old.key {
            throw GlossError("cannot move '\(old.path)' inside itself ('\(newPath)')")
        }
        if newKey == old.key {
            // Only the case changes: rename in place, children follow.
            for key in annotations.subtree(old.key) {
                var tag = annotations.tags[key]!
                tag.path = newPath + tag.path.dropFirst(old.path.count)
                perform(.replaceTag(key: key, tag), in: &transaction)
            }
            return 0
        }
        var moved = 0
        // Parents first, so children find their new parent when created.
        for key in annotations.subtree(old.key).sorted(by: { $0.count < $1.count }) {
            let tag = annotations.tags[key]!
            let target = newPath + tag.path.dropFirst(old.path.count)
            let targetKey = try ensureTag(target, in: &transaction)
            var merged = annotations.tags[targetKey]!
            if merged.description == nil && tag.description != nil { merged.description = tag.description }
            if merged.color == nil && tag.color != nil { merged.color = tag.color }
            if merged != annotations.tags[targetKey]! { perform(.replaceTag(key: targetKey, merged), in: &transaction) }
            for ref in (annotations.tagElements[key] ?? []).sorted() {
                perform(.removeTagging(key, ref), in: &transaction)
                if annotations.elementTags[ref]?.contains(targetKey) != true {
                    perform(.addTagging(targetKey, ref), in: &transaction)
                }
                moved += 1
            }
            for var mark in annotations.marks(taggedWith: key) {
                mark.tags = mark.tags.reduce(into: [String]()) { result, tag in
                    let replaced = tag == key ? targetKey : tag
                    if !result.contains(replaced) { result.append(replaced) }
                }
                perform(.putMark(mark), in: &transaction)
                moved += 1
            }
            for var note in annotations.notes(about: .tag(key)) {
                note.targets = note.targets.map { $0 == .tag(key) ? .tag(targetKey) : $0 }
                perform(.putNote(note), in: &transaction)
            }
        }
        for key in annotations.subtree(old.key).sorted(by: { $0.count > $1.count }) {
            perform(.deleteTag(key), in: &transaction)
        }
        return moved
    }

    /// Codings of a tag and its children (elements plus marks).
    public func usage(ofTag key: String) -> Int {
        annotations.subtree(key).reduce(0) { $0 + annotations.directCount($1) }
    }

    /// Deletes a tag and its children with their codings; notes only about them are deleted too.
    /// Returns (codings removed, notes removed).
    public func deleteTag(_ name: String, in transaction: inout CommandTransaction) throws(GlossError) -> (
        codings: Int, notes: Int
    ) {
        let tag = try existingTag(name)
        var codings = 0
        var notes = 0
        for key in annotations.subtree(tag.key).sorted(by: { $0.count > $1.count }) {
            for ref in (annotations.tagElements[key] ?? []).sorted() {
                perform(.removeTagging(key, ref), in: &transaction)
                codings += 1
            }
            for var mark in annotations.marks(taggedWith: key) {
                mark.tags.removeAll { $0 == key }
                perform(.putMark(mark), in: &transaction)
                codings += 1
            }
            for var note in annotations.notes(about: .tag(key)) {
                note.targets.removeAll { $0 == .tag(key) }
                if note.targets.isEmpty {
                    perform(.removeNote(note.id), in: &transaction)
                    notes += 1
                } else {
                    perform(.putNote(note), in: &transaction)
                }
            }
            perform(.deleteTag(key), in: &transaction)
        }
        return (codings, notes)
    }

    /// Describing or colouring a tag that does not exist yet adds it: a codebook is often written first.
    public func describeTag(_ name: String, _ description: String?, in transaction: inout CommandTransaction)
        throws(GlossError)
    {
        let key = try ensureTag(name, in: &transaction)  // before reading `annotations`, which it changes
        var tag = annotations.tags[key]!
        tag.description = description
        perform(.replaceTag(key: tag.key, tag), in: &transaction)
    }

    public func colorTag(_ name: String, _ color: String?, in transaction: inout CommandTransaction) throws(GlossError)
    {
        if let color, TerminalColor.parse(color) == nil {
            let names = TerminalColor.names.keys.sorted()
            throw GlossError(
                "unknown colour '\(color)' (use #rrggbb or one of: \(names.joined(separator: ", ")))\(Suggestion.phrase(for: color, among: names))"
            )
        }
        let key = try ensureTag(name, in: &transaction)  // before reading `annotations`, which it changes
        var tag = annotations.tags[key]!
        tag.color = color?.lowercased()
        perform(.replaceTag(key: tag.key, tag), in: &transaction)
    }

    // MARK: - Notes

    public func addNote(_ text: String, about targets: [NoteTarget], in transaction: inout CommandTransaction) -> Int {
        let id = annotations.nextNoteID
        perform(.putNote(Note(id: id, targets: targets, text: text)), in: &transaction)
        perform(
            .setCounters(note: id + 1, mark: annotations.nextMarkID, tagOrder: annotations.nextTagOrder),
            in: &transaction)
        return id
    }

    public func existingNote(_ word: String) throws(GlossError) -> Note {
        let digits = word.hasPrefix("n") ? String(word.dropFirst()) : word
        guard let id = Int(digits), let note = annotations.notes[id] else {
            let ids = annotations.notes.keys.sorted().map { "n\($0)" }
            throw GlossError(
                "no note '\(word)' (\(ids.isEmpty ? "there are no notes" : "notes: " + ids.prefix(12).joined(separator: ", ")))"
            )
        }
        return note
    }

    // MARK: - Marks

    /// Marks a quoted span inside an element; quotes and apostrophes are folded when matching.
    public func addMark(
        _ ref: ElementRef, quote: String, nth: Int?, tags: [String], in transaction: inout CommandTransaction
    ) throws(GlossError) -> Int {
        let unitIDs: [Int32]
        switch ref.address {
        case .document:
            throw GlossError("a mark goes inside one passage, FAQ entry, key point or heading, not a whole document")
        case .section:
            // A section's own text is its heading.
            unitIDs = corpus.units(of: ref).filter { corpus.units[Int($0)].kind == .heading }
        default:
            unitIDs = corpus.units(of: ref)
        }
        let parts = unitIDs.map { (kind: corpus.units[Int($0)].kind, text: corpus.text(ofUnit: $0)) }
        guard !parts.isEmpty else {
            throw GlossError("\(corpus.label(ref)) has no text of its own to mark (the lead has no heading)")
        }
        let needle = Self.foldQuotes(quote)
        guard !needle.isEmpty else { throw GlossError("the quote is empty") }
        var occurrences: [(kind: UnitKind, text: String, start: Int)] = []
        for part in parts {
            let haystack = Self.foldQuotes(part.text)
            for start in Self.occurrences(of: needle, in: haystack) {
                occurrences.append((part.kind, part.text, start))
            }
        }
        guard !occurrences.isEmpty else {
            throw GlossError(
                "quote not found in \(corpus.label(ref)) (quotes and apostrophes may be straight or curly; everything else must match exactly)",
                detail: parts.map(\.text).joined(separator: "\n"))
        }
        let chosen: (kind: UnitKind, text: String, start: Int)
        if let nth {
            guard (1...occurrences.count).contains(nth) else {
                throw GlossError(
                    "--nth \(nth): the quote occurs \(Counted.phrase(occurrences.count, "time")) in \(corpus.label(ref))"
                )
            }
            chosen = occurrences[nth - 1]
        } else {
            guard occurrences.count == 1 else {
                throw GlossError(
                    "the quote occurs \(occurrences.count) times in \(corpus.label(ref)); choose one with --nth 1…\(occurrences.count)"
                )
            }
            chosen = occurrences[0]
        }
        let scalars = Array(chosen.text.unicodeScalars)
        let end = chosen.start + needle.count
        let context = 40
        let id = annotations.nextMarkID
        let mark = Mark(
            id: id, element: ref, part: chosen.kind,
            quote: String(String.UnicodeScalarView(scalars[chosen.start..<end])),
            start: chosen.start, end: end,
            before: String(String.UnicodeScalarView(scalars[max(0, chosen.start - context)..<chosen.start])),
            after: String(String.UnicodeScalarView(scalars[end..<min(scalars.count, end + context)])),
            tags: [])
        perform(.putMark(mark), in: &transaction)
        perform(
            .setCounters(note: annotations.nextNoteID, mark: id + 1, tagOrder: annotations.nextTagOrder),
            in: &transaction)
        var keys: [String] = []
        for name in tags {
            let key = try ensureTag(name, in: &transaction)
            if !keys.contains(key) { keys.append(key) }
        }
        var tagged = annotations.marks[id]!
        tagged.tags = keys
        if !keys.isEmpty { perform(.putMark(tagged), in: &transaction) }
        return id
    }

    /// Unicode scalars with typographic quotes and apostrophes made straight; one scalar for one.
    static func foldQuotes(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return "'"
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
            default: return scalar
            }
        }
    }

    /// Start offsets of every (possibly overlapping) occurrence.
    static func occurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Int] {
        guard needle.count <= haystack.count else { return [] }
        var result: [Int] = []
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { result.append(start) }
        }
        return result
    }
}
