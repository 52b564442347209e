import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small element tree read with `XMLParser`, for tests to inspect exported XML. (Foundation's
/// `XMLDocument` on Linux crashes on attributes of namespaced elements.) Names are local names.
final class XMLTree {
    final class Element {
        let name: String
        let attributes: [String: String]
        private(set) var children: [Element] = []
        fileprivate(set) var text = ""
        private(set) weak var parent: Element?

        init(name: String, attributes: [String: String], parent: Element?) {
            self.name = name
            self.attributes = attributes
            self.parent = parent
            parent?.children.append(self)
        }

        subscript(attribute: String) -> String? { attributes[attribute] }

        func children(named name: String) -> [Element] { children.filter { $0.name == name } }

        /// This element and everything below it named `name`, in document order.
        func descendants(named name: String) -> [Element] {
            (self.name == name ? [self] : []) + children.flatMap { $0.descendants(named: name) }
        }
    }

    let root: Element

    init(_ data: Data) throws {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        guard parser.parse(), builder.failed == false, let root = builder.root else {
            throw NSError(
                domain: "XMLTree", code: 1,
                userInfo: [NSLocalizedDescriptionKey: "not well-formed XML at line \(parser.lineNumber)"])
        }
        self.root = root
    }

    convenience init(_ text: String) throws { try self.init(Data(text.utf8)) }

    func elements(_ name: String) -> [Element] { root.descendants(named: name) }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var current: Element?
        var failed = false

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            let element = Element(name: elementName, attributes: attributes, parent: current)
            if root == nil { root = element }
            current = element
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current?.text += string }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            current = current?.parent
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }
    }
}
