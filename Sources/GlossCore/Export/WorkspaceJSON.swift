import Foundation

/// The whole workspace as one JSON document: the reference format that tests compare, documented in
/// the README. Everything is in a stable order so two exports of the same state are identical except
/// for `exportedAt`.
public enum WorkspaceJSON {
    public static let formatVersion = 1

    /// Paths are written relative to `pathBase` (the folder of the exported file), so the export of a
    /// replayed session equals the original's.
    public static func export(_ workspace: Workspace, version: String, pathBase: String, date: Date = Date())
        -> JSONValue
    {
        let annotations = workspace.annotations
        let loaded = workspace.corpus.loadedDocumentIndices
        func label(_ ref: ElementRef) -> JSONValue {
            .object([
                ("document", .string(workspace.corpus.documents[ref.document].id)),
                ("address", .string(ref.address == .document ? "" : "\(ref.address)")),
            ])
        }
        let tags = annotations.tags.values.sorted { $0.path.lowercased() < $1.path.lowercased() }
        var codings: [JSONValue] = []
        for (ref, keys) in annotations.elementTags.sorted(by: { $0.key < $1.key })
        where workspace.corpus.isLoaded[ref.document] {
            for key in keys.sorted() {
                guard case .object(var members) = label(ref) else { continue }
                members.append(("tag", .string(annotations.tags[key]?.path ?? key)))
                codings.append(.object(members))
            }
        }
        let marks: [JSONValue] = annotations.marks.values.sorted { $0.id < $1.id }.filter {
            workspace.corpus.isLoaded[$0.element.document]
        }.map { mark in
            guard case .object(var members) = label(mark.element) else { return .null }
            members.insert(("id", .string("m\(mark.id)")), at: 0)
            members += [
                ("part", .string(mark.part.name)), ("quote", .string(mark.quote)),
                ("start", .int(mark.start)), ("end", .int(mark.end)),
                ("before", .string(mark.before)), ("after", .string(mark.after)),
                ("tags", .array(mark.tags.map { .string(annotations.tags[$0]?.path ?? $0) })),
            ]
            return .object(members)
        }
        let notes: [JSONValue] = annotations.notes.values.sorted { $0.id < $1.id }.map { note in
            .object([
                ("id", .string("n\(note.id)")),
                (
                    "targets",
                    .array(
                        note.targets.map { target -> JSONValue in
                            switch target {
                            case .element(let ref): return label(ref)
                            case .mark(let id): return .object([("mark", .string("m\(id)"))])
                            case .tag(let key): return .object([("tag", .string(annotations.tags[key]?.path ?? key))])
                            }
                        })
                ),
                ("text", .string(note.text)),
            ])
        }
        return .object([
            ("formatVersion", .int(formatVersion)),
            ("generator", .string("gloss \(version)")),
            ("exportedAt", .string(ISO8601DateFormatter().string(from: date))),
            (
                "files",
                .array(
                    loaded.map { index in
                        let document = workspace.corpus.documents[index]
                        return .object([
                            ("document", .string(document.id)),
                            ("path", .string(SessionScript.relative(document.sourcePath, to: pathBase))),
                            ("sha256", .string(document.sha256)), ("bytes", .int(document.byteCount)),
                        ])
                    })
            ),
            // Made one at a time as they are written: the whole corpus as values would take several times its size.
            (
                "documents",
                .lazyArray(
                    JSONLazyArray(count: loaded.count) { position in
                        guard case .object(var members) = DocumentJSON.document(loaded[position], in: workspace) else {
                            return .null
                        }
                        members.removeAll { $0.0 == "path" }
                        return .object(members)
                    })
            ),
            (
                "codebook",
                .array(
                    tags.map { tag in
                        .object([
                            ("path", .string(tag.path)), ("description", .string(tag.description)),
                            ("color", .string(tag.color)),
                        ])
                    })
            ),
            ("codings", .array(codings)),
            ("marks", .array(marks)),
            ("notes", .array(notes)),
            (
                "orphans",
                .array(
                    workspace.drift.orphans.map { orphan in
                        .object([
                            ("document", .string(orphan.document)), ("address", .string(orphan.address)),
                            ("text", .string(orphan.text)), ("command", .string(orphan.command)),
                        ])
                    })
            ),
        ])
    }
}
