/// Tagging, the codebook, notes and marks.
enum CodingCommands {
    static let all: [CommandSpec] = [
        tag, untag, tags, tagsRename, tagsDelete, tagsDescribe, tagsColor, cooc, note, noteEdit, noteRemove, notes,
        mark, unmark, marks,
    ]

    /// The targets of a coding command. Empty only when every target was orphaned by a changed
    /// document: the command then does nothing, and the orphans are reported.
    static func targets(_ word: CommandWord, of invocation: inout CommandInvocation) throws(GlossError)
        -> [CodingTarget]
    {
        let workspace = invocation.workspace
        let targets = try invocation.codingTargets(word)
        guard !targets.isEmpty || !invocation.transaction.orphans.isEmpty else {
            guard word.text == "@" else { throw GlossError("no targets", column: word.column) }
            if let scope = invocation.context.script.viewDocumentScope, !workspace.viewElements().isEmpty {
                let ids = scope.sorted().prefix(6).map { workspace.corpus.documents[$0].id }.joined(separator: ", ")
                throw GlossError(
                    "@ inside a replay keeps to the documents the replay loaded (\(ids)\(scope.count > 6 ? ", …" : "")), "
                        + "and the view holds none of their passages", column: word.column)
            }
            let inView = workspace.viewUnits.count
            guard inView == 0 else {
                throw GlossError(
                    "@ leaves out headings and titles, and the view holds only those (\(Counted.phrase(inView, "unit"))): "
                        + "name a title (DOC:title), a section (s2) or a whole document (DOC:) by its address, or tag find's rows (#1-3)",
                    column: word.column)
            }
            throw GlossError("the view is empty: nothing to act on", column: word.column)
        }
        return targets
    }

    /// `tag @` on more than this many elements asks first at a terminal.
    static let confirmedViewSize = 500

    /// `tag @` or `untag @` over more than `confirmedViewSize` elements asks first at a terminal.
    private static func confirmLargeView(
        _ targets: [CodingTarget], word: CommandWord, untagging: Bool, of invocation: CommandInvocation
    ) throws(GlossError) {
        let session = invocation.context
        guard word.text == "@", targets.count > confirmedViewSize, session.frontEnd.isInteractive, !session.isScript,
            let confirm = session.frontEnd.confirm
        else { return }
        let tags = invocation.words("TAG").map { "[\($0.text)]" }.joined(separator: " ")
        let question =
            untagging
            ? "Remove \(tags) from all \(Counted.number(targets.count)) elements in the view?"
            : "Tag all \(Counted.number(targets.count)) elements in the view with \(tags)?"
        guard confirm(question) else {
            throw GlossError(untagging ? "nothing untagged" : "nothing tagged", column: word.column)
        }
    }

    static func describe(_ target: CodingTarget, in workspace: Workspace) -> String {
        switch target {
        case .element(let ref): return workspace.corpus.label(ref)
        case .mark(let id): return "m\(id)"
        }
    }

    /// "s1.p2, kp1, kp3" or "12 elements".
    static func summary(_ targets: [CodingTarget], in workspace: Workspace) -> String {
        targets.count <= 6
            ? targets.map { describe($0, in: workspace) }.joined(separator: ", ") : "\(targets.count) elements"
    }

