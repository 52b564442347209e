import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the codes of a REFI-QDA codebook: a `.qdc` file, or the `CodeBook` of a `.qdpx` project's
/// `project.qde` (written by gloss, NVivo, ATLAS.ti, MAXQDA, QualCoder…).
public enum CodebookReader {
    /// One code as a gloss tag: the path is the nesting of code names joined by `/`.
    public struct Code: Equatable, Sendable {
        public var path: String
        public var description: String?
        /// `#rrggbb`, lowercase (REFI's `#rgb` short form expanded); nil when absent or not a colour.
        public var color: String?
    }

    /// The codes of the file at `path` (shown in messages as `name`), parents before children.
    public static func read(_ path: String, shownAs name: String) throws(GlossError) -> [Code] {
        let bytes = try DocumentLoader.readBytes(path, name: name)
        // A ZIP (local file header "PK\3\4") is a project; anything else is read as XML.
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try parse(projectDocument(in: bytes, name: name), shownAs: name + ":project.qde")
        }
        return try parse(Data(bytes), shownAs: name)
    }

    /// `project.qde` from the archive (at the top, or the first one found).
    static func projectDocument(in bytes: [UInt8], name: String) throws(GlossError) -> Data {
        do {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            let entry =
                archive["project.qde"] ?? archive.first { $0.type == .file && $0.path.lowercased().hasSuffix(".qde") }
            guard let entry else {
                throw GlossError("\(name): no project.qde in this archive (is it a .qdpx project?)")
            }
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return data
        } catch let error as GlossError {
            throw error
        } catch {
            throw GlossError("\(name): not a readable .qdpx archive (\(error))")
        }
    }

    /// The codes of a codebook or project document.
    public static func parse(_ data: Data, shownAs name: String) throws(GlossError) -> [Code] {
        let parser = XMLParser(data: data)
        let collector = CodeCollector()
        parser.delegate = collector
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        // Foundation on Linux may report an error and still return true: either one fails.
        let parsed = parser.parse()
        if let failure = collector.failure {
            throw GlossError("\(name):\(failure.line):\(failure.column): not well-formed XML (\(failure.reason))")
        }
        guard parsed else {
            let reason = (parser.parserError as NSError?).map { describe(code: $0.code) } ?? "unknown error"
            throw GlossError("\(name):\(parser.lineNumber):\(parser.columnNumber): not well-formed XML (\(reason))")
        }
        guard collector.sawCodebook else {
            throw GlossError("\(name): not a REFI-QDA codebook or project (no <CodeBook> element)")
        }
        guard !collector.codes.isEmpty else { throw GlossError("\(name): the codebook has no codes") }
        return collector.codes
    }

    /// The parser's error code in words. Foundation on Linux passes libxml2's own codes
    /// (`xmlParserErrors`), which its `XMLParser.ErrorCode` cases do not line up with.
    static func describe(code: Int) -> String {
        let messages: [Int: String] = [
            3: "start tag expected, '<' not found", 4: "no XML content", 5: "extra content after the root element",
            9: "a character that XML does not allow", 23: "';' missing after an entity reference",
            26: "undeclared entity", 38: "'<' inside an attribute value", 39: "attribute value not quoted",
            40: "attribute value not closed", 41: "attribute without a value", 42: "attribute given twice",
            43: "quote expected", 44: "quoted value not closed", 45: "comment not closed",
            63: "CDATA section not closed",
            65: "space required", 68: "name expected ('&' must be written &amp;)", 73: "'>' expected",
            76: "end tag does not match the open element", 77: "file ends inside an element",
        ]
        return messages[code] ?? "libxml2 error \(code)"
    }

    /// A code name as one part of a tag path: no `/` (it separates levels), no control characters (nor
    /// bidirectional ones: they become spaces), no zero-width characters (dropped), not empty.
    static func tagPart(_ name: String, topLevel: Bool) -> String {
        var part = String(
            String.UnicodeScalarView(
                name.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
                    if scalar == "/" { return "-" }
                    if TerminalSafe.needsEscape(scalar) { return " " }
                    return InvisibleCharacters.kind(of: scalar) == nil ? scalar : nil
                })
        ).trimmingWhitespace()
        // gloss reserves these first characters of a tag for other syntax.
        if topLevel { part = String(part.drop { "-#@:,\"'".contains($0) }).trimmingWhitespace() }
        return part.isEmpty ? "unnamed" : part
    }

    /// `#RRGGBB` or `#RGB` as `#rrggbb`.
    static func color(_ value: String?) -> String? {
        guard let value = value?.trimmingWhitespace(), value.hasPrefix("#") else { return nil }
        let digits = value.dropFirst()
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        switch digits.count {
        case 6: return "#" + digits.lowercased()
        case 3: return "#" + digits.map { "\($0)\($0)" }.joined().lowercased()
        default: return nil
        }
    }
}

/// Collects `Code` elements nested under a `CodeBook`'s `Codes`, by local name, so both the codebook
/// and the project namespaces work.
private final class CodeCollector: NSObject, XMLParserDelegate {
    var codes: [CodebookReader.Code] = []
    var sawCodebook = false
    /// The first error the parser reported, where it was.
    var failure: (line: Int, column: Int, reason: String)?
    /// Element names from the root down.
    private var elements: [String] = []
    /// Index in `codes` of each open `Code` element.
    private var openCodes: [Int] = []
    private var descriptionText: String?

    private var insideCodebook: Bool { elements.contains("CodeBook") }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        let parent = elements.last
        elements.append(elementName)
        switch elementName {
        case "CodeBook":
            sawCodebook = true
        case "Code" where insideCodebook && (parent == "Codes" || parent == "Code"):
            let part = CodebookReader.tagPart(attributes["name"] ?? "", topLevel: openCodes.isEmpty)
            let path = openCodes.last.map { codes[$0].path + "/" + part } ?? part
            openCodes.append(codes.count)
            codes.append(
                CodebookReader.Code(path: path, description: nil, color: CodebookReader.color(attributes["color"])))
        case "Description" where parent == "Code" && !openCodes.isEmpty:
            descriptionText = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        descriptionText? += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        descriptionText? += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        elements.removeLast()
        if elementName == "Description", let text = descriptionText, let code = openCodes.last {
            // Newlines and tabs are kept; other control characters have no place in a definition.
            let kept = text.unicodeScalars.filter { $0 == "\n" || $0 == "\t" || !TerminalSafe.needsEscape($0) }
            let trimmed = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespacesAndNewlines)
            codes[code].description = trimmed.isEmpty ? nil : trimmed
            descriptionText = nil
        } else if elementName == "Code", elements.last == "Codes" || elements.last == "Code", !openCodes.isEmpty,
            insideCodebook
        {
            openCodes.removeLast()
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil {
            failure = (
                parser.lineNumber, parser.columnNumber, CodebookReader.describe(code: (parseError as NSError).code)
            )
        }
    }
}
