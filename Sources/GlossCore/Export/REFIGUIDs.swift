/// The GUID of every object gloss writes to REFI-QDA files, named from what the object is (never from
/// the time), so the codebook and the project of one workspace agree and exports are reproducible.
enum REFIGUIDs {
    static func code(_ tagKey: String) -> String { NameBasedUUID.make("code:" + tagKey) }

    static let user = NameBasedUUID.make("user:gloss")

    /// The content hash is part of the name: two versions of an article are two sources.
    static func source(_ document: Document) -> String {
        NameBasedUUID.make("source:\(document.id):\(document.sha256)")
    }

    static func selection(source: String, element: ElementAddress) -> String {
        NameBasedUUID.make("selection:\(source):\(element == .document ? "document" : "\(element)")")
    }

    static func selection(source: String, mark: Mark, range: Range<Int>) -> String {
        NameBasedUUID.make("mark:\(source):m\(mark.id):\(range.lowerBound)-\(range.upperBound)")
    }

    static func variable(_ key: MetadataKey) -> String { NameBasedUUID.make("variable:" + key.rawValue) }

    static func coding(selection: String, tagKey: String) -> String {
        NameBasedUUID.make("coding:\(selection):\(tagKey)")
    }

    /// The text is part of the name so note n1 of two workspaces are two notes.
    static func note(_ note: Note) -> String { NameBasedUUID.make("note:n\(note.id):\(note.text)") }
}