    static let tag = CommandSpec(
        "tag", aliases: ["code"], group: .coding, effect: .mutating,
        summary: "Tag passages, sections, FAQ entries, key points, marks or whole documents",
        discussion: """
            TARGETS is one address, range or list (s3.p2, kp1-4, s1,s3, DOC:), a result reference \
            (#3, #2-5), a mark (m2) or @ for every passage in the working view (headings and titles \
            left out; at a terminal, tagging more than 500 elements with @ asks first). Tags are hierarchical \
            with '/' (actor/russia); names ignore case and keep the case first typed; quote a name \
            with spaces. New tags (and their parents) join the codebook.
            """,
        arguments: [
            ArgumentSpec("TARGETS", .targets, help: "what to tag"),
            ArgumentSpec("TAG", .tag, .oneOrMore, help: "one or more tags"),
        ],
        examples: [
            .init("tag s3.p2 cost", "tag one passage"),
            .init("tag kp1-4 actor/council theme/process", "two tags on four key points"),
            .init("tag @ \"fishing industry\"", "every passage in the view"),
            .init("tag #2-5 disputed", "results 2 to 5 of the last find"),
            .init("tag harbor-barrier-vote: local", "the whole document"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let targetWord = invocation.word("TARGETS")!
        let targets = try targets(targetWord, of: &invocation)
        guard !targets.isEmpty else {
            invocation.recording.orphanedWhole = true
            return
        }
        try confirmLargeView(targets, word: targetWord, untagging: false, of: invocation)
        for word in invocation.words("TAG") {
            let key: String
            do throws(GlossError) { key = try workspace.ensureTag(word.text, in: &invocation.transaction) } catch {
                throw GlossError(error.message, column: word.column)
            }
            let added = workspace.addTag(key, to: targets, in: &invocation.transaction)
            let path = workspace.annotations.tags[key]!.path
            var line = StyledText("tagged ", .faint) + StyledText(summary(targets, in: workspace)) + StyledText(" ")
            line.append("[" + path + "]", .tag)
            if added < targets.count { line.append("  (\(targets.count - added) already had it)", .faint) }
            invocation.status(line)
        }
    }

    static let untag = CommandSpec(
        "untag", aliases: ["uncode"], group: .coding, effect: .mutating,
        summary: "Remove tags from targets (children of the tag are not touched)",
        arguments: [
            ArgumentSpec("TARGETS", .targets, help: "what to untag"),
            ArgumentSpec("TAG", .tag, .oneOrMore, help: "tags to remove"),
        ],
        examples: [.init("untag s3.p2 cost", "remove one tag"), .init("untag @ draft", "from everything in the view")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let targetWord = invocation.word("TARGETS")!
        let targets = try targets(targetWord, of: &invocation)
        guard !targets.isEmpty else {
            invocation.recording.orphanedWhole = true
            return
        }
        try confirmLargeView(targets, word: targetWord, untagging: true, of: invocation)
        for word in invocation.words("TAG") {
            let tag: Tag
            do throws(GlossError) { tag = try workspace.existingTag(word.text) } catch {
                throw GlossError(error.message, column: word.column)
            }
            let removed = workspace.removeTag(tag.key, from: targets, in: &invocation.transaction)
            guard removed > 0 else {
                throw GlossError(
                    "\(summary(targets, in: workspace)) do\(targets.count == 1 ? "es" : "") not carry [\(tag.path)]",
                    column: word.column)
            }
            invocation.status(
                StyledText("untagged \(removed) of \(targets.count): ", .faint) + StyledText("[" + tag.path + "]", .tag)
            )
        }
    }

    static let tags = CommandSpec(
        "tags", aliases: ["codebook"], group: .coding, effect: .readOnly,
        summary: "Print the codebook as a tree with counts and descriptions",
        discussion:
            "Each tag shows how many elements and marks carry it directly, then the total including tags below it.",
        options: [OptionSpec("json", help: "print JSON")],
        examples: [.init("tags", "the codebook tree"), .init("tags --json", "the codebook as JSON")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let annotations = invocation.workspace.annotations
        let codebook = CodebookSummary(annotations)
        let cancel = invocation.context.cancel
        if invocation.flag("json") {
            // Nested as deep as tag names go (100 levels at most).
            func node(_ tag: Tag) throws(GlossError) -> JSONValue {
                try cancel.check()
                var children: [JSONValue] = []
                for child in codebook.children(of: tag.key) { children.append(try node(child)) }
                return .object([
                    ("name", .string(tag.path)), ("description", .string(tag.description)),
                    ("color", .string(tag.color)),
                    ("direct", .int(codebook.directCount(tag.key))), ("total", .int(codebook.totalCount(tag.key))),
                    ("children", .array(children)),
                ])
            }
            var top: [JSONValue] = []
            for tag in codebook.children(of: nil) { top.append(try node(tag)) }
            invocation.output.raw(JSONValue.array(top).serialized())
            return
        }
        guard !annotations.tags.isEmpty else {
            invocation.line(StyledText("the codebook is empty (tag TARGETS TAG adds tags)", .faint))
            return
        }
        let rows = codebook.rows
        let nameWidth = rows.map { $0.depth * 2 + DisplayWidth.of($0.tag.name) }.max() ?? 0
        let directs = rows.map { codebook.directCount($0.tag.key) }
        let totals = rows.map { codebook.totalCount($0.tag.key) }
        let countWidth = max(String(directs.max() ?? 0).count, String(totals.max() ?? 0).count)
        for (index, row) in rows.enumerated() {
            try cancel.check()
            var style = TextStyle.tag
            if let color = row.tag.color.flatMap(TerminalColor.parse) { style.foreground = color }
            var line = StyledText(String(repeating: " ", count: row.depth * 2))
            line.append(DisplayWidth.pad(row.tag.name, to: nameWidth - row.depth * 2), style)
            line.append("  " + DisplayWidth.padLeft(String(directs[index]), to: countWidth))
            line.append("  " + DisplayWidth.padLeft(String(totals[index]), to: countWidth), .faint)
            if let description = row.tag.description { line.append("  " + description) }
            if let color = row.tag.color { line.append("  (" + color + ")", .faint) }
            invocation.line(line, hangingIndent: nameWidth + countWidth * 2 + 6)
        }
        invocation.line(
            StyledText(
                "\(Counted.phrase(annotations.tags.count, "tag")) · counts: direct, then including tags below", .faint))
    }

    static let tagsRename = CommandSpec(
        "tags rename", group: .coding, effect: .mutating,
        summary: "Rename a tag; tags below it follow, and an existing NEW is merged into",
        arguments: [
            ArgumentSpec("OLD", .tag, help: "the tag to rename"), ArgumentSpec("NEW", .tag, help: "its new name"),
        ],
        examples: [
            .init("tags rename cost costs", "rename"),
            .init("tags rename russia actor/russia", "move under a parent"),
            .init("tags rename moscow actor/russia", "merge into an existing tag"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let old = invocation.word("OLD")!
        let new = invocation.word("NEW")!
        let merging = workspace.annotations.tags[Tag.key(new.text)] != nil
        let moved = try workspace.renameTag(old.text, to: new.text, in: &invocation.transaction)
        invocation.status(
            StyledText(merging ? "merged " : "renamed ", .faint) + StyledText(old.text, .tag)
                + StyledText(" → ", .faint)
                + StyledText(workspace.annotations.tags[Tag.key(new.text)]?.path ?? new.text, .tag)
                + StyledText(moved > 0 ? "  (\(Counted.phrase(moved, "coding")) moved)" : "", .faint))
    }

    static let tagsDelete = CommandSpec(
        "tags delete", group: .coding, effect: .mutating,
        summary: "Delete a tag and the tags below it, with their codings",
        discussion: "When the tag is in use gloss asks first on a terminal; scripts must say --force.",
        arguments: [ArgumentSpec("TAG", .tag, help: "the tag to delete")],
        options: [OptionSpec("force", help: "delete even when the tag is in use, without asking")],
        examples: [
            .init("tags delete draft", "delete an unused tag"),
            .init("tags delete theme --force", "delete a tag in use"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let word = invocation.word("TAG")!
        let tag: Tag
        do throws(GlossError) { tag = try workspace.existingTag(word.text) } catch {
            throw GlossError(error.message, column: word.column)
        }
        let usage = workspace.usage(ofTag: tag.key)
        let children = workspace.annotations.subtree(tag.key).count - 1
        if usage > 0 && !invocation.flag("force") {
            let what =
                "[\(tag.path)]\(children > 0 ? " and \(Counted.phrase(children, "tag")) below it" : "") \(children > 0 ? "are" : "is") used \(Counted.phrase(usage, "time"))"
            guard let confirm = invocation.context.frontEnd.confirm, invocation.context.frontEnd.isInteractive else {
                throw GlossError("\(what); add --force to delete anyway")
            }
            guard confirm("\(what). Delete?") else { throw GlossError("not deleted") }
            // The saved session must replay without asking.
            invocation.recording.canonicalLine = "tags delete \(CommandLineTokenizer.quote(tag.path)) --force"
        }
        let (codings, notes) = try workspace.deleteTag(tag.path, in: &invocation.transaction)
        var message = "deleted [\(tag.path)]"
        if children > 0 { message += " and \(children) below it" }
        if codings > 0 { message += ", \(Counted.phrase(codings, "coding"))" }
        if notes > 0 { message += ", \(Counted.phrase(notes, "note")) about it" }
        invocation.status(StyledText(message, .faint))
    }

    static let tagsDescribe = CommandSpec(
        "tags describe", group: .coding, effect: .mutating,
        summary: "Give a tag its definition (shown in the codebook and exports); adds the tag if new",
        arguments: [
            ArgumentSpec("TAG", .tag, help: "the tag"),
            ArgumentSpec("TEXT", .text, help: "the definition (quoted); empty removes it"),
        ],
        examples: [.init("tags describe actor \"Who takes part in the decision\"", "define a tag")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let text = invocation.word("TEXT")!.text.trimmingWhitespace()
        let workspace = invocation.workspace
        try workspace.describeTag(invocation.word("TAG")!.text, text.isEmpty ? nil : text, in: &invocation.transaction)
        let path = try workspace.existingTag(invocation.word("TAG")!.text).path
        invocation.status(
            text.isEmpty
                ? StyledText("removed the description of ", .faint) + StyledText("[\(path)]", .tag)
                : StyledText("described ", .faint) + StyledText("[\(path)]", .tag) + StyledText(": " + text))
    }

    static let tagsColor = CommandSpec(
        "tags color", aliases: ["tags colour"], group: .coding, effect: .mutating,
        summary: "Give a tag a colour (a name like red, or #rrggbb); 'none' removes it; adds the tag if new",
        arguments: [
            ArgumentSpec("TAG", .tag, help: "the tag"),
            ArgumentSpec("COLOR", .color, help: "red, green, blue, orange, … or #rrggbb"),
        ],
        examples: [
            .init("tags color actor/russia red", "a named colour"), .init("tags color cost #c0392b", "an RGB colour"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let color = invocation.word("COLOR")!
        do throws(GlossError) {
            try invocation.workspace.colorTag(
                invocation.word("TAG")!.text, color.text.lowercased() == "none" ? nil : color.text,
                in: &invocation.transaction)
        } catch {
            throw GlossError(
                error.message,
                column: error.message.hasPrefix("unknown colour") ? color.column : invocation.word("TAG")!.column)
        }
        let path = try invocation.workspace.existingTag(invocation.word("TAG")!.text).path
        invocation.status(
            color.text.lowercased() == "none"
                ? StyledText("removed the colour of ", .faint) + StyledText("[\(path)]", .tag)
                : StyledText("coloured ", .faint) + StyledText("[\(path)]", .tag)
                    + StyledText(" " + color.text.lowercased(), .faint))
    }

    static let cooc = CommandSpec(
        "cooc", aliases: ["cooccurrence"], group: .coding, effect: .readOnly,
        summary: "Co-occurrence table: how many elements carry both tags of each pair",
        discussion: """
            The unit is the element (passage, section, FAQ entry, key point or document): it carries a \
            tag when tagged directly or through a mark inside it. A tag named here also counts the tags \
            below it. Without TAGs, every tag in use is compared. The diagonal is each tag's own count.
            """,
        arguments: [ArgumentSpec("TAG", .tag, .zeroOrMore, help: "tags to compare (default: all in use)")],
        options: [OptionSpec("json", help: "print JSON")],
        examples: [
            .init("cooc", "every pair of tags in use"),
            .init("cooc actor theme/security", "two branches of the codebook"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let annotations = workspace.annotations
        var tags: [Tag] = []
        var includeChildren = true
        if invocation.words("TAG").isEmpty {
            includeChildren = false
            let codebook = CodebookSummary(annotations)
            tags = annotations.tags.values.filter { codebook.directCount($0.key) > 0 }.sorted {
                $0.path.lowercased() < $1.path.lowercased()
            }
        } else {
            for word in invocation.words("TAG") {
                do throws(GlossError) { tags.append(try workspace.existingTag(word.text)) } catch {
                    throw GlossError(error.message, column: word.column)
                }
            }
        }
        guard !tags.isEmpty else { throw GlossError("no tags in use yet") }
        let sets = tags.map { CoOccurrence.elements(carrying: $0.key, includeChildren: includeChildren, in: workspace) }
        let matrix = sets.map { row in sets.map { row.intersection($0).count } }
        if invocation.flag("json") {
            invocation.output.raw(
                JSONValue.object([
                    ("tags", .array(tags.map { .string($0.path) })),
                    ("counts", .array(matrix.map { .array($0.map { .int($0) }) })),
                ]).serialized())
            return
        }
        var output = invocation.output
        CoOccurrence.renderTable(tags.map(\.path), matrix, into: &output)
        invocation.output = output
    }

    static let note = CommandSpec(
        "note", aliases: ["memo"], group: .coding, effect: .mutating,
        summary: "Attach a note to elements, marks, a document or a tag (tag:NAME)",
        arguments: [
            ArgumentSpec("TARGETS", .targets, help: "what the note is about: addresses, #n, @, m2, DOC:, or tag:NAME"),
            ArgumentSpec("TEXT", .text, help: "the note (quoted)"),
        ],
        examples: [
            .init("note s3.p2 \"Check the $18 million figure\"", "a note on a passage"),
            .init("note m1 \"Strongest statement of the risk\"", "on a marked span"),
            .init("note tag:actor \"Anyone with a say in the vote\"", "a memo about a tag"),
            .init("note harbor-barrier-vote: \"Published before the vote\"", "about a whole document"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let word = invocation.word("TARGETS")!
        let text = invocation.word("TEXT")!.text.trimmingWhitespace()
        guard !text.isEmpty else { throw GlossError("the note is empty", column: invocation.word("TEXT")!.column) }
        var noteTargets: [NoteTarget] = []
        for part in word.text.split(separator: ",") where part.lowercased().hasPrefix("tag:") {
            let tag: Tag
            do throws(GlossError) { tag = try workspace.existingTag(String(part.dropFirst(4))) } catch {
                throw GlossError(error.message, column: word.column)
            }
            noteTargets.append(.tag(tag.key))
        }
        let rest = word.text.split(separator: ",").filter { !$0.lowercased().hasPrefix("tag:") }.joined(separator: ",")
        if !rest.isEmpty {
            let resolved = try targets(
                CommandWord(text: rest, column: word.column, endColumn: word.endColumn, quoted: false), of: &invocation)
            if resolved.isEmpty && noteTargets.isEmpty {
                invocation.recording.orphanedWhole = true
                return
            }
            noteTargets += resolved.map { target -> NoteTarget in
                switch target {
                case .element(let ref): return .element(ref)
                case .mark(let id): return .mark(id)
                }
            }
        }
        let id = workspace.addNote(text, about: noteTargets, in: &invocation.transaction)
        invocation.status(
            StyledText("n\(id)", .address)
                + StyledText(
                    " on " + noteTargets.map { NoteListing.describe($0, in: workspace) }.joined(separator: ", "), .faint
                ))
    }

    static let noteEdit = CommandSpec(
        "note edit", group: .coding, effect: .mutating,
        summary: "Replace the text of a note",
        arguments: [
            ArgumentSpec("NOTE", .noteID, help: "the note id (n3)"),
            ArgumentSpec("TEXT", .text, help: "the new text (quoted)"),
        ],
        examples: [.init("note edit n3 \"Figure confirmed by the city\"", "rewrite note 3")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let word = invocation.word("NOTE")!
        var note: Note
        do throws(GlossError) { note = try invocation.workspace.existingNote(word.text) } catch {
            throw GlossError(error.message, column: word.column)
        }
        let text = invocation.word("TEXT")!.text.trimmingWhitespace()
        guard !text.isEmpty else {
            throw GlossError("the note is empty (use note rm to delete it)", column: invocation.word("TEXT")!.column)
        }
        note.text = text
        invocation.workspace.perform(.putNote(note), in: &invocation.transaction)
        invocation.status(StyledText("n\(note.id)", .address) + StyledText(" now reads: ", .faint) + StyledText(text))
    }

    static let noteRemove = CommandSpec(
        "note rm", aliases: ["note delete"], group: .coding, effect: .mutating,
        summary: "Delete a note",
        arguments: [ArgumentSpec("NOTE", .noteID, .oneOrMore, help: "note ids (n3)")],
        examples: [.init("note rm n3", "delete note 3")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        for word in invocation.words("NOTE") {
            let note: Note
            do throws(GlossError) { note = try invocation.workspace.existingNote(word.text) } catch {
                throw GlossError(error.message, column: word.column)
            }
            invocation.workspace.perform(.removeNote(note.id), in: &invocation.transaction)
            invocation.status(StyledText("deleted n\(note.id)", .faint))
        }
    }

    static let notes = CommandSpec(
        "notes", aliases: ["memos"], group: .coding, effect: .readOnly,
        summary: "List notes with their targets (all, or those about TARGETS)",
        arguments: [
            ArgumentSpec("TARGETS", .targets, .optional, help: "only notes about these (marks inside them count)")
        ],
        options: [OptionSpec("json", help: "print JSON")],
        examples: [.init("notes", "every note"), .init("notes s3", "notes about section 3 and what is in it")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        var selected = workspace.annotations.notes.values.sorted { $0.id < $1.id }
        if let word = invocation.word("TARGETS") {
            if word.text.lowercased().hasPrefix("tag:") {
                let tag = try workspace.existingTag(String(word.text.dropFirst(4)))
                selected = selected.filter { $0.targets.contains(.tag(tag.key)) }
            } else {
                let refs = Set(try invocation.targets(word))
                selected = selected.filter { note in
                    note.targets.contains { NoteListing.target($0, liesWithin: refs, in: workspace) }
                }
            }
        }
        if invocation.flag("json") {
            invocation.output.raw(
                JSONValue.array(
                    selected.map { note in
                        .object([
                            ("id", .string("n\(note.id)")),
                            (
                                "targets",
                                .array(
                                    note.targets.map {
                                        .string(NoteListing.describe($0, in: workspace, qualified: true))
                                    })
                            ),
                            ("text", .string(note.text)),
                        ])
                    }
                ).serialized())
            return
        }
        guard !selected.isEmpty else {
            invocation.line(StyledText("no notes", .faint))
            return
        }
        let width = selected.map { String($0.id).count + 1 }.max() ?? 2
        for note in selected {
            var line = StyledText(DisplayWidth.pad("n\(note.id)", to: width), .address)
            line.append(
                "  " + note.targets.map { NoteListing.describe($0, in: workspace) }.joined(separator: ", "), .faint)
            invocation.line(line)
            invocation.line(StyledText(note.text), indent: width + 2)
        }
    }

    static let mark = CommandSpec(
        "mark", aliases: ["quote"], group: .coding, effect: .mutating,
        summary: "Tag a quoted span inside one passage, FAQ entry or key point",
        discussion: """
            The span is given by its exact text; straight and curly quotes and apostrophes match each \
            other. A quote that is not there is an error that shows the passage; one that occurs \
            several times needs --nth K. Marks are numbered m1, m2…; show highlights them \
            ({braces} without colour), and tag, untag and note accept them as targets.
            """,
        arguments: [
            ArgumentSpec(
                "ADDR", .address, help: "one passage, FAQ entry (q2), key point (kp3) or section heading (s3)"),
            ArgumentSpec("QUOTE", .text, help: "the exact text of the span (quoted)"),
            ArgumentSpec("TAG", .tag, .zeroOrMore, help: "tags for the span"),
        ],
        options: [
            OptionSpec("note", value: "TEXT", kind: .text, help: "also attach a note to the span"),
            OptionSpec(
                "nth", value: "K", kind: .number, range: 1...100_000,
                help: "which occurrence, when the quote occurs more than once"),
        ],
        examples: [
            .init("mark s3.p2 \"roughly twice the figure\" cost/dispute", "tag a phrase"),
            .init("mark q2 \"a quarter of the cost\" funding --note \"port authority share\"", "with a note"),
            .init("mark s1.p1 \"the council\" actor --nth 2", "the second occurrence"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let address = invocation.word("ADDR")!
        let refs = try invocation.targets(address)
        if refs.isEmpty && !invocation.transaction.orphans.isEmpty {
            invocation.recording.orphanedWhole = true  // the element is gone from the changed document
            return
        }
        guard refs.count == 1 else {
            throw GlossError("mark takes one element, not \(refs.count)", column: address.column)
        }
        let nth = invocation.integer("nth")
        let id: Int
        do throws(GlossError) {
            id = try workspace.addMark(
                refs[0], quote: invocation.word("QUOTE")!.text, nth: nth, tags: invocation.words("TAG").map(\.text),
                in: &invocation.transaction)
        } catch {
            // Replaying on a changed document, a quote that is no longer there (or no longer once) is
            // an orphan, kept with its command, not a reason to stop.
            let isQuoteMismatch = ["quote not found", "--nth", "the quote occurs"].contains {
                error.message.hasPrefix($0)
            }
            if isQuoteMismatch, invocation.context.toleratesDrift(in: refs[0].document),
                case .element(let typed)? = invocation.transaction.resolutions.last?.items.first?.typed
            {
                workspace.noteOrphan(typed, reason: .quoteGone, in: &invocation.transaction)
                invocation.recording.orphanedWhole = true
                return
            }
            var located = error
            if located.column == nil {
                located.column =
                    error.message.hasPrefix("tag")
                    ? invocation.words("TAG").first?.column : invocation.word("QUOTE")!.column
            }
            throw located
        }
        if let note = invocation.option("note")?.trimmingWhitespace(), !note.isEmpty {
            _ = workspace.addNote(note, about: [.mark(id)], in: &invocation.transaction)
        }
        let mark = workspace.annotations.marks[id]!
        var line = StyledText("m\(id)", .address) + StyledText(" in \(workspace.corpus.label(mark.element)): ", .faint)
        line.append("“" + mark.quote + "”", .mark(nil))
        line.append(ElementRenderer.tagList(mark.tags.compactMap { workspace.annotations.tags[$0] }))
        invocation.status(line)
    }

    static let unmark = CommandSpec(
        "unmark", group: .coding, effect: .mutating,
        summary: "Delete marks (their notes go with them unless about other things too)",
        arguments: [ArgumentSpec("MARK", .targets, .oneOrMore, help: "mark ids (m2, m3-5)")],
        examples: [.init("unmark m2", "delete mark 2")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        for word in invocation.words("MARK") {
            guard word.text.hasPrefix("m") else {
                throw GlossError("'\(word.text)' is not a mark (marks are m1, m2…)", column: word.column)
            }
            for target in try invocation.codingTargets(word) {
                guard case .mark(let id) = target else { continue }
                for var note in workspace.annotations.notes(about: .mark(id)) {
                    note.targets.removeAll { $0 == .mark(id) }
                    if note.targets.isEmpty {
                        workspace.perform(.removeNote(note.id), in: &invocation.transaction)
                    } else {
                        workspace.perform(.putNote(note), in: &invocation.transaction)
                    }
                }
                workspace.perform(.removeMark(id), in: &invocation.transaction)
                invocation.status(StyledText("deleted m\(id)", .faint))
            }
        }
    }

    static let marks = CommandSpec(
        "marks", group: .coding, effect: .readOnly,
        summary: "List marks (quoted spans) with their tags",
        arguments: [ArgumentSpec("TARGETS", .targets, .optional, help: "only marks inside these elements")],
        options: [OptionSpec("json", help: "print JSON")],
        examples: [.init("marks", "every mark"), .init("marks s3", "marks in section 3")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        var selected = workspace.annotations.marks.values.filter { workspace.corpus.isLoaded[$0.element.document] }
            .sorted {
                $0.id < $1.id
            }
        if let word = invocation.word("TARGETS") {
            let refs = Set(try invocation.targets(word))
            selected = selected.filter { NoteListing.target(.mark($0.id), liesWithin: refs, in: workspace) }
        }
        if invocation.flag("json") {
            invocation.output.raw(
                JSONValue.array(
                    selected.map { mark in
                        .object([
                            ("id", .string("m\(mark.id)")),
                            ("document", .string(workspace.corpus.documents[mark.element.document].id)),
                            ("address", .string("\(mark.element.address)")), ("quote", .string(mark.quote)),
                            ("start", .int(mark.start)), ("end", .int(mark.end)),
                            (
                                "tags",
                                .array(mark.tags.compactMap { workspace.annotations.tags[$0].map { .string($0.path) } })
                            ),
                        ])
                    }
                ).serialized())
            return
        }
        guard !selected.isEmpty else {
            invocation.line(StyledText("no marks", .faint))
            return
        }
        for mark in selected {
            var line =
                StyledText("m\(mark.id)", .address) + StyledText("  \(workspace.corpus.label(mark.element))  ", .faint)
            line.append("“" + mark.quote + "”", .mark(nil))
            line.append(ElementRenderer.tagList(mark.tags.compactMap { workspace.annotations.tags[$0] }))
            invocation.line(line, hangingIndent: 4)
        }
    }
}
