/// Reads one `w:p` of WordprocessingML from its start to its end: its text as Word shows it with
/// tracked changes accepted (deleted runs and moved-away text dropped, inserted runs kept), its style,
/// outline level and numbering, and the comments and notes anchored in it.
///
/// Left out: field instructions (a field's shown result is kept), hidden text, drawings and text boxes,
/// the first choice of alternate content (its fallback is read), math.
struct DOCXParagraph {
    var styleID: String?
    var outlineLevel: Int?
    var isNumbered = false
    /// The paragraph mark is a tracked deletion: accepted, the paragraph joins the next one.
    var markDeleted = false

    /// A footnote or endnote reference met in the text, in order.
    enum NoteReference {
        case footnote(String)
        case endnote(String)
    }

    /// Reads from the current `w:p` start to its end, appending the text to `text`; `noteLabel` gives
    /// the mark put in the text for a note reference ("[1]").
    static func read(
        _ stream: XMLStream, into text: inout ParagraphText, noteLabel: (NoteReference) -> String?
    ) throws(GlossError) -> DOCXParagraph {
        var paragraph = DOCXParagraph()
        let level = stream.depth
        var propertiesDepth: Int?
        var textDepth: Int?
        var hiddenRunDepth: Int?
        while let event = try stream.next() {
            let name = stream.name
            switch event {
            case .text:
                if textDepth != nil, hiddenRunDepth == nil { stream.appendText(to: &text.bytes) }
            case .end:
                if stream.depth == level { return paragraph }
                if stream.depth == propertiesDepth { propertiesDepth = nil }
                if stream.depth == textDepth { textDepth = nil }
                if let hidden = hiddenRunDepth, stream.depth < hidden { hiddenRunDepth = nil }
            case .start:
                if try skipsAlternateChoice(stream) { continue }
                guard name.namespace == .word else { continue }
                if propertiesDepth != nil {
                    try paragraph.readProperty(name.local, stream)
                    continue
                }
                switch name.local {
                case "pPr":
                    propertiesDepth = stream.depth
                case "t":
                    textDepth = stream.depth
                case "vanish", "specVanish":
                    // Inside a run's properties: the run is hidden; its text stays out.
                    if !Self.isOff(stream.attribute("val", .word)) { hiddenRunDepth = stream.depth - 1 }
                case "tab", "ptab":
                    if hiddenRunDepth == nil { text.appendSeparator() }
                case "br", "cr":
                    let type = stream.attribute("type", .word)
                    if type == "page" || type == "column" { text.appendSeparator() } else { text.append(byte: 0x0A) }
                case "noBreakHyphen":
                    text.append("-")
                case "del", "moveFrom", "delText", "delInstrText", "instrText", "fldData", "drawing", "pict", "object",
                    "sdtPr", "rPrChange", "pPrChange", "footnoteRef", "endnoteRef", "annotationRef", "p":
                    try stream.skipElement()
                case "commentRangeStart":
                    if let id = stream.attribute("id", .word) { text.startComment(id) }
                case "commentRangeEnd":
                    if let id = stream.attribute("id", .word) { text.endComment(id) }
                case "commentReference":
                    if let id = stream.attribute("id", .word), !text.comments.contains(where: { $0.id == id }) {
                        text.startComment(id, isRange: false)
                    }
                case "footnoteReference", "endnoteReference":
                    guard let id = stream.attribute("id", .word) else { continue }
                    let reference: NoteReference = name.local == "footnoteReference" ? .footnote(id) : .endnote(id)
                    if let label = noteLabel(reference) { text.append(label) }
                default:
                    continue
                }
            }
        }
        return paragraph
    }

    /// A paragraph property (inside `w:pPr`).
    private mutating func readProperty(_ local: String, _ stream: XMLStream) throws(GlossError) {
        switch local {
        case "pStyle": styleID = stream.attribute("val", .word)
        case "outlineLvl": outlineLevel = stream.attribute("val", .word).flatMap { Int($0) }
        case "numId": isNumbered = stream.attribute("val", .word).map { $0 != "0" } ?? false
        case "del", "moveFrom": markDeleted = true
        case "pPrChange", "sectPr": try stream.skipElement()
        default: break
        }
    }

    /// Skips the element at a start when it is the first choice of alternate content (`mc:Choice`):
    /// its fallback is read instead, and reading both would repeat the text.
    static func skipsAlternateChoice(_ stream: XMLStream) throws(GlossError) -> Bool {
        guard stream.name.namespace == .markupCompatibility, stream.name.local == "Choice" else { return false }
        try stream.skipElement()
        return true
    }

    /// A toggle attribute that turns its property off (`w:val="0"`, `"false"`, `"off"`).
    static func isOff(_ value: String?) -> Bool {
        guard let value else { return false }
        return value == "0" || value == "false" || value == "off"
    }
}
