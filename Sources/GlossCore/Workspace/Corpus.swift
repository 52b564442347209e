/// The documents the analyst has loaded, their searchable units and the index over them. Documents
/// are only ever added: an undone load or `unload` hides them (`isLoaded`), so unit ids and document
/// indices stay valid for annotations, journals and undo. It knows nothing of views or annotations.
public final class Corpus {
    public internal(set) var documents: [Document] = []
    /// False for documents whose load was undone; their units stay in the index but are never live.
    public private(set) var isLoaded: [Bool] = []
    /// Kept as a count: it is asked on every query and every label.
    public private(set) var loadedDocumentCount = 0
    /// Loaded documents by id and by content digest, and the namesakes of stem ids.
    var lookup = DocumentLookup()
    /// Documents the last `add` left out as copies of loaded ones, with the document each copies.
    public private(set) var skippedCopies: [(copy: Int, of: Int)] = []

    public private(set) var units: [Unit] = []
    /// The units of each document, as a range of unit ids.
    public private(set) var documentUnits: [Range<Int32>] = []
    public let index = SearchIndex()
    /// Units of loaded documents.
    public private(set) var liveUnits = UnitSet(capacity: 0)
    /// Counts changes of the loaded documents, so what is derived from them knows when it is stale.
    private(set) var liveVersion = 0
    /// Unit sets per `kind:` value, derived from the units alone; emptied when units are added.
    var kindSets: [QueryNode.KindFilter: UnitSet] = [:]

    public init() {}

    // MARK: - Documents

    public var loadedDocumentIndices: [Int] { documents.indices.filter { isLoaded[$0] } }

    public func documentIndex(id: String) -> Int? {
        lookup.byID[id.lowercased()]
    }

    public func document(id: String) throws(GlossError) -> Int {
        if let index = documentIndex(id: id) { return index }
        let ids = loadedDocumentIndices.map { documents[$0].id }
        if ids.isEmpty { throw GlossError("no document '\(id)': no documents are loaded (use load FILE)") }
        let suggestion = Suggestion.phrase(for: id, among: ids)
        let listed = ids.count <= 6 ? " (documents: \(ids.joined(separator: ", ")))" : ""
        throw GlossError("no document '\(id)'\(listed)\(suggestion)")
    }

    /// The id a file's name gives before it is made unique: its stem's letters and digits, lowercased,
    /// runs of anything else made one `-` ("doc" when none).
    public static func baseDocumentID(for path: String) -> String {
        // Found on the path's bytes (`/` and `.` are ASCII), and an ASCII stem (nearly all) is read on
        // them too: registering a large load computes one id per file, serially.
        var path = path
        let (stem, asciiID) = path.withUTF8 { bytes -> (Range<Int>, String??) in
            let stem = stemRange(bytes)
            return (stem, asciiDocumentID(UnsafeBufferPointer(rebasing: bytes[stem])))
        }
        if let asciiID { return asciiID ?? "doc" }
        return documentID(ofStem: path.slice(utf8: stem))
    }

    /// The file name's bytes without its extension; a hidden file's name (".notes.txt") is kept whole.
    private static func stemRange(_ path: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var nameStart = path.count
        while nameStart > 0, path[nameStart - 1] != UInt8(ascii: "/") { nameStart -= 1 }
        guard nameStart < path.count, path[nameStart] != UInt8(ascii: ".") else { return nameStart..<path.count }
        var dot = path.count
        while dot > nameStart, path[dot - 1] != UInt8(ascii: ".") { dot -= 1 }
        return nameStart..<(dot > nameStart ? dot - 1 : path.count)
    }

    /// The id rule on the stem's characters, for any script ("doc" when it gives no id).
    static func documentID(ofStem stem: Substring) -> String {
        var id = ""
        var pendingDash = false
        for scalar in stem.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !id.isEmpty { id.append("-") }
                pendingDash = false
                id.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return id.isEmpty ? "doc" : id
    }

    /// The id rule on the bytes of an ASCII stem: `.some(nil)` when it gives no id, nil when the stem
    /// is not ASCII.
    private static func asciiDocumentID(_ stem: UnsafeBufferPointer<UInt8>) -> String?? {
        var id: [UInt8] = []
        id.reserveCapacity(stem.count)
        var pendingDash = false
        for byte in stem {
            if byte >= 0x80 { return nil }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9"))
            {
                if pendingDash && !id.isEmpty { id.append(0x2D) }
                pendingDash = false
                id.append(lower)
            } else {
                pendingDash = true
            }
        }
        return .some(id.isEmpty ? nil : String(decoding: id, as: UTF8.self))
    }

