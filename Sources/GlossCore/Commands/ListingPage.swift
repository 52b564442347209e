/// Where a paged listing stands: the rows shown so far, where the last page started, and that page's
/// size (what a bare `more` repeats). Shared by `find`, `kwic` and `find --by doc`.
struct ListingPage {
    private(set) var shown = 0
    private(set) var start = 0
    private(set) var size = 0

    /// Records a page of `count` rows just shown.
    mutating func advance(by count: Int) {
        start = shown
        shown += count
        size = max(1, count)
    }

    /// The footer's " (showing 6-10)", or nothing when every row is shown.
    func showing(of total: Int) -> String { ListingRow.showing(start, shown, of: total) }
}
