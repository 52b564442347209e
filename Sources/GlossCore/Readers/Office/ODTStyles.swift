/// The paragraph styles of an OpenDocument text (common styles from `styles.xml`, automatic ones from
/// either part) and what each makes of a `text:p`: the title, a quote, code, a caption, a table of
/// contents' entry. An automatic style ("P3") says through its parent which style it derives from.
struct ODTStyles {
    private struct Style {
        var displayName: String?
        var parent: String?
    }

    private var styles: [String: Style] = [:]

    /// Adds the styles declared in a part, reading it whole (`styles.xml`).
    mutating func add(_ stream: XMLStream) throws(GlossError) {
        while let event = try stream.next() {
            if event == .start { addStyle(at: stream) }
        }
    }

    /// Adds the style whose start the stream is at, if it is a paragraph style.
    mutating func addStyle(at stream: XMLStream) {
        guard stream.name.namespace == .odfStyle, stream.name.local == "style",
            stream.attribute("family", .odfStyle) == "paragraph", let name = stream.attribute("name", .odfStyle)
        else { return }
        styles[name] = Style(
            displayName: stream.attribute("display-name", .odfStyle),
            parent: stream.attribute("parent-style-name", .odfStyle))
    }

    /// The role of a paragraph of the style, found by name up the chain of parents.
    func role(of name: String?) -> OfficeBlockWriter.Role {
        var next = name
        var seen: Set<String> = []
        while let current = next, seen.insert(current).inserted {
            let style = styles[current]
            let role = OfficeBlockWriter.Role(styleName: style?.displayName ?? Self.decoded(current))
            if role != .passage(.paragraph) { return role }
            next = style?.parent
        }
        return .passage(.paragraph)
    }

    /// A style's name with ODF's escapes of characters a name cannot hold undone ("Heading_20_1").
    static func decoded(_ name: String) -> String {
        guard name.contains("_") else { return name }
        var result = ""
        var rest = Substring(name)
        while let start = rest.firstIndex(of: "_") {
            result += rest[..<start]
            let after = rest[rest.index(after: start)...]
            if let end = after.firstIndex(of: "_"),
                let scalar = UInt32(after[..<end], radix: 16).flatMap(Unicode.Scalar.init)
            {
                result.unicodeScalars.append(scalar)
                rest = after[after.index(after: end)...]
            } else {
                result += "_"
                rest = after
            }
        }
        return result + rest
    }
}
