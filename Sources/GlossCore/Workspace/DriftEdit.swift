/// What a replay learns about a changed document. Not undone: a redo of the load, or a later line of
/// the replay, needs it again.
enum DriftEdit {
    /// A replayed `load --sha256` compared the document's SHA-256 with the saved one.
    case checkedHash(document: Int, changed: Bool)
    /// Where a changed document's saved addresses are now (nil: addresses are taken as typed).
    case setRemap(document: Int, [ElementAddress: ElementAddress?]?)
}

extension Workspace {
    func perform(_ edit: DriftEdit) {
        switch edit {
        case .checkedHash(let document, let changed):
            drift.hashChecked.insert(document)
            if changed { drift.drifted.insert(document) }
        case .setRemap(let document, let remap):
            drift.addressRemap[document] = remap
        }
    }
}
