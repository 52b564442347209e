/// Turns typed targets into elements, with errors that say what exists.
extension Workspace {
    /// Resolves a target word (`s3.p1-3`, `doc:kp2`, `#2-5`, `@`, lists of these) into elements, in
    /// order, without duplicates.
    /// `viewScope` keeps `@` to some documents (see `ScriptContext.viewDocumentScope`).
    public func resolveTargets(
        _ text: String, column: Int = 1, viewScope: Set<Int>? = nil, in transaction: inout CommandTransaction
    ) throws(GlossError) -> [ElementRef] {
        var seen = Set<ElementRef>()
        var result: [ElementRef] = []
        // A mark stands for the element it lies in when an element is wanted (`show m3`).
        for target in try resolveWord(text, column: column, viewScope: viewScope, in: &transaction) {
            let ref: ElementRef
            switch target {
            case .element(let element): ref = element
            case .mark(let id): ref = annotations.marks[id]!.element
            }
            if seen.insert(ref).inserted { result.append(ref) }
        }
        return result
    }

    /// Like `resolveTargets`, but keeps marks as marks: what `tag`, `untag` and `note` act on.
    public func resolveCodingTargets(
        _ text: String, column: Int = 1, viewScope: Set<Int>? = nil, in transaction: inout CommandTransaction
    ) throws(GlossError) -> [CodingTarget] {
        try resolveWord(text, column: column, viewScope: viewScope, in: &transaction)
    }

    /// Resolves a target word into coding targets, in order and without duplicates, and records how
    /// (see `TargetResolution`) for the running command.
    private func resolveWord(
        _ text: String, column: Int, viewScope: Set<Int>?, in transaction: inout CommandTransaction
    ) throws(GlossError) -> [CodingTarget] {
        let items: [TargetItem]
        do throws(GlossError) {
            items = try AddressParser.parse(text)
        } catch {
            throw error.shifted(by: column - 1)
        }
        var resolution = TargetResolution(column: column)
        var seen = Set<CodingTarget>()
        var result: [CodingTarget] = []
        for item in items {
            for target in try resolveCoding(
                item, column: column, viewScope: viewScope, into: &resolution, in: &transaction)
            where seen.insert(target).inserted {
                result.append(target)
            }
        }
        transaction.resolutions.append(resolution)
        return result
    }

    private func resolveCoding(
        _ item: TargetItem, column: Int, viewScope: Set<Int>?, into resolution: inout TargetResolution,
        in transaction: inout CommandTransaction
    ) throws(GlossError) -> [CodingTarget] {
        if case .view = item, let viewScope {
            let all = viewElements()
            let refs = all.filter { viewScope.contains($0.document) }
            resolution.usesView = true
            resolution.scopedToReplay = refs.count < all.count
            resolution.items += refs.map { .init(typed: nil, resolved: .element($0)) }
            return refs.map { .element($0) }
        }
        guard case .marks(let range) = item else {
            return try resolve(item, column: column, into: &resolution, in: &transaction).map { .element($0) }
        }
        var marks: [CodingTarget] = []
        for id in range {
            guard let mark = annotations.marks[id], corpus.exists(mark.element), corpus.isLoaded[mark.element.document]
            else {
                let ids = annotations.marks.keys.sorted()
                let available =
                    ids.isEmpty
                    ? "there are no marks"
                    : "marks: " + ids.prefix(12).map { "m\($0)" }.joined(separator: ", ")
                        + (ids.count > 12 ? ", …" : "")
                throw GlossError("no mark m\(id) (\(available))", column: column)
            }
            marks.append(.mark(id))
            resolution.items.append(.init(typed: .mark(id), resolved: .mark(id)))
        }
        return marks
    }

    private func resolve(
        _ item: TargetItem, column: Int, into resolution: inout TargetResolution,
        in transaction: inout CommandTransaction
    ) throws(GlossError) -> [ElementRef] {
        switch item {
        case .view:
            let refs = viewElements()
            resolution.usesView = true
            resolution.items += refs.map { .init(typed: nil, resolved: .element($0)) }
            return refs
        case .results(let range):
            guard !view.lastListing.isEmpty else {
                throw GlossError(
                    "#\(range.lowerBound) refers to the last listing, but nothing has been listed yet (use find, suggest or similar)",
                    column: column)
            }
            guard range.upperBound <= view.lastListing.count, range.lowerBound >= 1 else {
                throw GlossError(
                    "no result #\(range.upperBound > view.lastListing.count ? range.upperBound : range.lowerBound) (the last listing has #1-#\(view.lastListing.count))",
                    column: column)
            }
            let refs = Array(view.lastListing[(range.lowerBound - 1)..<range.upperBound])
            if let gone = refs.firstIndex(where: { !corpus.isLoaded[$0.document] }) {
                throw GlossError(
                    "result #\(range.lowerBound + gone) is in \(corpus.documents[refs[gone].document].id), which is no longer loaded (its load was undone)",
                    column: column)
            }
            resolution.usesListing = true
            resolution.items += refs.map { .init(typed: nil, resolved: .element($0)) }
            return refs
        case .marks:
            return []  // handled by resolveCoding
        case .element(let documentID, let pattern):
            let document: Int
            do throws(GlossError) {
                if let documentID {
                    document = try self.corpus.document(id: documentID)
                } else {
                    document = try defaultDocument()
                    resolution.usesCurrentDocument = true
                }
            } catch {
                throw GlossError(error.message, column: column)
            }
            if drift.addressRemap[document] != nil {
                return try remappedElements(
                    pattern, in: document, column: column, into: &resolution, transaction: &transaction)
            }
            let refs = try elements(pattern, in: document, column: column)
            transaction.touched += refs
            resolution.items += refs.map { .init(typed: .element($0), resolved: .element($0)) }
            return refs
        }
    }

