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
            let mineYes = Double(both + mineOnly) / n
            let theirsYes = Double(both + theirsOnly) / n
            let expected = mineYes * theirsYes + (1 - mineYes) * (1 - theirsYes)
            guard expected < 1 else { return nil }
            return (observed - expected) / (1 - expected)
        }

        static func + (lhs: Table, rhs: Table) -> Table {
            Table(
                both: lhs.both + rhs.both, mineOnly: lhs.mineOnly + rhs.mineOnly,
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
        let shared = mine.corpus.loadedDocumentIndices.compactMap { index -> (Int, Int)? in
            theirs.corpus.documentIndex(id: mine.corpus.documents[index].id).map { (index, $0) }
        }
        guard !shared.isEmpty else {
            throw GlossError("the two sessions have no document in common (documents are matched by id)")
        }
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
        let myCoded = keys.map { Self.codedUnits(carrying: $0, includeChildren: tag != nil, in: mine) }
        let theirCoded = keys.map { Self.codedUnits(carrying: $0, includeChildren: tag != nil, in: theirs) }
        let paths = keys.map { Self.path($0, mine, theirs) }
        var tables = [Table](repeating: Table(), count: keys.count)
        var disagreementsByTag = [[Disagreement]](repeating: [], count: keys.count)
        // Documents outside, tags inside: each document's units are listed once, not once per tag.
        for (myDocument, theirDocument) in shared {
            let units = mine.elements(ofDocument: myDocument).filter { Self.isUnit($0.address) }
            unitCount += units.count
            for index in keys.indices {
                let mineHere = myCoded[index][myDocument] ?? []
                let theirsHere = theirCoded[index][theirDocument] ?? []
                for ref in units {
                    switch (mineHere.contains(ref.address), theirsHere.contains(ref.address)) {
                    case (true, true): tables[index].both += 1
                    case (true, false):
                        tables[index].mineOnly += 1
                        disagreementsByTag[index].append(
                            Disagreement(unit: mine.corpus.label(ref, qualified: true), tag: paths[index], mine: true))
                    case (false, true):
                        tables[index].theirsOnly += 1
                        disagreementsByTag[index].append(
                            Disagreement(unit: mine.corpus.label(ref, qualified: true), tag: paths[index], mine: false))
                    case (false, false): tables[index].neither += 1
                    }
                }
            }
        }
        for index in keys.indices {
            tags.append((paths[index], tables[index]))
            overall = overall + tables[index]
            disagreements += disagreementsByTag[index]
        }
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

    /// Addresses of the units that carry the tag (see the type's comment), by document: one pass over
    /// the tag's codings and the marks, instead of one per document.
    static func codedUnits(carrying key: String, includeChildren: Bool, in workspace: Workspace) -> [Int: Set<
        ElementAddress
    >] {
        let annotations = workspace.annotations
        let keys = includeChildren ? Set(annotations.subtree(key)) : [key]
        var coded: [Int: Set<ElementAddress>] = [:]
        var unitsByDocument: [Int: [ElementRef]] = [:]
        func add(unitsUnder ref: ElementRef) {
            switch ref.address {
            case .document, .section:
                if unitsByDocument[ref.document] == nil {
                    unitsByDocument[ref.document] = workspace.elements(ofDocument: ref.document).filter {
                        isUnit($0.address)
                    }
                }
                let units = unitsByDocument[ref.document]!
                let under =
                    ref.address == .document
                    ? units : units.filter { NoteListing.target(.element($0), liesWithin: [ref], in: workspace) }
                coded[ref.document, default: []].formUnion(under.map(\.address))
            default:
                coded[ref.document, default: []].insert(ref.address)
            }
        }
        for key in keys {
            for ref in annotations.tagElements[key] ?? [] { add(unitsUnder: ref) }
        }
        for mark in annotations.marks.values where !keys.isDisjoint(with: mark.tags) {
            add(unitsUnder: mark.element)
        }
        return coded
    }
}
