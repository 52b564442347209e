import Foundation

/// What an exporter works from: the workspace, the session (for transcripts), whether to keep to the
/// working view, and where the file goes (paths inside exports are relative to it).
public struct ExportContext {
    public let session: Session
    public let viewOnly: Bool
    public let destinationDirectory: String
    public let date: Date
    /// `export csv --rows coding`: one row per tag applied, instead of one per element.
    public let rowPerCoding: Bool
    /// `export md|html --all`: the reports add every document's full text after the coded segments.
    public let includesDocuments: Bool

    public var workspace: Workspace { session.workspace }

    public init(
        session: Session, viewOnly: Bool, destinationDirectory: String, date: Date = Date(), rowPerCoding: Bool = false,
        includesDocuments: Bool = false
    ) {
        self.session = session
        self.viewOnly = viewOnly
        self.destinationDirectory = destinationDirectory
        self.date = date
        self.rowPerCoding = rowPerCoding
        self.includesDocuments = includesDocuments
    }

    /// Loaded documents, in load order (with --view, those with something in the view).
    public var documents: [Int] {
        let loaded = workspace.corpus.loadedDocumentIndices
        guard viewOnly else { return loaded }
        let view = workspace.viewUnits
        return loaded.filter { workspace.corpus.documentUnits[$0].contains { view.contains($0) } }
    }

    /// Whether an element is exported: always, or with --view when one of its units is in the view.
    public func includes(_ ref: ElementRef) -> Bool {
        guard workspace.corpus.isLoaded[ref.document], workspace.corpus.exists(ref) else { return false }
        guard viewOnly else { return true }
        let view = workspace.viewUnits
        return workspace.corpus.units(of: ref).contains { view.contains($0) }
    }

    public func includes(_ mark: Mark) -> Bool {
        guard includes(mark.element) else { return false }
        guard viewOnly, let unit = workspace.unit(of: mark) else { return true }
        return workspace.viewUnits.contains(unit)
    }

    /// Element taggings to export, in document order, each with its tag paths sorted.
    public var codedElements: [(ref: ElementRef, tags: [Tag])] {
        let annotations = workspace.annotations
        return annotations.elementTags.keys.sorted().filter(includes).map { ref in
            (
                ref,
                annotations.elementTags[ref]!.compactMap { annotations.tags[$0] }.sorted {
                    $0.path.lowercased() < $1.path.lowercased()
                }
            )
        }
    }

    /// Elements with a note about them but no tag, in document order.
    public var notedUncodedElements: [ElementRef] {
        let annotations = workspace.annotations
        var refs = Set<ElementRef>()
        for note in annotations.notes.values {
            for case .element(let ref) in note.targets where annotations.elementTags[ref] == nil { refs.insert(ref) }
        }
        return refs.sorted().filter(includes)
    }

    /// Marks to export, by id.
    public var marks: [Mark] {
        workspace.annotations.marks.values.filter(includes).sorted { $0.id < $1.id }
    }

    /// Tags of the codebook, sorted by path.
    public var tags: [Tag] {
        workspace.annotations.tags.values.sorted { $0.path.lowercased() < $1.path.lowercased() }
    }
}

/// One export format: a name for `export FORMAT`, a line of help, and the bytes it writes.
public protocol WorkspaceExporter: Sendable {
    static var name: String { get }
    static var summary: String { get }
    static func export(_ context: ExportContext) throws(GlossError) -> [UInt8]
    /// Binary formats (archives) are never printed to the screen.
    static var isBinary: Bool { get }
}

extension WorkspaceExporter {
    public static var isBinary: Bool { false }
}

/// The formats `export` knows, in the order `help export` lists them.
public enum ExportFormats {
    public static let all: [any WorkspaceExporter.Type] = [
        JSONExporter.self, CSVExporter.self, MarkdownReportExporter.self, HTMLReportExporter.self,
        NotebookExporter.self, QDCExporter.self, QDPXExporter.self,
    ]

    public static func named(_ name: String) -> (any WorkspaceExporter.Type)? {
        all.first { $0.name == name.lowercased() }
    }
}

/// `export json`: the whole workspace (see `WorkspaceJSON`).
enum JSONExporter: WorkspaceExporter {
    static let name = "json"
    static let summary = "the whole workspace (documents, codebook, codings, marks, notes) as JSON"

    static func export(_ context: ExportContext) throws(GlossError) -> [UInt8] {
        let json = WorkspaceJSON.export(
            context.workspace, version: GlossVersion.current, pathBase: context.destinationDirectory, date: context.date
        )
        var bytes = json.serializedBytes()
        bytes.append(0x0A)
        return bytes
    }
}
