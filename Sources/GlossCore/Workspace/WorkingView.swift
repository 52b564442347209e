/// What the analyst is looking at: the document addresses without `DOC:` mean, the stacked filters,
/// the last numbered listing (what `#n` refers to) and where `next` reads on. Changed through
/// `Workspace.perform(_: ViewEdit)`, and the current document also by undoable edits.
public struct WorkingView {
    public internal(set) var currentDocument: Int?
    /// Stacked filters, innermost last.
    public internal(set) var filters: [ViewFilter] = []
    /// Rows of the last listing, for `#n` targets.
    public internal(set) var lastListing: [ElementRef] = [] { didSet { listingVersion += 1 } }
    /// The element last shown by `show`, `next` or `prev`, where `next` reads on from.
    public internal(set) var readingCursor: ElementRef?
    /// Counts changes of `lastListing`: a kept rest continues only the listing it was kept with.
    private(set) var listingVersion = 0
    /// The rows of the last listing not shown yet, for `more`, with the listing version they follow.
    var listingRest: (rest: any PagedListing, version: Int)?

    /// What is left of the last listing, if it is still the last.
    var currentListingRest: (any PagedListing)? {
        guard let listingRest, listingRest.version == listingVersion else { return nil }
        return listingRest.rest
    }
}

/// One stacked filter: the query as typed and the units it left in view.
public struct ViewFilter: Sendable {
    public var text: String
    public var query: QueryNode
    public var units: UnitSet
}
