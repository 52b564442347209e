/// Writes resolved targets back as a target word that names them whatever the session's state: every
/// element qualified by its document, runs of neighbours as ranges (`doc:s3.p1-4`), marks as `m2`.
enum TargetLabels {
    static func explicit(_ targets: [CodingTarget], in workspace: Workspace) -> String {
        var parts: [String] = []
        var index = 0
        while index < targets.count {
            switch targets[index] {
            case .mark(let id):
                parts.append("m\(id)")
                index += 1
            case .element(let ref):
                // Extend a run of consecutive numbers of the same kind in the same place.
                var end = index + 1
                while end < targets.count, case .element(let next) = targets[end],
                    Self.follows(next, ref, by: end - index)
                {
                    end += 1
                }
                let id = workspace.corpus.documents[ref.document].id
                let last: ElementRef? =
                    if end - index > 1, case .element(let final) = targets[end - 1] { final } else { nil }
                parts.append(id + ":" + Self.address(ref.address, through: last?.address))
                index = end
            }
        }
        return parts.joined(separator: ",")
    }

    /// Whether `next` is `distance` steps after `first` in a run the address syntax can write as a range.
    private static func follows(_ next: ElementRef, _ first: ElementRef, by distance: Int) -> Bool {
        guard next.document == first.document else { return false }
        switch (first.address, next.address) {
        case (.section(let a), .section(let b)): return b == a + distance
        case (.passage(let s, let a), .passage(let t, let b)): return s == t && b == a + distance
        case (.faq(let a), .faq(let b)): return b == a + distance
        case (.keyPoint(let a), .keyPoint(let b)): return b == a + distance
        default: return false
        }
    }

    private static func address(_ first: ElementAddress, through last: ElementAddress?) -> String {
        guard let last else { return "\(first)" }
        switch last {
        case .section(let n), .faq(let n), .keyPoint(let n), .passage(_, let n): return "\(first)-\(n)"
        case .document, .title: return "\(first)"
        }
    }
}
