import Foundation
import GlossCore

/// Writes a `GeneratedDocument` as a Word document shaped like Word's own: styles, paragraphs split
/// into runs with revision ids, numbered list items, a table with a header row, footnotes in their part
/// and comments anchored on a span.
enum DOCXWriter {
    static let date = Date(timeIntervalSince1970: 1_767_225_600)

    static func write(_ document: GeneratedDocument) throws -> [UInt8] {
        var body = paragraph(document.title, style: "Title")
        var footnotes = ""
        var comments = ""
        var noteNumber = 0
        var commentNumber = 0
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                body += paragraph(text, style: "Heading\(level)")
            case .listItem(let text):
                body += paragraph(text, style: "ListParagraph", numbered: true)
            case .paragraph(let text, let note, let comment):
                var tail = ""
                var head = ""
                if let note {
                    noteNumber += 1
                    tail +=
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"\(noteNumber)\"/></w:r>"
                    footnotes +=
                        "<w:footnote w:id=\"\(noteNumber)\">\(paragraph(note, style: "FootnoteText"))</w:footnote>"
                }
                if let comment {
                    commentNumber += 1
                    head = "<w:commentRangeStart w:id=\"\(commentNumber)\"/>"
                    tail =
                        "<w:commentRangeEnd w:id=\"\(commentNumber)\"/><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr>"
                        + "<w:commentReference w:id=\"\(commentNumber)\"/></w:r>" + tail
                    comments +=
                        "<w:comment w:id=\"\(commentNumber)\" w:author=\"Desk Editor\" w:date=\"2026-01-01T09:00:00Z\" w:initials=\"DE\">"
                        + paragraph(comment, style: "CommentText") + "</w:comment>"
                }
                body += paragraph(text, style: nil, head: head, tail: tail)
            case .table(let rows):
                body += table(rows)
            }
        }
        body +=
            "<w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" "
            + "w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr>"

        let separators =
            "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        var writer = ZipWriter(date: date)
        try writer.add(path: "[Content_Types].xml", contents: Data(contentTypes.utf8))
        try writer.add(path: "_rels/.rels", contents: Data(packageRelationships.utf8))
        try writer.add(path: "word/document.xml", contents: Data(part("document", "<w:body>\(body)</w:body>").utf8))
        try writer.add(path: "word/_rels/document.xml.rels", contents: Data(documentRelationships.utf8))
        try writer.add(path: "word/styles.xml", contents: Data(part("styles", styles).utf8))
        try writer.add(path: "word/numbering.xml", contents: Data(part("numbering", numbering).utf8))
        try writer.add(path: "word/footnotes.xml", contents: Data(part("footnotes", separators + footnotes).utf8))
        try writer.add(path: "word/comments.xml", contents: Data(part("comments", comments).utf8))
        try writer.add(path: "docProps/core.xml", contents: Data(core(title: document.title).utf8))
        return writer.finish()
    }

    /// A paragraph of runs of about 160 bytes, each with the revision id and language Word records.
    static func paragraph(_ text: String, style: String?, numbered: Bool = false, head: String = "", tail: String = "")
        -> String
    {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if numbered { properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" }
        if style == nil { properties += "<w:spacing w:after=\"120\"/><w:jc w:val=\"both\"/>" }
        var runs = ""
        for (index, run) in XMLEscaping.runs(text).enumerated() {
            runs +=
                "<w:r w:rsidRPr=\"00A1\(String(format: "%03X", index % 4096))\"><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr>"
                + "<w:t xml:space=\"preserve\">\(XMLEscaping.escape(run))</w:t></w:r>"
        }
        return
            "<w:p w:rsidR=\"00B2C4D1\" w:rsidRDefault=\"00B2C4D1\"><w:pPr>\(properties)</w:pPr>\(head)\(runs)\(tail)</w:p>"
    }

    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 1
        let width = 9360 / columns
        var xml =
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        xml += String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns) + "</w:tblGrid>"
        for (index, row) in rows.enumerated() {
            xml += "<w:tr>" + (index == 0 ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
            for cell in row {
                xml +=
                    "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>\(paragraph(cell, style: "TableContents"))</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func part(_ root: String, _ content: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:\(root) xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
            + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">\(content)</w:\(root)>"
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>\
        <Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>\
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>\
        </Relationships>
        """

    static let styles =
        [
            ("Normal", "Normal", nil), ("Title", "Title", "Normal"), ("Heading1", "heading 1", "Normal"),
            ("Heading2", "heading 2", "Normal"),
            ("ListParagraph", "List Paragraph", "Normal"), ("FootnoteText", "footnote text", "Normal"),
            ("CommentText", "annotation text", "Normal"), ("TableContents", "Table Contents", "Normal"),
        ].map { id, name, basedOn in
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
                + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + "<w:qFormat/></w:style>"
        }.joined()
        + "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"

    static let numbering =
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
        + "<w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"

    static func core(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(XMLEscaping.escape(title))</dc:title>\
        <dc:creator>GlossBench</dc:creator><dc:language>en-GB</dc:language>\
        <dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T09:00:00Z</dcterms:created></cp:coreProperties>
        """
    }
}
