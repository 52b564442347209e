/// A memo: free text attached to elements, marks, documents or tags.
public struct Note: Hashable, Sendable {
    public var id: Int
    public var targets: [NoteTarget]
    public var text: String

    public init(id: Int, targets: [NoteTarget], text: String) {
        self.id = id
        self.targets = targets
        self.text = text
    }
}

/// What a note is about.
public enum NoteTarget: Hashable, Sendable {
    case element(ElementRef)
    case mark(Int)
    case tag(String)
}
