import Foundation

/// Agreement between two analysts who coded the same documents, tag by tag: percent agreement and
/// Cohen's kappa over a fixed set of units.
///
/// The unit of agreement is the element: every passage, FAQ entry and key point of the documents
/// both sessions loaded (matched by document id). A unit carries a tag when it is tagged directly,
/// when its section or document is, or when a mark inside it is. With a tag given, the tags below it
/// count as that tag.
public struct CoderAgreement {
    /// The 2×2 table of one tag: units coded by both, by this session only, by the other only, by neither.
    public struct Table: Equatable, Sendable {
        public var both = 0
        public var mineOnly = 0
        public var theirsOnly = 0
        public var neither = 0

        public var total: Int { both + mineOnly + theirsOnly + neither }

        public var percentAgreement: Double {
            total == 0 ? 1 : Double(both + neither) / Double(total)
        }

        /// Cohen's kappa; nil when chance agreement is total (both coders used the tag everywhere or nowhere).
        public var kappa: Double? {
            let n = Double(total)
            guard n > 0 else { return nil }
            let observed = percentAgreement
            let mineYes = Double(both + mineOnly) / n, theirsYes = Double(both + theirsOnly) / n
            let expected = mineYes * theirsYes + (1 - mineYes) * (1 - theirsYes)
            guard expected < 1 else { return nil }
            return (observed - expected) / (1 - expected)
        }

        static func + (lhs: Table, rhs: Table) -> Table {
            Table(both: lhs.both + rhs.both, mineOnly: lhs.mineOnly + rhs.mineOnly,
                  theirsOnly: lhs.theirsOnly + rhs.theirsOnly, neither: lhs.neither + rhs.neither)
        }
    }

    public struct Disagreement: Equatable, Sendable {
        public var unit: String
        public var tag: String
        /// True when this session has the tag there and the other does not.
        public var mine: Bool
    }

    public var tags: [(path: String, table: Table)] = []
    public var overall = Table()
    public var disagreements: [Disagreement] = []
    public var unitCount = 0

    /// Compares this workspace with another on the documents both have loaded.
    public init(mine: Workspace, theirs: Workspace, tag: String?) throws(GlossError) {
        let shared = mine.loadedDocumentIndices.compactMap { index -> (Int, Int)? in
            theirs.documentIndex(id: mine.documents[index].id).map { (index, $0) }
        }
        guard !shared.isEmpty else { throw GlossError("the two sessions have no document in common (documents are matched by id)") }
        var keys: [String]
        if let tag {
            let key = Tag.key(tag)
            guard mine.annotations.tags[key] != nil || theirs.annotations.tags[key] != nil else {
                throw GlossError("neither session has the tag '\(tag)'")
            }
            keys = [key]
        } else {
            keys = Array(Set(mine.annotations.tags.keys).union(theirs.annotations.tags.keys)).filter { key in
                mine.annotations.directCount(key) > 0 || theirs.annotations.directCount(key) > 0
            }.sorted()
        }
        for key in keys {
            var table = Table()
            for (myDocument, theirDocument) in shared {
                let myCoded = Self.units(carrying: key, includeChildren: tag != nil, document: myDocument, in: mine)
                let theirCoded = Self.units(carrying: key, includeChildren: tag != nil, document: theirDocument, in: theirs)
                for ref in mine.elements(ofDocument: myDocument) where Self.isUnit(ref.address) {
                    let label = mine.label(ref, qualified: true)
                    switch (myCoded.contains(ref.address), theirCoded.contains(ref.address)) {
                    case (true, true): table.both += 1
                    case (true, false):
                        table.mineOnly += 1
                        disagreements.append(Disagreement(unit: label, tag: Self.path(key, mine, theirs), mine: true))
                    case (false, true):
                        table.theirsOnly += 1
                        disagreements.append(Disagreement(unit: label, tag: Self.path(key, mine, theirs), mine: false))
                    case (false, false): table.neither += 1
                    }
                }
            }
            tags.append((Self.path(key, mine, theirs), table))
            overall = overall + table
        }
        unitCount = shared.reduce(0) { $0 + mine.elements(ofDocument: $1.0).filter { Self.isUnit($0.address) }.count }
    }

    static func isUnit(_ address: ElementAddress) -> Bool {
        switch address {
        case .passage, .faq, .keyPoint: return true
        default: return false
        }
    }

    private static func path(_ key: String, _ mine: Workspace, _ theirs: Workspace) -> String {
        mine.annotations.tags[key]?.path ?? theirs.annotations.tags[key]?.path ?? key
    }

    /// Addresses of units in a document that carry the tag (see the type's comment).
    static func units(carrying key: String, includeChildren: Bool, document: Int, in workspace: Workspace) -> Set<ElementAddress> {
        let annotations = workspace.annotations
        let keys = includeChildren ? Set(annotations.subtree(key)) : [key]
        var coded = Set<ElementAddress>()
        let elements = workspace.elements(ofDocument: document).filter { isUnit($0.address) }
        func unitsUnder(_ ref: ElementRef) -> [ElementAddress] {
            switch ref.address {
            case .document: return elements.map(\.address)
            case .section: return elements.filter { NoteListing.target(.element($0), liesWithin: [ref], in: workspace) }.map(\.address)
            default: return [ref.address]
            }
        }
        for key in keys {
            for ref in annotations.tagElements[key] ?? [] where ref.document == document { coded.formUnion(unitsUnder(ref)) }
        }
        for mark in annotations.marks.values where mark.element.document == document && !keys.isDisjoint(with: mark.tags) {
            coded.formUnion(unitsUnder(mark.element))
        }
        return coded
    }
}
