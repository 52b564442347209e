/// The XML namespaces the office and e-book readers look at, by URI: elements are matched on their
/// namespace, never on the prefix a producer happened to choose.
enum XMLNamespace: Hashable {
    /// No namespace (unprefixed attributes, plain XML).
    case none
    /// WordprocessingML (`w:`), strict and transitional.
    case word
    /// Office relationships: the part-to-part links of a DOCX (`_rels/*.rels`).
    case packageRelationships
    /// Markup compatibility (`mc:AlternateContent`).
    case markupCompatibility
    /// OpenDocument namespaces.
    case odfOffice, odfText, odfTable, odfStyle, odfMeta, odfDrawing
    /// Dublin Core and its terms (document properties, EPUB metadata).
    case dublinCore, dublinCoreTerms
    /// DOCX core properties (`cp:`).
    case coreProperties
    /// EPUB: the container, the package document (OPF), the NCX table of contents.
    case epubContainer, opf, ncx
    case xhtml, epubOps
    case other

    init(uri: String) {
        self = Self.byURI[uri] ?? .other
    }

    /// A URI of the namespace, for looking attributes up before any element of it was seen.
    var canonicalURI: String {
        Self.byURI.first { $0.value == self }?.key ?? ""
    }

    private static let byURI: [String: XMLNamespace] = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": .word,
        "http://purl.oclc.org/ooxml/wordprocessingml/main": .word,
        "http://schemas.openxmlformats.org/package/2006/relationships": .packageRelationships,
        "http://schemas.openxmlformats.org/markup-compatibility/2006": .markupCompatibility,
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0": .odfOffice,
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0": .odfText,
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0": .odfTable,
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0": .odfStyle,
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0": .odfMeta,
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0": .odfDrawing,
        "http://purl.org/dc/elements/1.1/": .dublinCore,
        "http://purl.org/dc/terms/": .dublinCoreTerms,
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": .coreProperties,
        "urn:oasis:names:tc:opendocument:xmlns:container": .epubContainer,
        "http://www.idpf.org/2007/opf": .opf,
        "http://www.daisy.org/z3986/2005/ncx/": .ncx,
        "http://www.w3.org/1999/xhtml": .xhtml,
        "http://www.idpf.org/2007/ops": .epubOps,
    ]
}
