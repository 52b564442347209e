import Foundation

/// Unloading documents: they leave the workspace with their annotations, in one undoable step.
extension Workspace {
    /// What unloading took away with the documents.
    public struct UnloadSummary: Equatable, Sendable {
        public var documents = 0
        public var codings = 0
        public var marks = 0
        public var notes = 0
    }

    /// Hides the documents and removes the codings, marks and notes on them (a note about other things
    /// too keeps those). Every change goes through `perform`, so one undo brings everything back.
    public func unload(_ unloaded: [Int], in transaction: inout CommandTransaction) -> UnloadSummary {
        var summary = UnloadSummary()
        let gone = Set(unloaded)
        for ref in annotations.elementTags.keys.sorted() where gone.contains(ref.document) {
            for key in annotations.elementTags[ref]!.sorted() {
                perform(.removeTagging(key, ref), in: &transaction)
                summary.codings += 1
            }
        }
        let marks = annotations.marks.values.filter { gone.contains($0.element.document) }.sorted { $0.id < $1.id }
        for note in annotations.notes.values.sorted(by: { $0.id < $1.id }) {
            var kept = note
            kept.targets.removeAll { target in
                switch target {
                case .element(let ref): return gone.contains(ref.document)
                case .mark(let id): return annotations.marks[id].map { gone.contains($0.element.document) } ?? false
                case .tag: return false
                }
            }
            guard kept.targets.count != note.targets.count else { continue }
            if kept.targets.isEmpty {
                perform(.removeNote(note.id), in: &transaction)
                summary.notes += 1
            } else {
                perform(.putNote(kept), in: &transaction)
            }
        }
        for mark in marks {
            perform(.removeMark(mark.id), in: &transaction)
            summary.marks += 1
        }
        for document in unloaded.sorted() where corpus.isLoaded[document] {
            perform(.setLoaded(documents: document..<(document + 1), false), in: &transaction)
            summary.documents += 1
        }
        return summary
    }

    /// Loaded documents whose id matches a glob (`politics/*`) or is the word itself.
    public func documentIndices(matching pattern: String) -> [Int] {
        let lowered = pattern.lowercased()
        if let exact = corpus.documentIndex(id: lowered) { return [exact] }
        guard DocumentLoader.containsGlob(lowered) else { return [] }
        return corpus.loadedDocumentIndices.filter { fnmatch(lowered, corpus.documents[$0].id, 0) == 0 }
    }
}
