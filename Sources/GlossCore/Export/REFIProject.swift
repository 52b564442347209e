import Foundation

/// A workspace as a REFI-QDA project: `project.qde` (`urn:QDA-XML:project:1.0`) and the plain text of
/// each document, which the project's selections point into (see `SourcePlainText` for the layout and
/// the offset unit).
///
/// Every coded element and every mark becomes a `PlainTextSelection` with one `Coding` per tag; notes
/// become project `Notes`, referenced from the selection, document (`TextSource`) or code they are about.
struct REFIProject {
    /// The text of `project.qde`.
    let xml: String
    /// Archive paths (`Sources/GUID.txt`) and texts.
    let sourceFiles: [(path: String, text: String)]

    private struct Selection {
        var guid: String
        var name: String
        var range: Range<Int>
        var tagKeys: [String]
        var noteGUIDs: [String]
    }

    init(_ context: ExportContext) {
        let workspace = context.workspace
        let annotations = workspace.annotations
        let user = REFIGUIDs.user
        let date = ISO8601DateFormatter().string(from: context.date)

        // Notes are kept when at least one of their targets is exported.
        var notes: [Note] = []
        var tagNotes: [String: [String]] = [:]
        var elementNotes: [ElementRef: [String]] = [:]
        var markNotes: [Int: [String]] = [:]
        for note in annotations.notes.values.sorted(by: { $0.id < $1.id }) {
            let guid = REFIGUIDs.note(note)
            var referenced = false
            for target in note.targets {
                switch target {
                case .tag(let key) where annotations.tags[key] != nil:
                    tagNotes[key, default: []].append(guid)
                    referenced = true
                case .element(let ref) where context.includes(ref):
                    elementNotes[ref, default: []].append(guid)
                    referenced = true
                case .mark(let id):
                    guard let mark = annotations.marks[id], context.includes(mark) else { continue }
                    markNotes[id, default: []].append(guid)
                    referenced = true
                default:
                    continue
                }
            }
            if referenced { notes.append(note) }
        }

        var xml = XMLWriter()
        xml.start(
            "Project",
            [
                "xmlns": "urn:QDA-XML:project:1.0",
                "name": context.session.origin.map(\.path).map {
                    (($0 as NSString).lastPathComponent as NSString).deletingPathExtension
                } ?? "gloss workspace",
                "origin": "gloss \(GlossVersion.current)",
                "creatingUserGUID": user,
                "creationDateTime": date,
            ])
        xml.start("Users")
        xml.empty("User", ["guid": user, "name": "gloss"])
        xml.end()

        let tags = context.tags
        if !tags.isEmpty {  // the schema wants at least one Code inside a CodeBook
            xml.start("CodeBook")
            REFICodesWriter.write(tags, into: &xml, noteRefs: tagNotes)
            xml.end()
        }

        // Document metadata (author, published, site…) as text variables, one per field in use.
        let metadata = Dictionary(
            uniqueKeysWithValues: context.documents.map { ($0, workspace.corpus.documents[$0].knownMetadata) })
        let variables = MetadataKey.allCases.filter { key in metadata.values.contains { $0.contains { $0.key == key } }
        }
        if !variables.isEmpty {
            xml.start("Variables")
            for key in variables {
                xml.empty(
                    "Variable", ["guid": REFIGUIDs.variable(key), "name": key.rawValue, "typeOfVariable": "Text"])
            }
            xml.end()
        }

        var files: [(path: String, text: String)] = []
        let coded = Dictionary(grouping: context.codedElements, by: { $0.ref.document })
        let marks = Dictionary(grouping: context.marks, by: { $0.element.document })
        let notedElements = Dictionary(grouping: elementNotes.keys, by: \.document)
        if !context.documents.isEmpty {
            xml.start("Sources")
            for index in context.documents {
                let document = workspace.corpus.documents[index]
                let plain = SourcePlainText(document: index, in: workspace)
                let source = REFIGUIDs.source(document)
                var selections: [Selection] = []
                var tagsOfElement: [ElementRef: [String]] = [:]
                for (ref, tags) in coded[index] ?? [] { tagsOfElement[ref] = tags.map(\.key) }
                for ref in notedElements[index] ?? [] where tagsOfElement[ref] == nil { tagsOfElement[ref] = [] }
                // Notes about the whole document belong to the source itself.
                let documentNotes = elementNotes[ElementRef(document: index, address: .document)] ?? []
                for (ref, keys) in tagsOfElement.sorted(by: { $0.key < $1.key }) {
                    let notesHere = ref.address == .document ? [] : elementNotes[ref] ?? []
                    guard !keys.isEmpty || !notesHere.isEmpty, let range = plain.range(of: ref, in: workspace) else {
                        continue
                    }
                    selections.append(
                        Selection(
                            guid: REFIGUIDs.selection(source: source, element: ref.address),
                            name: workspace.corpus.label(ref, qualified: true), range: range, tagKeys: keys,
                            noteGUIDs: notesHere))
                }
                for mark in marks[index] ?? [] {
                    guard let range = plain.range(of: mark, in: workspace) else { continue }
                    selections.append(
                        Selection(
                            guid: REFIGUIDs.selection(source: source, mark: mark, range: range), name: "m\(mark.id)",
                            range: range,
                            tagKeys: mark.tags.filter { annotations.tags[$0] != nil },
                            noteGUIDs: markNotes[mark.id] ?? []))
                }
                // Reading order; an enclosing selection before those inside it.
                selections.sort {
                    ($0.range.lowerBound, -$0.range.upperBound, $0.name) < (
                        $1.range.lowerBound, -$1.range.upperBound, $1.name
                    )
                }

                let attributes: XMLWriter.Attributes = [
                    "guid": source, "name": document.id, "plainTextPath": "internal://\(source).txt",
                    "creatingUser": user, "creationDateTime": date,
                ]
                let values = metadata[index] ?? []
                if selections.isEmpty && documentNotes.isEmpty && values.isEmpty {
                    xml.empty("TextSource", attributes)
                } else {
                    xml.start("TextSource", attributes)
                    for selection in selections {
                        let selectionAttributes: XMLWriter.Attributes = [
                            "guid": selection.guid, "name": selection.name,
                            "startPosition": String(selection.range.lowerBound),
                            "endPosition": String(selection.range.upperBound),
                            "creatingUser": user, "creationDateTime": date,
                        ]
                        guard !selection.tagKeys.isEmpty || !selection.noteGUIDs.isEmpty else {
                            xml.empty("PlainTextSelection", selectionAttributes)
                            continue
                        }
                        xml.start("PlainTextSelection", selectionAttributes)
                        for key in selection.tagKeys {
                            xml.start(
                                "Coding",
                                [
                                    "guid": REFIGUIDs.coding(selection: selection.guid, tagKey: key),
                                    "creatingUser": user, "creationDateTime": date,
                                ])
                            xml.empty("CodeRef", ["targetGUID": REFIGUIDs.code(key)])
                            xml.end()
                        }
                        for note in selection.noteGUIDs { xml.empty("NoteRef", ["targetGUID": note]) }
                        xml.end()
                    }
                    for note in documentNotes { xml.empty("NoteRef", ["targetGUID": note]) }
                    for (key, value) in values {
                        xml.start("VariableValue")
                        xml.empty("VariableRef", ["targetGUID": REFIGUIDs.variable(key)])
                        xml.element("TextValue", text: value)
                        xml.end()
                    }
                    xml.end()
                }
                files.append(("Sources/\(source).txt", plain.text))
            }
            xml.end()
        }

        if !notes.isEmpty {
            xml.start("Notes")
            for note in notes {
                xml.start(
                    "Note",
                    [
                        "guid": REFIGUIDs.note(note), "name": "n\(note.id)", "creatingUser": user,
                        "creationDateTime": date,
                    ])
                xml.element("PlainTextContent", text: note.text)
                xml.end()
            }
            xml.end()
        }
        xml.end()
        self.xml = xml.text
        self.sourceFiles = files
    }
}
