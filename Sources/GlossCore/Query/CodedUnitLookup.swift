/// What a query asks of the annotations: the units that tags and notes cover, for `tag:`, `has:`,
/// `note:` and `untagged`. The workspace answers (see `Workspace+Coding`), so the query side reads
/// the corpus and never the workspace.
protocol CodedUnitLookup: AnyObject {
    /// Units covered by a tag or its children; an unknown tag is an error.
    func units(taggedWith name: String) throws(GlossError) -> UnitSet
    func unitsWithAnyTag() -> UnitSet
    /// Units with a note (whose text has all `words`, when given) on them, their element or their marks.
    func unitsWithNotes(containing words: [String]?) -> UnitSet
}
