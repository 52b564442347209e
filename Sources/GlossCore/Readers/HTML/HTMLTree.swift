/// A parsed page, kept compact: nodes in document order in one array, linked to their parent, first
/// child and next sibling; the text of all text nodes in one byte buffer; the attributes the reader
/// uses in another. Node 0 is the document. Everything that walks it does so without recursion: a
/// hostile page may nest elements a hundred thousand deep.
struct HTMLTree {
    struct Node {
        var tag: HTMLTag
        var isText: Bool
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// Source lines of the node (for a text node, of its first and last byte).
        var line: Int32
        var endLine: Int32
        /// A text node's bytes in `text`, an element's attributes in `attributes`.
        var start: Int32
        var count: Int32
    }

    /// The attributes the reader looks at; others are not kept.
    enum AttributeName: UInt8 {
        case id, `class`, role, itemprop, itemtype, itemscope, hidden, ariaHidden, ariaLabel, style, href, rel, content,
            property
        case name, httpEquiv, charset, datetime, lang, type, dataComponent, dataTestID, title
        /// EPUB's structural semantics (`epub:type="footnote"`), read in e-books' chapters.
        case epubType

        static let byName: [String: AttributeName] = [
            "id": .id, "class": .class, "role": .role, "itemprop": .itemprop, "itemtype": .itemtype,
            "itemscope": .itemscope,
            "hidden": .hidden, "aria-hidden": .ariaHidden, "aria-label": .ariaLabel, "style": .style, "href": .href,
            "rel": .rel, "content": .content, "property": .property, "name": .name, "http-equiv": .httpEquiv,
            "charset": .charset, "datetime": .datetime, "lang": .lang, "type": .type, "data-component": .dataComponent,
            "data-testid": .dataTestID, "title": .title, "epub:type": .epubType,
        ]
    }

    struct Attribute {
        var name: AttributeName
        var value: String
    }

    var nodes: [Node]
    var text: [UInt8] = []
    var attributes: [Attribute] = []
    /// Per node, the index after its last descendant (set by `finish`).
    private var ends: [Int32] = []

    init() {
        nodes = [Node(tag: .other, isText: false, parent: -1, line: 1, endLine: 1, start: 0, count: 0)]
    }

    static let root: Int32 = 0

    subscript(_ node: Int32) -> Node {
        nodes[Int(node)]
    }

    func attribute(_ name: AttributeName, of node: Int32) -> String? {
        let element = nodes[Int(node)]
        guard !element.isText, element.count > 0 else { return nil }
        for index in Int(element.start)..<Int(element.start + element.count) where attributes[index].name == name {
            return attributes[index].value
        }
        return nil
    }

    /// The children of a node, in order.
    func children(of node: Int32) -> Children {
        Children(tree: self, cursor: nodes[Int(node)].firstChild)
    }

    struct Children: Sequence, IteratorProtocol {
        let tree: HTMLTree
        var cursor: Int32

        mutating func next() -> Int32? {
            guard cursor >= 0 else { return nil }
            defer { cursor = tree.nodes[Int(cursor)].nextSibling }
            return cursor
        }
    }

    /// The nodes below `node`, in document order (its own index excluded): the indices that follow it
    /// up to the next node outside it, since nodes are numbered in document order.
    func descendants(of node: Int32) -> Range<Int32> {
        (node + 1)..<end(of: node)
    }

    /// Works out where each node's descendants end, once the tree is whole: a node's last child comes
    /// after it, so one pass from the last node back does it.
    mutating func finish() {
        ends = [Int32](repeating: 0, count: nodes.count)
        for index in stride(from: nodes.count - 1, through: 0, by: -1) {
            let last = nodes[index].lastChild
            ends[index] = last >= 0 ? ends[Int(last)] : Int32(index + 1)
        }
    }

    /// The index after the last node below `node`.
    func end(of node: Int32) -> Int32 {
        ends[Int(node)]
    }

    /// Whether `node` is `ancestor` or below it.
    func isInside(_ node: Int32, _ ancestor: Int32) -> Bool {
        node >= ancestor && node < end(of: ancestor)
    }

    /// The text of a text node, as bytes.
    func withTextBytes<Result>(of node: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let element = nodes[Int(node)]
        return text.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(element.start)..<Int(element.start + element.count)]))
        }
    }

    /// All text below a node, whitespace collapsed to single spaces and trimmed (titles, meta values,
    /// headings of boxes); at most `limit` bytes of it, from at most `16 × limit` nodes (so a deep
    /// subtree without text is not read whole).
    func plainText(of node: Int32, limit: Int = 4_096) -> String {
        var bytes: [UInt8] = []
        var pendingSpace = false
        let range = descendants(of: node)
        for index in range.prefix(limit * 16) where nodes[Int(index)].isText {
            if bytes.count >= limit { break }
            appendCollapsedText(of: index, to: &bytes, pendingSpace: &pendingSpace)
        }
        if bytes.count > limit {
            // Cut at a character boundary.
            var end = limit
            while end > 0, UTF8Scalar.isContinuation(bytes[end]) { end -= 1 }
            bytes.removeSubrange(end...)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a text node's text with its whitespace runs as one space (none at the start);
    /// `pendingSpace` carries a run across nodes.
    func appendCollapsedText(of node: Int32, to bytes: inout [UInt8], pendingSpace: inout Bool) {
        withTextBytes(of: node) { text in
            for byte in text {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                    || byte == UInt8(ascii: "\r") || byte == 0x0C
                {
                    pendingSpace = true
                } else {
                    if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(byte)
                }
            }
        }
    }

    /// The first element with a tag below `node`, in document order.
    func first(_ tag: HTMLTag, in node: Int32 = root) -> Int32? {
        descendants(of: node).first { !nodes[Int($0)].isText && nodes[Int($0)].tag == tag }
    }
}
