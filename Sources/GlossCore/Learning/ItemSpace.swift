/// What suggestions rank: whole documents, or elements (passages, FAQ entries, key points).
public enum CodingGrain: String, Sendable {
    case document
    case element
}

/// The items of one grain over the loaded documents, in reading order: which item each unit counts
/// towards, and the element each item stands for.
struct ItemSpace {
    let grain: CodingGrain
    /// Item of each unit; -1 when the unit counts towards none (a title or heading in element grain,
    /// a unit of a document whose load was undone).
    let itemOfUnit: [Int32]
    /// The element of each item (the whole document in document grain).
    let refs: [ElementRef]

    var count: Int { refs.count }

    init(_ workspace: Workspace, grain: CodingGrain) {
        self.grain = grain
        var itemOfUnit = [Int32](repeating: -1, count: workspace.corpus.units.count)
        var refs: [ElementRef] = []
        for document in workspace.corpus.documents.indices where workspace.corpus.isLoaded[document] {
            let range = workspace.corpus.documentUnits[document]
            switch grain {
            case .document:
                refs.append(ElementRef(document: document, address: .document))
                for unit in range { itemOfUnit[Int(unit)] = Int32(refs.count - 1) }
            case .element:
                // The units of one element are adjacent (a FAQ entry's question and answer).
                var previous: ElementRef?
                for unit in range {
                    let kind = workspace.corpus.units[Int(unit)].kind
                    guard kind != .title && kind != .heading else { continue }
                    let ref = workspace.corpus.units[Int(unit)].ref
                    if ref != previous {
                        refs.append(ref)
                        previous = ref
                    }
                    itemOfUnit[Int(unit)] = Int32(refs.count - 1)
                }
            }
        }
        self.itemOfUnit = itemOfUnit
        self.refs = refs
    }

    /// The items that some unit of `units` counts towards, in order.
    func items(of units: UnitSet) -> [Int32] {
        var items: [Int32] = []
        units.forEach { unit in
            let item = itemOfUnit[Int(unit)]
            if item >= 0, items.last != item { items.append(item) }
        }
        return items.isSorted ? items : items.sorted().uniquedSorted()
    }
}
