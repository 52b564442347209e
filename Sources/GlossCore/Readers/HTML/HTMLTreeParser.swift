import CLibXML2
import Glibc

/// Builds an `HTMLTree` from UTF-8 HTML with libxml2's HTML parser, driven through SAX so that only
/// what the reader uses is kept: elements with a few attributes, and text. The content of elements
/// that show no text (scripts, styles, SVG, media, form controls, templates, `noscript`) is skipped
/// unread, except the JSON of `application/ld+json` scripts and the `<title>`.
///
/// libxml2's parser is lenient and does not recurse on nesting, so unclosed tags and very deep pages
/// parse; NUL bytes (which would end its input) are replaced first.
final class HTMLTreeParser {
    private var tree = HTMLTree()
    /// Open elements, innermost last.
    private var open: [Int32] = [HTMLTree.root]
    /// Depth inside an element whose content is skipped (0: not inside one).
    private var skippedDepth = 0
    /// Set while inside a JSON-LD script, whose text is kept.
    private var inStructuredData = false
    private var context: htmlParserCtxtPtr?
    /// Tags and attribute names by libxml2's interned name pointers: the same name is the same pointer
    /// within one parse, so most lookups skip making a String.
    private var tags: [UnsafeRawPointer: HTMLTag] = [:]
    private var attributeNames: [UnsafeRawPointer: HTMLTree.AttributeName?] = [:]

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses UTF-8 bytes (any NUL replaced).
    static func parse(_ bytes: [UInt8]) -> HTMLTree {
        _ = initialized
        let parser = HTMLTreeParser()
        var input = bytes
        // libxml2 takes a NUL for the end of its input; a browser shows U+FFFD.
        if input.contains(0) {
            input = input.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }
        }
        parser.run(input)
        return parser.tree
    }

    private func run(_ input: [UInt8]) {
        guard !input.isEmpty, input.count < Int(Int32.max) else {
            tree.finish()
            return
        }
        input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let context = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return }
                self.context = context
                defer {
                    self.context = nil
                    htmlFreeParserCtxt(context)
                }
                let options =
                    Int32(
                        HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
                    | Int32(XML_PARSE_HUGE.rawValue)
                htmlCtxtUseOptions(context, options)
                xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                context.pointee.sax.pointee = Self.makeHandler()
                context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
                htmlParseDocument(context)
            }
        }
        // Elements left open at the end close on the last line.
        let last = Int32(tree.nodes.last?.endLine ?? 1)
        for node in open.dropFirst() { tree.nodes[Int(node)].endLine = max(tree.nodes[Int(node)].endLine, last) }
        tree.finish()
    }

    private var line: Int32 {
        Int32(clamping: gloss_xml_line(context))
    }

    // MARK: - SAX events

    private func startElement(
        _ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        let tag = tag(for: name)
        let parent = open.last!
        let index = Int32(tree.nodes.count)
        let line = self.line
        var node = HTMLTree.Node(
            tag: tag, isText: false, parent: parent, line: line, endLine: line,
            start: Int32(tree.attributes.count), count: 0)
        if let attributes {
            var position = 0
            while let rawName = attributes[position] {
                if let name = attributeName(for: rawName) {
                    let value = attributes[position + 1].map(Self.boundedString) ?? ""
                    tree.attributes.append(HTMLTree.Attribute(name: name, value: value))
                    node.count += 1
                }
                position += 2
            }
        }
        tree.nodes.append(node)
        if tree.nodes[Int(parent)].lastChild >= 0 {
            tree.nodes[Int(tree.nodes[Int(parent)].lastChild)].nextSibling = index
        } else {
            tree.nodes[Int(parent)].firstChild = index
        }
        tree.nodes[Int(parent)].lastChild = index
        open.append(index)
        switch tag {
        case .script:
            let type = tree.attribute(.type, of: index)?.lowercased() ?? ""
            inStructuredData = type.hasPrefix("application/ld+json")
            if !inStructuredData { skippedDepth = 1 }
        case .style, .svg, .math, .noscript, .template, .iframe, .object, .embed, .canvas, .video, .audio, .map,
            .select, .datalist, .textarea, .button, .frameset, .noframes:
            skippedDepth = 1
        default:
            break
        }
    }

    private func endElement() {
        if skippedDepth > 1 {
            skippedDepth -= 1
            return
        }
        skippedDepth = 0
        inStructuredData = false
        guard open.count > 1 else { return }
        let node = open.removeLast()
        tree.nodes[Int(node)].endLine = max(tree.nodes[Int(node)].line, line)
    }

    private func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int32) {
        guard skippedDepth == 0, count > 0 else { return }
        let parent = open.last!
        let text = UnsafeBufferPointer(start: bytes, count: Int(count))
        let newlines = text.reduce(into: Int32(0)) { if $1 == UInt8(ascii: "\n") { $0 += 1 } }
        let endLine = line
        let last = tree.nodes[Int(parent)].lastChild
        if last >= 0, tree.nodes[Int(last)].isText,
            tree.nodes[Int(last)].start + tree.nodes[Int(last)].count == Int32(tree.text.count)
        {
            tree.text.append(contentsOf: text)
            tree.nodes[Int(last)].count += count
            tree.nodes[Int(last)].endLine = endLine
            return
        }
        let index = Int32(tree.nodes.count)
        tree.nodes.append(
            HTMLTree.Node(
                tag: .other, isText: true, parent: parent, line: max(1, endLine - newlines), endLine: endLine,
                start: Int32(tree.text.count), count: count))
        tree.text.append(contentsOf: text)
        if last >= 0 {
            tree.nodes[Int(last)].nextSibling = index
        } else {
            tree.nodes[Int(parent)].firstChild = index
        }
        tree.nodes[Int(parent)].lastChild = index
    }

    private func scriptText(_ bytes: UnsafePointer<xmlChar>, _ count: Int32) {
        if inStructuredData && skippedDepth == 0 { characters(bytes, count) }
    }

    /// An attribute's value, cut to its first 4 KB (at a character): no attribute the reader uses is
    /// longer, and a hostile page's megabyte class names are not split into words.
    private static func boundedString(_ value: UnsafePointer<xmlChar>) -> String {
        let length = strnlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self), 4_097)
        guard length > 4_096 else { return String(cString: value) }
        var end = 4_096
        while end > 0, UTF8Scalar.isContinuation(value[end]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(start: value, count: end), as: UTF8.self)
    }

    // MARK: - Names

    private func tag(for name: UnsafePointer<xmlChar>) -> HTMLTag {
        let key = UnsafeRawPointer(name)
        if let known = tags[key] { return known }
        let tag = HTMLTag.byName[String(cString: name)] ?? .other
        tags[key] = tag
        return tag
    }

    private func attributeName(for name: UnsafePointer<xmlChar>) -> HTMLTree.AttributeName? {
        let key = UnsafeRawPointer(name)
        if let known = attributeNames[key] { return known }
        let attribute = HTMLTree.AttributeName.byName[String(cString: name).lowercased()]
        attributeNames[key] = attribute
        return attribute
    }

    // MARK: - The handler

    private static func parser(_ context: UnsafeMutableRawPointer?) -> HTMLTreeParser {
        Unmanaged<HTMLTreeParser>.fromOpaque(context!).takeUnretainedValue()
    }

    private static func makeHandler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let name else { return }
            HTMLTreeParser.parser(context).startElement(name, attributes)
        }
        handler.endElement = { context, _ in HTMLTreeParser.parser(context).endElement() }
        handler.characters = { context, bytes, count in
            guard let bytes else { return }
            HTMLTreeParser.parser(context).characters(bytes, count)
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = { context, bytes, count in
            guard let bytes else { return }
            HTMLTreeParser.parser(context).scriptText(bytes, count)
        }
        return handler
    }
}
