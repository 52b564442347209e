import Foundation

@testable import GlossCore

/// Small DOCX and ODT packages written by the tests, to reach what pandoc and LibreOffice do not write
/// (deleted paragraph marks, localised heading styles, field codes, hostile parts).
enum OfficePackage {
    static let word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strictWord = "http://purl.oclc.org/ooxml/wordprocessingml/main"

    /// A zip archive of the given parts, stored in order.
    static func zip(_ parts: [(String, String)]) throws -> [UInt8] {
        var writer = ZipWriter(date: Date(timeIntervalSince1970: 1_767_225_600))
        for (path, text) in parts { try writer.add(path: path, contents: Data(text.utf8)) }
        return writer.finish()
    }

    /// A DOCX whose body is `body` (WordprocessingML inside `w:body`); other parts when given.
    static func docx(
        body: String, styles: String? = nil, comments: String? = nil, footnotes: String? = nil,
        endnotes: String? = nil, core: String? = nil, namespace: String = word
    ) throws -> [UInt8] {
        try zip(
            docxParts(
                body: body, styles: styles, comments: comments, footnotes: footnotes, endnotes: endnotes,
                core: core, namespace: namespace))
    }

    /// The parts of such a DOCX, to change before they are zipped.
    static func docxParts(
        body: String, styles: String? = nil, comments: String? = nil, footnotes: String? = nil,
        endnotes: String? = nil, core: String? = nil, namespace: String = word
    ) throws -> [(String, String)] {
        let wrap = { (root: String, content: String) in
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:\(root) xmlns:w=\"\(namespace)\" "
                + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">\(content)</w:\(root)>"
        }
        var links: [(String, String)] = []
        var parts: [(String, String)] = []
        for (type, name, root, content) in [
            ("styles", "styles.xml", "styles", styles), ("comments", "comments.xml", "comments", comments),
            ("footnotes", "footnotes.xml", "footnotes", footnotes), ("endnotes", "endnotes.xml", "endnotes", endnotes),
        ] {
            guard let content else { continue }
            links.append((type, name))
            parts.append(("word/" + name, wrap(root, content)))
        }
        let relationships = links.enumerated().map { index, link in
            "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(link.0)\" Target=\"\(link.1)\"/>"
        }.joined()
        var all: [(String, String)] = [
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
                </Relationships>
                """
            ),
            ("word/document.xml", wrap("document", "<w:body>\(body)</w:body>")),
            (
                "word/_rels/document.xml.rels",
                "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships)</Relationships>"
            ),
        ]
        all += parts
        if let core {
            all.append(
                (
                    "docProps/core.xml",
                    """
                    <?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">\(core)</cp:coreProperties>
                    """
                ))
        }
        return all
    }

    /// A paragraph of plain runs, with a style when given.
    static func paragraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// An ODT whose `office:text` holds `body`; automatic styles and `styles.xml` styles when given.
    static func odt(body: String, automaticStyles: String = "", styles: String = "", meta: String = "") throws
        -> [UInt8]
    {
        let namespaces = """
            xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
            xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"
            """
        return try zip([
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            (
                "content.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><office:document-content \(namespaces)>\
                <office:automatic-styles>\(automaticStyles)</office:automatic-styles>\
                <office:body><office:text>\(body)</office:text></office:body></office:document-content>
                """
            ),
            (
                "styles.xml",
                "<?xml version=\"1.0\"?><office:document-styles \(namespaces)><office:styles>\(styles)</office:styles></office:document-styles>"
            ),
            (
                "meta.xml",
                "<?xml version=\"1.0\"?><office:document-meta \(namespaces)><office:meta>\(meta)</office:meta></office:document-meta>"
            ),
        ])
    }
}

extension OfficePackage {
    /// An XHTML chapter whose body is `body`.
    static func xhtml(_ body: String, title: String = "chapter") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html>\
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>\(title)</title>\
        <style>p { color: red }</style><script>var hidden = "script text";</script></head><body>\(body)</body></html>
        """
    }

    /// The parts of an EPUB: the chapters (names under `OEBPS/`, XHTML bodies) in spine order, the
    /// `ol` of an EPUB 3 navigation document and the `navMap` of an NCX when given, and the package
    /// document's metadata.
    static func epubParts(
        chapters: [(String, String)], nav: String? = nil, ncx: String? = nil,
        metadata: String = "<dc:title>A Small Book</dc:title>", spine: [String]? = nil
    ) -> [(String, String)] {
        var manifest = chapters.map { "<item id=\"\($0.0)\" href=\"\($0.0)\" media-type=\"application/xhtml+xml\"/>" }
        var parts: [(String, String)] = [
            ("mimetype", "application/epub+zip"),
            (
                "META-INF/container.xml",
                """
                <?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\
                <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
                """
            ),
        ]
        if let nav {
            manifest.append(
                "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>")
            parts.append(
                (
                    "OEBPS/nav.xhtml",
                    xhtml("<nav epub:type=\"toc\"><h1>Contents</h1><ol>\(nav)</ol></nav>", title: "Contents")
                ))
        }
        if let ncx {
            manifest.append("<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>")
            parts.append(
                (
                    "OEBPS/toc.ncx",
                    """
                    <?xml version="1.0" encoding="UTF-8"?>\
                    <!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">\
                    <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><docTitle><text>Contents</text></docTitle>\
                    <navMap>\(ncx)</navMap></ncx>
                    """
                ))
        }
        let itemrefs = (spine ?? chapters.map(\.0)).map { "<itemref idref=\"\($0)\"/>" }.joined()
        parts.append(
            (
                "OEBPS/content.opf",
                """
                <?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">\
                <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">\(metadata)</metadata>\
                <manifest>\(manifest.joined())</manifest><spine\(ncx == nil ? "" : " toc=\"ncx\"")>\(itemrefs)</spine></package>
                """
            ))
        parts += chapters.map { ("OEBPS/" + $0.0, xhtml($0.1)) }
        return parts
    }

    static func epub(
        chapters: [(String, String)], nav: String? = nil, ncx: String? = nil,
        metadata: String = "<dc:title>A Small Book</dc:title>", spine: [String]? = nil
    ) throws -> [UInt8] {
        try zip(epubParts(chapters: chapters, nav: nav, ncx: ncx, metadata: metadata, spine: spine))
    }
}
