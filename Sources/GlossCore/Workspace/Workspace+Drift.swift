/// Re-anchoring annotations when a replayed `load` finds a changed document.
extension Workspace {
    /// Records what an element looked like (an `anchor` line of a saved session). For a document that
    /// changed since, works out where the element is now: the same address when its text is unchanged,
    /// else the element with the same text, else the most similar one, else nowhere (an orphan).
    ///
    /// A document loaded from a folder or a pattern has no SHA-256 in the script: the first anchor that
    /// no longer matches its text tells that it changed. Returns true then, and re-drift.anchors the
    /// document's earlier drift.anchors too (they come straight after its load, before any command uses them).
    @discardableResult
    public func registerAnchor(_ ref: ElementRef, _ anchor: Anchor) -> Bool {
        if drift.anchors.updateValue(anchor, forKey: ref) == nil {
            drift.anchoredAddresses[ref.document, default: []].append(ref.address)
        }
        var detectedChange = false
        if !drift.drifted.contains(ref.document), !drift.hashChecked.contains(ref.document) {
            guard !corpus.exists(ref) || Anchor.hash(of: corpus.text(of: ref)) != anchor.hash else { return false }
            drift.drifted.insert(ref.document)
            detectedChange = true
        }
        guard drift.drifted.contains(ref.document) else { return false }
        var remap = drift.addressRemap[ref.document] ?? [:]
        for address in detectedChange ? drift.anchoredAddresses[ref.document] ?? [] : [ref.address] {
            let earlier = ElementRef(document: ref.document, address: address)
            remap[address] = relocate(earlier, drift.anchors[earlier]!)
        }
        drift.addressRemap[ref.document] = remap
        return detectedChange
    }

    private func relocate(_ ref: ElementRef, _ anchor: Anchor) -> ElementAddress? {
        if corpus.exists(ref), Anchor.hash(of: corpus.text(of: ref)) == anchor.hash { return ref.address }
        let candidates = elements(ofDocument: ref.document).filter { Self.sameCategory($0.address, ref.address) }
        let exact = candidates.filter { Anchor.hash(of: corpus.text(of: $0)) == anchor.hash }
        if let nearest = exact.min(by: { distance($0.address, ref.address) < distance($1.address, ref.address) }) {
            return nearest.address
        }
        let scored = candidates.map { ($0, anchor.similarity(to: corpus.text(of: $0))) }.filter { $0.1 >= 0.5 }
        guard let best = scored.max(by: { $0.1 < $1.1 }) else { return nil }
        // Two equally good matches are a guess, not a re-anchoring.
        if scored.filter({ $0.1 == best.1 }).count > 1 { return nil }
        return best.0.address
    }

    private static func sameCategory(_ a: ElementAddress, _ b: ElementAddress) -> Bool {
        switch (a, b) {
        case (.passage, .passage), (.section, .section), (.faq, .faq), (.keyPoint, .keyPoint), (.document, .document),
            (.title, .title):
            return true
        default: return false
        }
    }

    private func distance(_ a: ElementAddress, _ b: ElementAddress) -> Int {
        func key(_ address: ElementAddress) -> Int {
            switch address {
            case .document, .title: return 0
            case .section(let s): return s * 1000
            case .passage(let s, let p): return s * 1000 + p
            case .faq(let q): return q
            case .keyPoint(let k): return k
            }
        }
        return abs(key(a) - key(b))
    }

    /// Every element of a document: sections, passages, FAQ entries, key points.
    public func elements(ofDocument index: Int) -> [ElementRef] {
        let document = corpus.documents[index]
        var result: [ElementRef] = []
        for (s, section) in document.sections.enumerated() {
            if s > 0 { result.append(ElementRef(document: index, address: .section(s))) }
            for p in section.passages.indices {
                result.append(ElementRef(document: index, address: .passage(section: s, number: p + 1)))
            }
        }
        for q in document.faq.indices { result.append(ElementRef(document: index, address: .faq(q + 1))) }
        for k in document.keyPoints.indices { result.append(ElementRef(document: index, address: .keyPoint(k + 1))) }
        return result
    }

    /// Maps an address typed against the saved version of a changed document to where it is now;
    /// nil when it is orphaned. Untouched addresses of documents that did not change map to themselves.
    func remapped(_ ref: ElementRef) -> ElementRef?? {
        guard let remap = drift.addressRemap[ref.document], let entry = remap[ref.address] else { return .none }
        return .some(entry.map { ElementRef(document: ref.document, address: $0) })
    }

    /// Notes an orphan of the running command: an element typed against the saved version of a
    /// changed document that is not there any more, or a quote it no longer holds.
    func noteOrphan(_ typed: ElementRef, reason: Orphan.Reason = .elementGone, in transaction: inout CommandTransaction)
    {
        transaction.orphans.append(PendingOrphan(typed: typed, anchor: drift.anchors[typed], reason: reason))
    }

    /// Where an anchored text is now in its document: the element at its address when that still has
    /// the text, else the nearest element of the same kind with the same text, else the one most like
    /// it; nil when none is close enough (or two are equally close).
    func locate(_ anchor: Anchor, near ref: ElementRef) -> ElementAddress? {
        relocate(ref, anchor)
    }

    /// Re-anchoring summaries of the documents that changed, each once: where annotations moved and
    /// how many could not be placed.
    public func takeDriftReports() -> [String] {
        var reports: [String] = []
        for document in drift.drifted.sorted() where !drift.driftReported.contains(document) {
            drift.driftReported.insert(document)
            let remap = drift.addressRemap[document] ?? [:]
            let moved = remap.compactMap { key, value -> (ElementAddress, ElementAddress)? in
                guard let value, value != key else { return nil }
                return (key, value)
            }.sorted { $0.0 < $1.0 }
            let lost = remap.filter { $0.value == nil }.keys.sorted()
            guard !moved.isEmpty || !lost.isEmpty else { continue }
            var parts: [String] = []
            if !moved.isEmpty {
                let shown = moved.prefix(8).map { "\($0.0) → \($0.1)" }.joined(separator: ", ")
                parts.append("re-anchored \(moved.count): \(shown)\(moved.count > 8 ? ", …" : "")")
            }
            if !lost.isEmpty {
                let shown = lost.prefix(8).map { "\($0)" }.joined(separator: ", ")
                parts.append(
                    "not found again: \(shown)\(lost.count > 8 ? ", …" : "") (their annotations are orphans: see orphans)"
                )
            }
            reports.append("\(corpus.documents[document].id): " + parts.joined(separator: "; "))
        }
        return reports
    }
}

/// An orphan of the running command, before the session records it.
struct PendingOrphan: Sendable {
    var typed: ElementRef
    var anchor: Anchor?
    var reason: Orphan.Reason
}
