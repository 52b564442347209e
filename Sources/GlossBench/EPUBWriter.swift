import Foundation
import GlossCore

/// Writes a `GeneratedDocument` as an EPUB 3 book: one XHTML chapter per level-1 heading, a navigation
/// document listing the chapters, Dublin Core metadata, and footnotes as `aside`s of EPUB's footnote
/// type with their references in the text.
enum EPUBWriter {
    static func write(_ document: GeneratedDocument) throws -> [UInt8] {
        var chapters: [(title: String, body: String)] = []
        var noteNumber = 0
        var inList = false
        var asides = ""
        func closeChapter() {
            guard !chapters.isEmpty else { return }
            if inList { chapters[chapters.count - 1].body += "</ul>" }
            inList = false
            chapters[chapters.count - 1].body += asides
            asides = ""
        }
        for block in document.blocks {
            if case .heading(1, let text) = block {
                closeChapter()
                chapters.append((text, "<h1>\(XMLEscaping.escape(text))</h1>"))
                continue
            }
            if chapters.isEmpty { chapters.append((document.title, "")) }
            var xml = ""
            if case .listItem = block {
            } else if inList {
                xml += "</ul>"
                inList = false
            }
            switch block {
            case .heading(let level, let text):
                xml += "<h\(level)>\(XMLEscaping.escape(text))</h\(level)>"
            case .listItem(let text):
                if !inList {
                    xml += "<ul>"
                    inList = true
                }
                xml += "<li>\(XMLEscaping.escape(text))</li>"
            case .paragraph(let text, let note, _):
                var reference = ""
                if let note {
                    noteNumber += 1
                    reference =
                        "<a epub:type=\"noteref\" href=\"#fn\(noteNumber)\" id=\"ref\(noteNumber)\">\(noteNumber)</a>"
                    asides +=
                        "<aside epub:type=\"footnote\" id=\"fn\(noteNumber)\"><p>\(XMLEscaping.escape(note))</p></aside>"
                }
                xml += "<p>\(XMLEscaping.escape(text))\(reference)</p>"
            case .table(let rows):
                xml +=
                    "<table><thead><tr>" + rows[0].map { "<th>\(XMLEscaping.escape($0))</th>" }.joined()
                    + "</tr></thead><tbody>"
                for row in rows.dropFirst() {
                    xml += "<tr>" + row.map { "<td>\(XMLEscaping.escape($0))</td>" }.joined() + "</tr>"
                }
                xml += "</tbody></table>"
            }
            chapters[chapters.count - 1].body += xml
        }
        closeChapter()

        let names = chapters.indices.map { String(format: "chapter-%04d.xhtml", $0 + 1) }
        let manifest = names.enumerated().map {
            "<item id=\"c\($0.offset + 1)\" href=\"\($0.element)\" media-type=\"application/xhtml+xml\"/>"
        }.joined()
        let spine = names.indices.map { "<itemref idref=\"c\($0 + 1)\"/>" }.joined()
        let navigation = zip(names, chapters).map { "<li><a href=\"\($0)\">\(XMLEscaping.escape($1.title))</a></li>" }
            .joined()

        var writer = ZipWriter(date: DOCXWriter.date)
        try writer.add(path: "mimetype", contents: Data("application/epub+zip".utf8))
        try writer.add(
            path: "META-INF/container.xml",
            contents: Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\
                <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
                """.utf8))
        try writer.add(
            path: "OEBPS/content.opf",
            contents: Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id">\
                <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="book-id">urn:uuid:glossbench</dc:identifier>\
                <dc:title>\(XMLEscaping.escape(document.title))</dc:title><dc:creator>GlossBench</dc:creator><dc:language>en</dc:language>\
                <meta property="dcterms:modified">2026-01-01T09:00:00Z</meta></metadata>\
                <manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>\(manifest)</manifest>\
                <spine>\(spine)</spine></package>
                """.utf8))
        try writer.add(
            path: "OEBPS/nav.xhtml",
            contents: Data(
                xhtml(
                    title: "Contents",
                    body: "<nav epub:type=\"toc\" id=\"toc\"><h1>Contents</h1><ol>\(navigation)</ol></nav>"
                ).utf8))
        for (name, chapter) in zip(names, chapters) {
            try writer.add(
                path: "OEBPS/" + name,
                contents: Data(
                    xhtml(
                        title: chapter.title, body: "<section epub:type=\"chapter\">\(chapter.body)</section>"
                    ).utf8))
        }
        return writer.finish()
    }

    static func xhtml(title: String, body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">\
        <head><meta charset="utf-8"/><title>\(XMLEscaping.escape(title))</title><link rel="stylesheet" href="style.css"/></head>\
        <body>\(body)</body></html>
        """
    }
}
