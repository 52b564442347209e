import Foundation
import GlossCore

/// Writes a `GeneratedDocument` as an OpenDocument text shaped like LibreOffice's: automatic styles,
/// headings with outline levels, paragraphs in spans, lists, a table with header rows, footnotes inside
/// the paragraph and annotations over a span.
enum ODTWriter {
    static func write(_ document: GeneratedDocument) throws -> [UInt8] {
        var body = "<text:p text:style-name=\"Title\">\(XMLEscaping.escape(document.title))</text:p>"
        var noteNumber = 0
        var commentNumber = 0
        var inList = false
        var tableNumber = 0
        for block in document.blocks {
            if case .listItem = block {
            } else if inList {
                body += "</text:list>"
                inList = false
            }
            switch block {
            case .heading(let level, let text):
                body +=
                    "<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">\(XMLEscaping.escape(text))</text:h>"
            case .listItem(let text):
                if !inList {
                    body += "<text:list text:style-name=\"L1\">"
                    inList = true
                }
                body += "<text:list-item><text:p text:style-name=\"P2\">\(spans(text))</text:p></text:list-item>"
            case .paragraph(let text, let note, let comment):
                var head = ""
                var tail = ""
                if let comment {
                    commentNumber += 1
                    let name = "__Annotation__\(commentNumber)"
                    head =
                        "<office:annotation office:name=\"\(name)\"><dc:creator>Desk Editor</dc:creator><dc:date>2026-01-01T09:00:00</dc:date>"
                        + "<text:p>\(XMLEscaping.escape(comment))</text:p></office:annotation>"
                    tail = "<office:annotation-end office:name=\"\(name)\"/>"
                }
                if let note {
                    noteNumber += 1
                    tail +=
                        "<text:note text:id=\"ftn\(noteNumber)\" text:note-class=\"footnote\"><text:note-citation>\(noteNumber)</text:note-citation>"
                        + "<text:note-body><text:p text:style-name=\"Footnote\">\(XMLEscaping.escape(note))</text:p></text:note-body></text:note>"
                }
                body += "<text:p text:style-name=\"P1\">\(head)\(spans(text))\(tail)</text:p>"
            case .table(let rows):
                tableNumber += 1
                let columns = rows.map(\.count).max() ?? 1
                body +=
                    "<table:table table:name=\"Table\(tableNumber)\" table:style-name=\"Table1\">"
                    + "<table:table-column table:number-columns-repeated=\"\(columns)\"/>"
                for (index, row) in rows.enumerated() {
                    if index == 0 { body += "<table:table-header-rows>" }
                    body +=
                        "<table:table-row>"
                        + row.map {
                            "<table:table-cell office:value-type=\"string\"><text:p text:style-name=\"Table_20_Contents\">\(XMLEscaping.escape($0))</text:p></table:table-cell>"
                        }.joined() + "</table:table-row>"
                    if index == 0 { body += "</table:table-header-rows>" }
                }
                body += "</table:table>"
            }
        }
        if inList { body += "</text:list>" }

        var writer = ZipWriter(date: DOCXWriter.date)
        try writer.add(path: "mimetype", contents: Data("application/vnd.oasis.opendocument.text".utf8))
        try writer.add(
            path: "content.xml",
            contents: Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content \(namespaces) office:version="1.3">\
                <office:automatic-styles>\(automaticStyles)</office:automatic-styles>\
                <office:body><office:text>\(body)</office:text></office:body></office:document-content>
                """.utf8))
        try writer.add(
            path: "styles.xml",
            contents: Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-styles \(namespaces) office:version="1.3"><office:styles>\(styles)</office:styles></office:document-styles>
                """.utf8))
        try writer.add(
            path: "meta.xml",
            contents: Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta \(namespaces) office:version="1.3"><office:meta><dc:title>\(XMLEscaping.escape(document.title))</dc:title>\
                <meta:initial-creator>GlossBench</meta:initial-creator><dc:language>en-GB</dc:language></office:meta></office:document-meta>
                """.utf8))
        try writer.add(path: "META-INF/manifest.xml", contents: Data(manifest.utf8))
        return writer.finish()
    }

    /// A paragraph's text in spans of about 160 bytes, as LibreOffice keeps runs of changed formatting.
    static func spans(_ text: String) -> String {
        XMLEscaping.runs(text).enumerated().map { index, run in
            index % 2 == 0
                ? XMLEscaping.escape(run) : "<text:span text:style-name=\"T1\">\(XMLEscaping.escape(run))</text:span>"
        }.joined()
    }

    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        """

    static let automaticStyles = """
        <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body">\
        <style:paragraph-properties fo:text-align="justify"/></style:style>\
        <style:style style:name="P2" style:family="paragraph" style:parent-style-name="List_20_Paragraph"/>\
        <style:style style:name="T1" style:family="text"><style:text-properties fo:language="en" fo:country="GB"/></style:style>\
        <style:style style:name="Table1" style:family="table"><style:table-properties style:width="17cm"/></style:style>\
        <text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
        """

    static let styles = [
        ("Standard", "Standard", nil), ("Text_20_body", "Text body", "Standard"), ("Title", "Title", "Standard"),
        ("Heading_20_1", "Heading 1", "Standard"), ("Heading_20_2", "Heading 2", "Standard"),
        ("List_20_Paragraph", "List Paragraph", "Text_20_body"), ("Footnote", "Footnote", "Standard"),
        ("Table_20_Contents", "Table Contents", "Standard"),
    ].map { name, display, parent in
        "<style:style style:name=\"\(name)\" style:display-name=\"\(display)\" style:family=\"paragraph\""
            + (parent.map { " style:parent-style-name=\"\($0)\"" } ?? "") + "/>"
    }.joined()

    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
        <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>\
        </manifest:manifest>
        """
}