    /// Loaded documents by the path they were read from (made when a load needs it: a load into an
    /// empty workspace, the usual big one, does not).
    public func loadedDocumentsBySourcePath() -> [String: Int] {
        var result: [String: Int] = [:]
        for index in documents.indices where isLoaded[index] { result[documents[index].sourcePath] = index }
        return result
    }

    /// Adds parsed documents, assigning ids, units and index entries. Returns the indices of those
    /// loaded: a copy of a loaded text (same SHA-256) is kept hidden, listed in `skippedCopies`.
    func add(_ newDocuments: [Document]) -> [Int] {
        var part = IndexedPart()
        var texts: [StoredText] = []
        for document in newDocuments { part.append(document, texts: &texts) }
        let first = documents.count
        var collided: [Int] = []
        skippedCopies = []
        register(&part, collided: &collided)
        index.add(texts)
        return finishAdding(first..<documents.count, collided: collided)
    }

    /// Adds parts read and indexed in parallel, in order; their shards join the index as they are.
    /// Each part is emptied once registered, so its arrays and the corpus's are not all kept at once.
    func add(_ parts: inout [IndexedPart]) -> [Int] {
        let first = documents.count
        // One exact reservation for a big load: growing by doubling would leave up to half unused.
        let added = parts.reduce(0) { $0 + $1.units.count }
        if added > units.count {
            units.reserveCapacity(units.count + added)
        }
        let addedDocuments = parts.reduce(0) { $0 + $1.documents.count }
        if addedDocuments > documents.count {
            documents.reserveCapacity(documents.count + addedDocuments)
            documentUnits.reserveCapacity(documentUnits.count + addedDocuments)
            isLoaded.reserveCapacity(isLoaded.count + addedDocuments)
            // Growing would hash every id again at each doubling.
            lookup.byID.reserveCapacity(lookup.byID.count + addedDocuments)
        }
        var collided: [Int] = []
        skippedCopies = []
        for position in parts.indices {
            register(&parts[position], collided: &collided)
            index.append(parts[position].shard, lengths: parts[position].lengths)
            parts[position] = IndexedPart()
        }
        Allocator.releaseFreedPages()
        return finishAdding(first..<documents.count, collided: collided)
    }

    /// What a moved-out document leaves behind: nothing that copying it would retain.
    private static let placeholder: Document = {
        var document = Document(format: .wire)
        document.sections = []
        return document
    }()

    /// Gives documents indices and their stem ids, and records their units (not yet indexed). A document
    /// whose stem id is taken is added to `collided`, to be told apart by its path once the whole load is
    /// registered; a copy of a loaded text is kept hidden. The part's documents are moved, not copied,
    /// into the corpus, a placeholder left in their place: a copy would retain every string and array
    /// of each, all made by another core and not yet in this one's cache.
    private func register(_ part: inout IndexedPart, collided: inout [Int]) {
        let firstDocument = documents.count
        var copies: [Int] = []
        for position in part.documents.indices {
            let index = firstDocument + position
            if let digest = part.documents[position].digest,
                let original = lookup.byDigest.updateValue(index, forKey: digest)
            {
                lookup.byDigest[digest] = original
                skippedCopies.append((index, original))
                copies.append(position)
                continue
            }
            // Every document has its stem's id (`IndexedPart.append`); one hash when it is not yet taken.
            let id = part.documents[position].id
            if let taken = lookup.byID.updateValue(index, forKey: id) {
                lookup.byID[id] = taken
                collided.append(index)
            } else if !lookup.namesakes.isEmpty, lookup.namesakes[id] != nil {
                // Free, but other documents' paths end in it: told apart from them.
                lookup.byID[id] = nil
                collided.append(index)
            }
        }
        part.documents.withUnsafeMutableBufferPointer { buffer in
            guard let moved = buffer.baseAddress else { return }
            documents.append(
                contentsOf: (0..<buffer.count).lazy.map { position in
                    let document = (moved + position).move()
                    (moved + position).initialize(to: Self.placeholder)
                    return document
                })
        }
        isLoaded.append(contentsOf: repeatElement(true, count: part.documents.count))
        for position in copies { isLoaded[firstDocument + position] = false }
        loadedDocumentCount += part.documents.count - copies.count
        var next = 0
        for (position, count) in part.unitCounts.enumerated() {
            let first = units.count
            units.append(contentsOf: part.units[next..<(next + Int(count))])
            units.withUnsafeMutableBufferPointer { units in
                for unit in first..<units.count { units[unit].document = Int32(firstDocument + position) }
            }
            next += Int(count)
            documentUnits.append(Int32(first)..<Int32(units.count))
        }
    }

