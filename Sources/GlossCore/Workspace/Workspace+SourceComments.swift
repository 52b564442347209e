extension Workspace {
    /// Makes the comments that newly loaded documents brought from their source into notes, each on a
    /// mark of its span when the span is found, else on its element. Part of the load's edit: undoing
    /// the load removes them, and replaying it makes them again. Returns how many were added.
    @discardableResult
    func addSourceComments(of added: [Int], in transaction: inout CommandTransaction) -> Int {
        var count = 0
        for index in added {
            for comment in corpus.documents[index].comments {
                let ref = ElementRef(document: index, address: comment.element)
                var target = NoteTarget.element(ref)
                if let quote = comment.quote,
                    let mark = try? addMark(ref, quote: quote, nth: comment.occurrence, tags: [], in: &transaction)
                {
                    target = .mark(mark)
                }
                _ = addNote(comment.noteText, about: [target], in: &transaction)
                count += 1
            }
        }
        return count
    }
}
