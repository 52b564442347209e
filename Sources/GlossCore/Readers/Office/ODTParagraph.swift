/// Reads the inline content of one OpenDocument paragraph or heading (`text:p`, `text:h`) from its
/// start to its end: its text (spans, links and fields as shown; `text:s`, tabs and line breaks), the
/// footnotes and endnotes in it (`[citation]` left in the text) and the annotations on it.
///
/// Tracked changes need nothing here: deleted text lives outside the body, in `text:tracked-changes`,
/// and inserted text is inline. Frames and drawings (images, text boxes) are left out.
enum ODTParagraph {
    /// What the paragraph brings besides its text.
    struct Extras {
        var notes: [String] = []
        var comments: [(id: String, author: String?, text: String)] = []
    }

    static func read(
        _ stream: XMLStream, into text: inout ParagraphText, extras: inout Extras, annotationCount: inout Int
    ) throws(GlossError) {
        let level = stream.depth
        while let event = try stream.next() {
            switch event {
            case .text:
                appendCollapsing(stream.text, to: &text)
            case .end:
                if stream.depth == level { return }
            case .start:
                let name = stream.name
                switch (name.namespace, name.local) {
                case (.odfText, "s"):
                    let count = stream.attribute("c", .odfText).flatMap { Int($0) } ?? 1
                    for _ in 0..<min(max(count, 1), 100) { text.append(byte: 0x20) }
                case (.odfText, "tab"):
                    text.appendSeparator()
                case (.odfText, "line-break"):
                    text.append(byte: 0x0A)
                case (.odfText, "note"):
                    let (citation, body) = try note(stream, annotationCount: &annotationCount)
                    text.append("[\(citation)]")
                    extras.notes.append("[\(citation)] " + body)
                case (.odfOffice, "annotation"):
                    annotationCount += 1
                    let id = stream.attribute("name", .odfOffice) ?? "\u{1}annotation \(annotationCount)"
                    let isRange = stream.attribute("name", .odfOffice) != nil
                    let (author, body) = try annotation(stream, annotationCount: &annotationCount)
                    text.startComment(id, isRange: isRange)
                    extras.comments.append((id, author, body))
                case (.odfOffice, "annotation-end"):
                    if let id = stream.attribute("name", .odfOffice) { text.endComment(id) }
                case (.odfText, "ruby-text"), (.odfText, "tracked-changes"), (.odfDrawing, _), (.odfOffice, "forms"):
                    try stream.skipElement()
                default:
                    continue
                }
            }
        }
    }

    /// Text content: runs of whitespace (spaces, tabs, line ends) count as one space, as ODF says.
    private static func appendCollapsing(_ string: String, to text: inout ParagraphText) {
        for byte in string.utf8 {
            if ParagraphText.isWhitespace(byte) {
                if text.bytes.last != UInt8(ascii: " ") { text.append(byte: 0x20) }
            } else {
                text.append(byte: byte)
            }
        }
    }

    /// A `text:note`: its citation ("1", "i", "*") and its body's paragraphs, one line each.
    private static func note(_ stream: XMLStream, annotationCount: inout Int) throws(GlossError) -> (String, String) {
        let level = stream.depth
        var citation = ""
        var body = ParagraphText()
        var ignored = Extras()
        while let event = try stream.next() {
            if event == .end, stream.depth == level { break }
            guard event == .start, stream.name.namespace == .odfText else { continue }
            switch stream.name.local {
            case "note-citation":
                citation = try stream.elementText().trimmingWhitespace()
            case "p", "h":
                var paragraph = ParagraphText()
                try read(stream, into: &paragraph, extras: &ignored, annotationCount: &annotationCount)
                body.append(paragraph, separator: 0x0A)
            default:
                continue
            }
        }
        return (citation, body.finished().text)
    }

    /// An `office:annotation`: its author (`dc:creator`) and its paragraphs' text.
    private static func annotation(_ stream: XMLStream, annotationCount: inout Int) throws(GlossError) -> (
        String?, String
    ) {
        let level = stream.depth
        var author: String?
        var body = ParagraphText()
        var ignored = Extras()
        while let event = try stream.next() {
            if event == .end, stream.depth == level { break }
            guard event == .start else { continue }
            switch (stream.name.namespace, stream.name.local) {
            case (.dublinCore, "creator"):
                author = try stream.elementText().trimmingWhitespace()
            case (.odfText, "p"), (.odfText, "h"):
                var paragraph = ParagraphText()
                try read(stream, into: &paragraph, extras: &ignored, annotationCount: &annotationCount)
                body.append(paragraph, separator: 0x0A)
            case (.dublinCore, _), (.odfMeta, _):
                try stream.skipElement()
            default:
                continue
            }
        }
        return (author.flatMap { $0.isEmpty ? nil : $0 }, body.finished().text)
    }
}
