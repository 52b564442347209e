/// A change to the working view. The view is not part of undo (undo steps back through work, not
/// through reading), so these edits record no inverse; the current document, which addresses depend
/// on, changes by undoable `WorkspaceEdit`s too.
enum ViewEdit {
    case pushFilter(ViewFilter)
    case popFilter
    case clearFilters
    /// Starts a numbered listing: its rows are what `#n` refers to until the next listing.
    case startListing([ElementRef])
    /// Rows a listing shows after its first ones (a page of `more`) are numbered on after them.
    case extendListing([ElementRef])
    /// Keeps what is left of the listing as it now stands, for `more` (none when nothing is left).
    case keepListingRest((any PagedListing)?)
    case moveReadingCursor(ElementRef?)
    /// `use DOC`: addresses without `DOC:` mean it, and `next` starts from its beginning.
    case use(document: Int)
    /// Back to nothing: no filters, no listing, no current document (a session started over).
    case reset
}

extension Workspace {
    func perform(_ edit: ViewEdit) {
        switch edit {
        case .pushFilter(let filter): view.filters.append(filter)
        case .popFilter: view.filters.removeLast()
        case .clearFilters: view.filters.removeAll()
        case .startListing(let refs): view.lastListing = refs
        case .extendListing(let refs): view.lastListing += refs
        case .keepListingRest(let rest):
            view.listingRest = rest.flatMap { $0.remaining == 0 ? nil : ($0, view.listingVersion) }
        case .moveReadingCursor(let ref): view.readingCursor = ref
        case .use(let document):
            view.currentDocument = document
            view.readingCursor = nil
        case .reset:
            view.filters = []
            view.lastListing = []
            view.currentDocument = nil
        }
    }
}