    private func finishAdding(_ range: Range<Int>, collided: [Int]) -> [Int] {
        if !collided.isEmpty { resolveIDCollisions(collided, firstNew: range.lowerBound) }
        let added = skippedCopies.isEmpty ? Array(range) : range.filter { isLoaded[$0] }
        liveUnits.grow(to: units.count)
        for document in added { setLive(document, true) }
        kindSets = [:]
        return added
    }

    /// Hides documents (an undone load, `unload`) or shows them again under the same ids.
    func setLoaded(_ range: Range<Int>, _ loaded: Bool) {
        for document in range where isLoaded[document] != loaded {
            isLoaded[document] = loaded
            loadedDocumentCount += loaded ? 1 : -1
            if loaded {
                lookup.byID[documents[document].id] = document
                if let digest = documents[document].digest { lookup.byDigest[digest] = document }
            } else {
                lookup.byID[documents[document].id] = nil
                if let digest = documents[document].digest, lookup.byDigest[digest] == document {
                    lookup.byDigest[digest] = nil
                }
            }
            setLive(document, loaded)
        }
    }

    private func setLive(_ document: Int, _ live: Bool) {
        liveVersion += 1
        for unit in documentUnits[document] {
            if live { liveUnits.insert(unit) } else { liveUnits.remove(unit) }
        }
    }

    // MARK: - Units and text

    public func text(ofUnit id: Int32) -> String {
        storedText(ofUnit: id).string
    }

    /// The stored text of a unit, for scans that read its bytes without making a String.
    /// (Looked up in the document rather than kept per unit: a corpus has hundreds of thousands.)
    public func storedText(ofUnit id: Int32) -> StoredText {
        let unit = units[Int(id)]
        return DocumentUnits.text(of: unit, in: documents[Int(unit.document)])
    }

    /// Reads the texts of many units (see `UnitTextReader`).
    var unitTextReader: UnitTextReader { UnitTextReader(documents: documents, units: units) }

    /// Heading of the section a unit sits in (nil for the lead).
    public func sectionHeading(ofUnit id: Int32) -> String? {
        let unit = units[Int(id)]
        return documents[Int(unit.document)].sections[Int(unit.section)].heading
    }

    /// Units that belong to an element (a section's heading and passages, a FAQ's question and answer…).
    /// A document has a handful of units, so scanning its range is as quick as a lookup table and costs
    /// no memory.
    public func units(of ref: ElementRef) -> [Int32] {
        guard documentUnits.indices.contains(ref.document) else { return [] }
        let range = documentUnits[ref.document]
        switch ref.address {
        case .document:
            return Array(range)
        case .section(let s):
            return range.filter { units[Int($0)].section == s && units[Int($0)].kind != .title }
        default:
            return range.filter { units[Int($0)].element == ref.address }
        }
    }

    // MARK: - Elements

    /// The short label of an element: `s3.p2`, or `doc:s3.p2` when several documents are loaded.
    public func label(_ ref: ElementRef, qualified: Bool? = nil) -> String {
        let qualify = qualified ?? (loadedDocumentCount > 1)
        let id = documents[ref.document].id
        if case .document = ref.address { return id + ":" }
        return qualify ? "\(id):\(ref.address)" : "\(ref.address)"
    }

    /// The text an element stands for (the heading of a section, question and answer of a FAQ entry).
    public func text(of ref: ElementRef) -> String {
        let document = documents[ref.document]
        switch ref.address {
        case .document: return document.title ?? document.id
        case .title: return document.title ?? ""
        case .section(let s): return document.sections[s].heading ?? "(lead)"
        case .passage(let s, let p): return document.sections[s].passages[p - 1].text
        case .faq(let q): return document.faq[q - 1].question + "\n" + document.faq[q - 1].answer
        case .keyPoint(let k):
            let point = document.keyPoints[k - 1]
            return point.detail.isEmpty ? point.label : point.label + " — " + point.detail
        }
    }

    /// Whether an element exists (annotations may outlive an undone load).
    public func exists(_ ref: ElementRef) -> Bool {
        guard documents.indices.contains(ref.document) else { return false }
        switch ref.address {
        case .document: return true
        case .title: return documents[ref.document].title != nil
        case .section(let s): return s >= 0 && s < documents[ref.document].sections.count
        case .passage(let s, let p):
            return s >= 0 && s < documents[ref.document].sections.count && p >= 1
                && p <= documents[ref.document].sections[s].passages.count
        case .faq(let q): return q >= 1 && q <= documents[ref.document].faq.count
        case .keyPoint(let k): return k >= 1 && k <= documents[ref.document].keyPoints.count
        }
    }
}
