/// The one place a command's result becomes output: text, or JSON when the command declares --json
/// and was given it.
extension CommandInvocation {
    var wantsJSON: Bool { spec.option(named: "json") != nil && flag("json") }

    mutating func present(_ result: some CommandResult) {
        if wantsJSON {
            output.raw(result.json().serialized())
        } else {
            result.writeText(into: &output)
        }
    }

    /// A listing's first `limit` rows (all when nil). As text, the rows --limit leaves out are kept for
    /// `more`; as JSON, the listing `#n` names is the rows written.
    mutating func present(_ listing: some PagedListing, limit: Int?) throws(GlossError) {
        let count = limit ?? listing.rowCount
        if wantsJSON {
            let (json, refs) = try listing.json(upTo: count, in: workspace)
            workspace.perform(.startListing(refs))
            output.raw(json.serialized())
            return
        }
        var listing = listing
        workspace.perform(.startListing([]))
        try listing.showNext(count, into: &self)
        workspace.perform(.keepListingRest(listing))
    }
}
