/// The analyst's coding: the codebook, which elements carry which tags, notes and marks.
///
/// Every change goes through `apply(_:)`, which returns the edit that undoes it; that is what makes
/// undo exact and cheap.
public struct Annotations: Sendable, Equatable {
    /// Tags by key (lowercased path).
    public private(set) var tags: [String: Tag] = [:]
    /// Tag keys of each tagged element.
    public private(set) var elementTags: [ElementRef: Set<String>] = [:]
    /// Elements that carry each tag directly.
    public private(set) var tagElements: [String: Set<ElementRef>] = [:]
    public private(set) var notes: [Int: Note] = [:]
    public private(set) var marks: [Int: Mark] = [:]
    /// Ids of the notes about each target and of the marks on each element, kept by `apply`: exports
    /// and `show` ask per element, and scanning every note or mark each time was quadratic.
    private var noteIDsByTarget: [NoteTarget: Set<Int>] = [:]
    private var markIDsByElement: [ElementRef: Set<Int>] = [:]
    public private(set) var nextNoteID = 1
    public private(set) var nextMarkID = 1
    public private(set) var nextTagOrder = 1

    public init() {}

    public enum Edit: Hashable, Sendable {
        case createTag(Tag)
        case deleteTag(String)
        case replaceTag(key: String, Tag)
        case addTagging(String, ElementRef)
        case removeTagging(String, ElementRef)
        case putNote(Note)
        case removeNote(Int)
        case putMark(Mark)
        case removeMark(Int)
        case setCounters(note: Int, mark: Int, tagOrder: Int)
    }

    /// Applies an edit and returns its inverse.
    @discardableResult
    public mutating func apply(_ edit: Edit) -> Edit {
        switch edit {
        case .createTag(let tag):
            tags[tag.key] = tag
            return .deleteTag(tag.key)
        case .deleteTag(let key):
            let old = tags.removeValue(forKey: key)!
            return .createTag(old)
        case .replaceTag(let key, let tag):
            let old = tags[key]!
            tags[key] = tag
            return .replaceTag(key: key, old)
        case .addTagging(let key, let ref):
            elementTags[ref, default: []].insert(key)
            tagElements[key, default: []].insert(ref)
            return .removeTagging(key, ref)
        case .removeTagging(let key, let ref):
            elementTags[ref]?.remove(key)
            if elementTags[ref]?.isEmpty == true { elementTags[ref] = nil }
            tagElements[key]?.remove(ref)
            if tagElements[key]?.isEmpty == true { tagElements[key] = nil }
            return .addTagging(key, ref)
        case .putNote(let note):
            let old = notes.updateValue(note, forKey: note.id)
            if let old { unindex(old) }
            for target in note.targets { noteIDsByTarget[target, default: []].insert(note.id) }
            return old.map { .putNote($0) } ?? .removeNote(note.id)
        case .removeNote(let id):
            let old = notes.removeValue(forKey: id)!
            unindex(old)
            return .putNote(old)
        case .putMark(let mark):
            let old = marks.updateValue(mark, forKey: mark.id)
            if let old { unindex(old) }
            markIDsByElement[mark.element, default: []].insert(mark.id)
            return old.map { .putMark($0) } ?? .removeMark(mark.id)
        case .removeMark(let id):
            let old = marks.removeValue(forKey: id)!
            unindex(old)
            return .putMark(old)
        case .setCounters(let note, let mark, let tagOrder):
            let inverse = Edit.setCounters(note: nextNoteID, mark: nextMarkID, tagOrder: nextTagOrder)
            nextNoteID = note
            nextMarkID = mark
            nextTagOrder = tagOrder
            return inverse
        }
    }

    private mutating func unindex(_ note: Note) {
        for target in note.targets {
            noteIDsByTarget[target]?.remove(note.id)
            if noteIDsByTarget[target]?.isEmpty == true { noteIDsByTarget[target] = nil }
        }
    }

    private mutating func unindex(_ mark: Mark) {
        markIDsByElement[mark.element]?.remove(mark.id)
        if markIDsByElement[mark.element]?.isEmpty == true { markIDsByElement[mark.element] = nil }
    }

    // MARK: - Queries

    /// Marks on an element, in id order.
    public func marks(on element: ElementRef) -> [Mark] {
        (markIDsByElement[element] ?? []).sorted().compactMap { marks[$0] }
    }

    public func tag(_ path: String) -> Tag? { tags[Tag.key(path)] }

    /// Keys of a tag and all tags below it.
    public func subtree(_ key: String) -> [String] {
        tags.keys.filter { Tag.key($0, isWithin: key) }
    }

    /// Children keys of a tag (nil: top-level tags), sorted by path.
    public func children(of key: String?) -> [Tag] {
        tags.values.filter { tag in
            let parent = Tag.parent(of: tag.path).map(Tag.key)
            return parent == key
        }.sorted { $0.path.lowercased() < $1.path.lowercased() }
    }

    /// Marks that carry a tag directly.
    public func marks(taggedWith key: String) -> [Mark] {
        marks.values.filter { $0.tags.contains(key) }.sorted { $0.id < $1.id }
    }

    /// Number of elements and marks tagged with exactly this tag.
    public func directCount(_ key: String) -> Int {
        (tagElements[key]?.count ?? 0) + marks.values.lazy.filter { $0.tags.contains(key) }.count
    }

    /// Number of distinct elements and marks tagged with this tag or one below it.
    public func totalCount(_ key: String) -> Int {
        let keys = Set(subtree(key))
        var elements = Set<ElementRef>()
        for key in keys { elements.formUnion(tagElements[key] ?? []) }
        let markCount = marks.values.lazy.filter { !keys.isDisjoint(with: $0.tags) }.count
        return elements.count + markCount
    }

    public func notes(about target: NoteTarget) -> [Note] {
        (noteIDsByTarget[target] ?? []).sorted().compactMap { notes[$0] }
    }

    public var isEmpty: Bool { tags.isEmpty && notes.isEmpty && marks.isEmpty }
}