    /// Addresses typed against the saved version of a changed document, moved to where their text is
    /// now; orphans are noted and left out.
    private func remappedElements(
        _ pattern: ElementPattern, in document: Int, column: Int, into resolution: inout TargetResolution,
        transaction: inout CommandTransaction
    ) throws(GlossError) -> [ElementRef] {
        let typed: [ElementAddress]
        switch pattern {
        case .document: typed = [.document]
        case .title: typed = [.title]
        case .sections(let range): typed = range.map { .section($0) }
        case .passages(let s, let range): typed = range.map { .passage(section: s, number: $0) }
        case .faq(let range): typed = range.map { .faq($0) }
        case .keyPoints(let range): typed = range.map { .keyPoint($0) }
        }
        var result: [ElementRef] = []
        for address in typed {
            let ref = ElementRef(document: document, address: address)
            switch remapped(ref) {
            case .some(.some(let moved)):
                result.append(moved)
                resolution.items.append(.init(typed: .element(ref), resolved: .element(moved)))
            case .some(.none):
                noteOrphan(ref, in: &transaction)
                resolution.items.append(.init(typed: .element(ref), resolved: nil))
            case .none:
                guard corpus.exists(ref) else {
                    // Not anchored and not in the new text: validate to get the usual error.
                    return try elements(pattern, in: document, column: column)
                }
                result.append(ref)
                resolution.items.append(.init(typed: .element(ref), resolved: .element(ref)))
            }
        }
        transaction.touched += result
        return result
    }

    /// Passages, FAQ entries and key points with a unit in the working view ("every passage in the view";
    /// headings and titles are left out so `tag @` never tags whole sections by accident).
    public func viewElements() -> [ElementRef] {
        var seen = Set<ElementRef>()
        var result: [ElementRef] = []
        viewUnits.forEach { id in
            let unit = corpus.units[Int(id)]
            guard unit.kind != .heading && unit.kind != .title else { return }
            if seen.insert(unit.ref).inserted { result.append(unit.ref) }
        }
        return result
    }

    private func elements(_ pattern: ElementPattern, in index: Int, column: Int) throws(GlossError) -> [ElementRef] {
        let document = corpus.documents[index]
        let id = document.id
        func refs(_ range: ClosedRange<Int>, _ make: (Int) -> ElementAddress) -> [ElementRef] {
            range.map { ElementRef(document: index, address: make($0)) }
        }
        func has(_ count: Int, _ prefix: String) -> String {
            count == 0 ? "it has none" : count == 1 ? "it has \(prefix)1" : "it has \(prefix)1-\(prefix)\(count)"
        }
        switch pattern {
        case .document:
            return [ElementRef(document: index, address: .document)]
        case .title:
            guard document.title != nil else { throw GlossError("\(id) has no title", column: column) }
            return [ElementRef(document: index, address: .title)]
        case .sections(let range):
            let first = document.hasLead ? 0 : 1
            let last = document.sections.count - 1
            guard range.lowerBound >= first, range.upperBound <= last else {
                let bad = range.upperBound > last ? range.upperBound : range.lowerBound
                let available = last < first ? "it has no sections" : "it has s\(first)-s\(last)"
                let leadNote = bad == 0 && !document.hasLead ? "; s0 is the lead, and this document has none" : ""
                throw GlossError("no section s\(bad) in \(id) (\(available))\(leadNote)", column: column)
            }
            return refs(range) { .section($0) }
        case .passages(let section, let range):
            guard document.sections.indices.contains(section), section > 0 || document.hasLead else {
                throw GlossError(
                    "no section s\(section) in \(id) (it has s\(document.hasLead ? 0 : 1)-s\(document.sections.count - 1))",
                    column: column)
            }
            let count = document.sections[section].passages.count
            guard range.lowerBound >= 1, range.upperBound <= count else {
                let bad = range.upperBound > count ? range.upperBound : range.lowerBound
                let available =
                    count == 0
                    ? "it has no passages" : count == 1 ? "it has s\(section).p1" : "it has s\(section).p1-p\(count)"
                var hint = ""
                if count == 0 && document.faq.contains(where: { $0.section == section }) {
                    hint = "; its FAQ entries are q1…"
                }
                if count == 0 && document.keyPoints.contains(where: { $0.section == section }) {
                    hint += "; its key points are kp1…"
                }
                throw GlossError(
                    "no passage s\(section).p\(bad) in \(id) (s\(section) \(available.dropFirst(3)))\(hint)",
                    column: column)
            }
            return refs(range) { .passage(section: section, number: $0) }
        case .faq(let range):
            guard range.lowerBound >= 1, range.upperBound <= document.faq.count else {
                throw GlossError(
                    "no FAQ entry q\(range.upperBound > document.faq.count ? range.upperBound : range.lowerBound) in \(id) (\(has(document.faq.count, "q")))",
                    column: column)
            }
            return refs(range) { .faq($0) }
        case .keyPoints(let range):
            guard range.lowerBound >= 1, range.upperBound <= document.keyPoints.count else {
                throw GlossError(
                    "no key point kp\(range.upperBound > document.keyPoints.count ? range.upperBound : range.lowerBound) in \(id) (\(has(document.keyPoints.count, "kp")))",
                    column: column)
            }
            return refs(range) { .keyPoint($0) }
        }
    }
}
