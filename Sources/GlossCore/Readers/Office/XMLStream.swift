@preconcurrency import CLibXML2
import Glibc

/// Reads an XML part (of a DOCX, ODT or EPUB package) as a stream of element starts, ends and text,
/// with libxml2's xmlTextReader. Untrusted parts are read safely: nothing outside the part is ever
/// loaded (no network, no DTD, no external entity), entities are not substituted, a part that
/// declares a DTD is refused outright (office parts never need one, and a DTD is where entity bombs and
/// external entities live), and libxml2's nesting limit (256) stays on. EPUB 2's NCX and package
/// documents often name their DTD: `allowsDocumentType` lets the declaration pass (it is never loaded)
/// while an entity reference is still refused.
final class XMLStream {
    enum Event: Equatable {
        case start
        case end
        case text
    }

    /// An element's name: its namespace (one of the few gloss reads) and local name.
    struct Name: Hashable {
        var namespace: XMLNamespace
        var local: String
    }

    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableBufferPointer<CChar>
    private let error: UnsafeMutablePointer<gloss_xml_error>
    /// The file's and the part's names for messages ("draft.docx: word/document.xml").
    let partName: String
    /// Namespaces seen, by the address of the URI string libxml2 interns for the part.
    private var namespaces: [UnsafeRawPointer: XMLNamespace] = [:]
    /// The URI the part uses for each namespace (WordprocessingML has two), for attribute lookups.
    private var uris: [XMLNamespace: String] = [:]
    /// An empty element (`<w:tab/>`) gives a start, then an end made up here.
    private var pendingEnd = false
    private(set) var event: Event = .end
    private(set) var name = Name(namespace: .other, local: "")
    private(set) var depth = 0
    private let allowsDocumentType: Bool

    private static let initialized: Bool = {
        gloss_xml_initialize()
        return true
    }()

    init(_ bytes: [UInt8], partName: String, allowsDocumentType: Bool = false) throws(GlossError) {
        _ = Self.initialized
        self.allowsDocumentType = allowsDocumentType
        guard bytes.count < Int(Int32.max) else { throw GlossError("\(partName) is too large to read") }
        self.partName = partName
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(1, bytes.count))
        bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { _ = buffer.initialize(from: $0) }
        }
        let error = UnsafeMutablePointer<gloss_xml_error>.allocate(capacity: 1)
        error.initialize(to: gloss_xml_error())
        guard let reader = gloss_xml_reader(buffer.baseAddress, Int32(bytes.count), error) else {
            buffer.deallocate()
            error.deallocate()
            throw GlossError("\(partName) cannot be read as XML")
        }
        self.buffer = buffer
        self.error = error
        self.reader = reader
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
        error.deallocate()
    }

    /// The next start, end or text; nil at the end of the part. Comments, processing instructions and
    /// whitespace between elements are skipped; malformed XML and a DTD are errors naming the part.
    func next() throws(GlossError) -> Event? {
        if pendingEnd {
            pendingEnd = false
            event = .end
            return .end
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 { throw failure() }
            switch xmlTextReaderNodeType(reader) {
            case 1:  // element
                depth = Int(xmlTextReaderDepth(reader))
                name = currentName()
                pendingEnd = xmlTextReaderIsEmptyElement(reader) == 1
                event = .start
                return .start
            case 15:  // end of element
                depth = Int(xmlTextReaderDepth(reader))
                name = currentName()
                event = .end
                return .end
            case 3, 4, 14:  // text, CDATA, whitespace inside xml:space="preserve"
                event = .text
                return .text
            case 10 where allowsDocumentType:
                continue
            case 10, 5:  // a document type declaration, an entity reference
                throw GlossError(
                    "\(partName) declares a DTD or entities, which gloss does not read (refused for safety)")
            default:
                continue
            }
        }
    }

    /// The text of the current text event.
    var text: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    /// Appends the current text event's UTF-8 bytes to `bytes` without making a String.
    func appendText(to bytes: inout [UInt8]) {
        guard let value = xmlTextReaderConstValue(reader) else { return }
        let count = strlen(value)
        value.withMemoryRebound(to: UInt8.self, capacity: count) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// An attribute of the current start, by namespace and local name (`.none` for an unprefixed one).
    func attribute(_ local: String, _ namespace: XMLNamespace = .none) -> String? {
        let value: UnsafeMutablePointer<xmlChar>?
        if namespace == .none {
            value = xmlTextReaderGetAttribute(reader, local)
        } else {
            value = xmlTextReaderGetAttributeNs(reader, local, uris[namespace] ?? namespace.canonicalURI)
        }
        guard let value else { return nil }
        defer { xmlFree(value) }
        return String(cString: value)
    }

    /// Skips the rest of the current start's element (its content and its end).
    func skipElement() throws(GlossError) {
        if pendingEnd {
            pendingEnd = false
            return
        }
        let level = depth
        while let event = try next() {
            if event == .end, depth == level { return }
        }
    }

    /// The text inside the current start's element, its descendants' included; ends at its end.
    func elementText() throws(GlossError) -> String {
        var bytes: [UInt8] = []
        let level = depth
        if pendingEnd {
            pendingEnd = false
            return ""
        }
        while let event = try next() {
            switch event {
            case .text: appendText(to: &bytes)
            case .end where depth == level: return String(decoding: bytes, as: UTF8.self)
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func currentName() -> Name {
        let local = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
        guard let uri = xmlTextReaderConstNamespaceUri(reader) else { return Name(namespace: .none, local: local) }
        let key = UnsafeRawPointer(uri)
        if let known = namespaces[key] { return Name(namespace: known, local: local) }
        let string = String(cString: uri)
        let namespace = XMLNamespace(uri: string)
        namespaces[key] = namespace
        if uris[namespace] == nil { uris[namespace] = string }
        return Name(namespace: namespace, local: local)
    }

    private func failure() -> GlossError {
        let kept = error.pointee
        guard kept.code != 0 else { return GlossError("\(partName) is not well-formed XML") }
        var message = withUnsafeBytes(of: kept.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }.trimmingWhitespace()
        if message.isEmpty { message = "malformed XML" }
        return GlossError("\(partName):\(kept.line): \(message)")
    }
}
