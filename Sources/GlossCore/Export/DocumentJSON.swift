/// The structure of documents as JSON, shared by `outline --json`, `show --json` and `export json`.
public enum DocumentJSON {
    public static func document(_ index: Int, in workspace: Workspace, includeText: Bool = true) -> JSONValue {
        let document = workspace.corpus.documents[index]
        var sections: [JSONValue] = []
        for s in document.sections.indices where s > 0 || document.hasLead {
            sections.append(self.section(s, of: index, in: workspace))
        }
        return .object([
            ("id", .string(document.id)),
            ("path", .string(document.path)),
            ("format", .string(document.format.rawValue)),
            ("sha256", .string(document.sha256)),
            ("title", .string(document.title)),
            ("metadata", metadata(of: document)),
            ("sections", .array(sections)),
            ("faq", .array(document.faq.indices.map { faq($0 + 1, of: index, in: workspace) })),
            ("keyPoints", .array(document.keyPoints.indices.map { keyPoint($0 + 1, of: index, in: workspace) })),
        ])
    }

    /// A document's title as an element of its own (`DOC:title`).
    public static func title(of index: Int, in workspace: Workspace) -> JSONValue {
        let document = workspace.corpus.documents[index]
        return .object(
            [
                ("address", .string("title")),
                ("text", .string(document.title)),
                ("lines", lines(document.titleLines)),
            ] + pageMember(of: document, .title))
    }

    public static func section(_ s: Int, of index: Int, in workspace: Workspace) -> JSONValue {
        let section = workspace.corpus.documents[index].sections[s]
        return .object(
            [
                ("address", .string("s\(s)")),
                ("heading", .string(section.heading)),
                ("level", .int(section.level)),
                ("role", .string(section.role.rawValue)),
                ("lines", lines(section.headingLines)),
            ] + pageMember(of: workspace.corpus.documents[index], .section(s)) + [
                ("passages", .array(section.passages.indices.map { passage(s, $0 + 1, of: index, in: workspace) }))
            ])
    }

    public static func passage(_ s: Int, _ p: Int, of index: Int, in workspace: Workspace) -> JSONValue {
        let passage = workspace.corpus.documents[index].sections[s].passages[p - 1]
        return .object(
            [
                ("address", .string("s\(s).p\(p)")),
                ("kind", .string(passage.kind.rawValue)),
                ("text", .string(passage.text)),
                ("lines", lines(passage.lines)),
            ] + pageMember(of: workspace.corpus.documents[index], .passage(section: s, number: p)))
    }

    public static func faq(_ q: Int, of index: Int, in workspace: Workspace) -> JSONValue {
        let entry = workspace.corpus.documents[index].faq[q - 1]
        return .object(
            [
                ("address", .string("q\(q)")),
                ("question", .string(entry.question)),
                ("answer", .string(entry.answer)),
                ("section", .string("s\(entry.section)")),
                ("lines", lines(entry.lines)),
            ] + pageMember(of: workspace.corpus.documents[index], .faq(q)))
    }

    public static func keyPoint(_ k: Int, of index: Int, in workspace: Workspace) -> JSONValue {
        let point = workspace.corpus.documents[index].keyPoints[k - 1]
        return .object(
            [
                ("address", .string("kp\(k)")),
                ("label", .string(point.label)),
                ("detail", .string(point.detail)),
                ("section", .string("s\(point.section)")),
                ("lines", lines(point.lines)),
            ] + pageMember(of: workspace.corpus.documents[index], .keyPoint(k)))
    }

    /// One element, for `show --json`.
    public static func element(_ ref: ElementRef, in workspace: Workspace) -> JSONValue {
        var value: JSONValue
        switch ref.address {
        case .document: value = document(ref.document, in: workspace)
        case .title: value = title(of: ref.document, in: workspace)
        case .section(let s): value = section(s, of: ref.document, in: workspace)
        case .passage(let s, let p): value = passage(s, p, of: ref.document, in: workspace)
        case .faq(let q): value = faq(q, of: ref.document, in: workspace)
        case .keyPoint(let k): value = keyPoint(k, of: ref.document, in: workspace)
        }
        guard case .object(var members) = value else { return value }
        members.insert(("document", .string(workspace.corpus.documents[ref.document].id)), at: 0)
        let annotations = workspace.annotations
        let tags = (annotations.elementTags[ref] ?? []).compactMap { annotations.tags[$0]?.path }.sorted()
        members.append(("tags", .array(tags.map { .string($0) })))
        let notes = annotations.notes(about: .element(ref))
        members.append(
            ("notes", .array(notes.map { .object([("id", .string("n\($0.id)")), ("text", .string($0.text))]) })))
        return .object(members)
    }

    /// The document's metadata for a row of a listing (`find`, `kwic`): nothing when it has none.
    static func metadataMember(of document: Document) -> [(String, JSONValue)] {
        document.metadata.isEmpty ? [] : [("metadata", metadata(of: document))]
    }

    static func metadata(of document: Document) -> JSONValue {
        .object(document.metadata.map { ($0.key, .string($0.value)) })
    }

    /// The page an element starts on, for a document read from pages (a PDF); nothing otherwise.
    static func pageMember(of document: Document, _ element: ElementAddress) -> [(String, JSONValue)] {
        document.page(of: element).map { [("page", .int($0))] } ?? []
    }

    static func lines(_ range: LineRange?) -> JSONValue {
        guard let range else { return .null }
        return .array([.int(range.first), .int(range.last)])
    }
}
