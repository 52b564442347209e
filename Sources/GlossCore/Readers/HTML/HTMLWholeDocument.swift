/// A page read whole, as an e-book's chapter is: every block of its body in order, with no boilerplate
/// removal (only what shows no text — scripts, styles, media, the head — is left out), and its notes
/// set apart.
///
/// EPUB's structural semantics (`epub:type`, and the DPUB-ARIA roles and pandoc's classes that say the
/// same) decide what is not body text:
/// - footnotes, endnotes and rear notes (an `aside` or list item of that type, or each item of a notes
///   section) become `notes`; a note reference's text is marked `[1]` where it stands, and a note's link
///   back to it is dropped;
/// - tables of contents, landmarks, page lists and title pages are left out (the navigation document
///   and the package's metadata say the same).
struct HTMLWholeDocument {
    /// A footnote or endnote: the id of its element (what references point at) and its text.
    struct Note {
        var id: String?
        var text: String
    }

    /// A note reference: the `href` it points at and its mark's text ("1").
    struct NoteReference {
        var href: String
        var label: String
    }

    private(set) var tree: HTMLTree
    private(set) var blocks: [HTMLBlock] = []
    private(set) var notes: [Note] = []
    private(set) var noteReferences: [NoteReference] = []
    /// A problem with the page's encoding, for the reader's warnings.
    let warning: String?

    /// What an element is to the reading, from its `epub:type`, `role` and `class`.
    private enum Semantics {
        case note, notes, noteReference, backLink, leftOut
    }

    init(bytes: [UInt8], name: String) {
        let decoded = HTMLCharset.decode(bytes, name: name, serverCharset: nil)
        warning = decoded.warning
        tree = HTMLTreeParser.parse(decoded.bytes)
        var skipped = [Bool](repeating: false, count: tree.nodes.count)
        findNotes(skipped: &skipped)
        let body = tree.first(.body) ?? HTMLTree.root
        blocks = HTMLLayout.blocks(of: tree, skipped: skipped, from: body)
    }

    /// The elements that have one of these ids, by id (the first of each).
    func elements(withIDs ids: Set<String>) -> [String: Int32] {
        var found: [String: Int32] = [:]
        guard !ids.isEmpty else { return found }
        for node in 0..<Int32(tree.nodes.count) where !tree[node].isText {
            if let id = tree.attribute(.id, of: node), ids.contains(id), found[id] == nil { found[id] = node }
        }
        return found
    }

    /// The index of the first block after an element's start: where a section starting there begins.
    /// Blocks are in the order of their first text, so a binary search finds it.
    func firstBlock(at element: Int32) -> Int {
        var low = 0
        var high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].firstText > element { high = middle } else { low = middle + 1 }
        }
        return low
    }

    // MARK: - Notes and what is left out

    private mutating func findNotes(skipped: inout [Bool]) {
        var index: Int32 = 1
        /// The end of the notes section being read: its list items are notes.
        var notesEnd: Int32 = -1
        let count = Int32(tree.nodes.count)
        while index < count {
            let node = tree[index]
            if node.isText {
                index += 1
                continue
            }
            let semantics = Self.semantics(of: index, in: tree)
            switch semantics {
            case .note?:
                addNote(index)
                skipped[Int(index)] = true
                index = tree.end(of: index)
                continue
            case .notes?:
                skipped[Int(index)] = true
                if index >= notesEnd { notesEnd = tree.end(of: index) }
            case .leftOut?, .backLink?:
                skipped[Int(index)] = true
                index = tree.end(of: index)
                continue
            case .noteReference?:
                markReference(index)
                index = tree.end(of: index)
                continue
            case nil:
                if index < notesEnd, node.tag == .li {
                    addNote(index)
                    index = tree.end(of: index)
                    continue
                }
            }
            index += 1
        }
    }

    private static func semantics(of node: Int32, in tree: HTMLTree) -> Semantics? {
        var tokens: [Substring] = []
        for attribute in [HTMLTree.AttributeName.epubType, .role] {
            if let value = tree.attribute(attribute, of: node) { tokens += value.lowercased().split(separator: " ") }
        }
        if let classes = tree.attribute(.class, of: node) {
            // pandoc's EPUB 2 notes carry only classes.
            for name in classes.split(separator: " ")
            where ["footnotes", "footnote-ref", "footnote-back"].contains(name) {
                tokens.append(name)
            }
        }
        for token in tokens {
            switch token {
            case "footnote", "endnote", "rearnote", "doc-footnote", "doc-endnote": return .note
            case "footnotes", "endnotes", "rearnotes", "doc-endnotes": return .notes
            case "noteref", "doc-noteref", "footnote-ref": return .noteReference
            case "backlink", "doc-backlink", "footnote-back": return .backLink
            case "toc", "landmarks", "page-list", "titlepage", "doc-toc", "doc-pagelist": return .leftOut
            default: continue
            }
        }
        return nil
    }

    private mutating func addNote(_ element: Int32) {
        let text = noteText(of: element)
        guard !text.isEmpty else { return }
        notes.append(Note(id: tree.attribute(.id, of: element), text: text))
    }

    /// A note's text, whitespace collapsed, its back links left out; at most 64 KB of it.
    private func noteText(of element: Int32) -> String {
        var bytes: [UInt8] = []
        var pendingSpace = false
        var index = element + 1
        let end = tree.end(of: element)
        while index < end, bytes.count < 65_536 {
            let node = tree[index]
            if !node.isText {
                if Self.semantics(of: index, in: tree) == .backLink || node.tag.display == .hidden {
                    index = tree.end(of: index)
                    continue
                }
                if node.tag.display == .block || node.tag == .br { pendingSpace = true }
                index += 1
                continue
            }
            tree.appendCollapsedText(of: index, to: &bytes, pendingSpace: &pendingSpace)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }

    /// Keeps a note reference and writes its mark as `[1]` in the text: its one text node's bytes are
    /// replaced by bracketed ones at the end of the tree's text.
    private mutating func markReference(_ element: Int32) {
        let texts = tree.descendants(of: element).filter { tree[$0].isText }
        let label = tree.plainText(of: element, limit: 64)
        guard let href = tree.attribute(.href, of: element) ?? tree.attribute(.href, of: tree[element].parent) else {
            return
        }
        noteReferences.append(NoteReference(href: href, label: label))
        guard texts.count == 1, !label.isEmpty, !label.hasPrefix("[") else { return }
        let marked = Array("[\(label)]".utf8)
        let text = texts[0]
        tree.nodes[Int(text)].start = Int32(tree.text.count)
        tree.nodes[Int(text)].count = Int32(marked.count)
        tree.text += marked
    }
}
