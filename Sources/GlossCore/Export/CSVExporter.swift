/// `export csv`: one row per coded element or mark, for spreadsheets. RFC 4180: CRLF line ends,
/// fields quoted when they hold a comma, quote or line break; UTF-8 with a byte-order mark, which
/// spreadsheet programs need to read accents correctly.
enum CSVExporter: WorkspaceExporter {
    static let name = "csv"
    static let summary =
        "one row per coded or noted element or mark: document, address, kind, section, text, tags, notes, then the document's author, published, site, url and lang, and the element's page (PDF); with --rows coding, one row per tag applied: document, title, path, address, kind, tag, text, page"

    static let header =
        ["document", "address", "kind", "section", "text", "tags", "notes"] + metadataKeys.map(\.rawValue) + ["page"]
    /// The document's metadata fields each row ends with.
    static let metadataKeys: [MetadataKey] = [.author, .published, .site, .url, .language]

    static let codingHeader = ["document", "title", "path", "address", "kind", "tag", "text", "page"]

    static func export(_ context: ExportContext) throws(GlossError) -> [UInt8] {
        if context.rowPerCoding { return encode(codingRows(context)) }
        let workspace = context.workspace
        let annotations = workspace.annotations
        var rows = [header]
        func notes(_ target: NoteTarget) -> String {
            annotations.notes(about: target).map { "n\($0.id): \($0.text)" }.joined(separator: " | ")
        }
        var metadataCache: [Int: [String]] = [:]
        func metadata(of document: Int) -> [String] {
            if let cached = metadataCache[document] { return cached }
            let known = workspace.corpus.documents[document].knownMetadata
            let values = metadataKeys.map { key in known.first { $0.key == key }?.value ?? "" }
            metadataCache[document] = values
            return values
        }
        let noted = context.notedUncodedElements.map { (ref: $0, tags: [Tag]()) }
        for (ref, tags) in (context.codedElements + noted).sorted(by: { $0.ref < $1.ref }) {
            rows.append(
                [
                    workspace.corpus.documents[ref.document].id,
                    ref.address == .document ? "" : "\(ref.address)",
                    kind(of: ref, in: workspace),
                    sectionHeading(of: ref, in: workspace),
                    workspace.corpus.text(of: ref),
                    tags.map(\.path).joined(separator: "; "),
                    notes(.element(ref)),
                ] + metadata(of: ref.document) + [page(of: ref, in: workspace)])
        }
        for mark in context.marks {
            rows.append(
                [
                    workspace.corpus.documents[mark.element.document].id,
                    "\(mark.element.address) m\(mark.id)",
                    "mark",
                    sectionHeading(of: mark.element, in: workspace),
                    mark.quote,
                    mark.tags.compactMap { annotations.tags[$0]?.path }.joined(separator: "; "),
                    notes(.mark(mark.id)),
                ] + metadata(of: mark.element.document) + [page(of: mark.element, in: workspace)])
        }
        return encode(rows)
    }

    /// One row per tag applied to an element or a mark, for counting codings in a pivot table.
    static func codingRows(_ context: ExportContext) -> [[String]] {
        let workspace = context.workspace
        var rows = [codingHeader]
        func row(_ ref: ElementRef, address: String, kind: String, tag: String, text: String) -> [String] {
            let document = workspace.corpus.documents[ref.document]
            return [
                document.id, document.title ?? "", document.path, address, kind, tag, text,
                page(of: ref, in: workspace),
            ]
        }
        for (ref, tags) in context.codedElements {
            let kind = kind(of: ref, in: workspace)
            let text = workspace.corpus.text(of: ref)
            for tag in tags {
                rows.append(
                    row(
                        ref, address: ref.address == .document ? "" : "\(ref.address)", kind: kind, tag: tag.path,
                        text: text))
            }
        }
        for mark in context.marks {
            for tag in mark.tags.compactMap({ workspace.annotations.tags[$0]?.path }).sorted() {
                rows.append(
                    row(
                        mark.element, address: "\(mark.element.address) m\(mark.id)", kind: "mark", tag: tag,
                        text: mark.quote))
            }
        }
        return rows
    }

    static func encode(_ rows: [[String]]) -> [UInt8] {
        let text = rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// The page an element starts on, for a document read from pages; empty otherwise.
    static func page(of ref: ElementRef, in workspace: Workspace) -> String {
        workspace.corpus.documents[ref.document].page(of: ref.address).map(String.init) ?? ""
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func kind(of ref: ElementRef, in workspace: Workspace) -> String {
        guard case .passage(let s, let p) = ref.address else { return ref.address.elementKind }
        return workspace.corpus.documents[ref.document].sections[s].passages[p - 1].kind.rawValue
    }

    static func sectionHeading(of ref: ElementRef, in workspace: Workspace) -> String {
        let document = workspace.corpus.documents[ref.document]
        switch ref.address {
        case .document, .title: return ""
        case .section(let s), .passage(let s, _): return document.sections[s].heading ?? ""
        case .faq(let q): return document.sections[document.faq[q - 1].section].heading ?? ""
        case .keyPoint(let k): return document.sections[document.keyPoints[k - 1].section].heading ?? ""
        }
    }
}
