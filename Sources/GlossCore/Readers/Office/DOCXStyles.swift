/// The paragraph styles of a DOCX (`word/styles.xml`) and what each makes of a paragraph: the title, a
/// heading of a level, a list item, a quote, code, a caption, or nothing (a table of contents' entry).
///
/// A heading is known by its style's name ("heading 1"…"heading 9": Word keeps these English names
/// even when it shows localised ones, whose style ids differ, "berschrift1") or, failing that, by the
/// outline level the style or a style it is based on sets.
struct DOCXStyles {
    private struct Style {
        var name: String
        var basedOn: String?
        var outlineLevel: Int?
    }

    private var styles: [String: Style] = [:]
    private var roles: [String: OfficeBlockWriter.Role] = [:]

    init() {}

    init(_ stream: XMLStream) throws(GlossError) {
        var current: (id: String, style: Style)?
        while let event = try stream.next() {
            let name = stream.name
            guard name.namespace == .word else { continue }
            switch (event, name.local) {
            case (.start, "style"):
                current =
                    stream.attribute("type", .word) == "paragraph" || stream.attribute("type", .word) == nil
                    ? (stream.attribute("styleId", .word) ?? "", Style(name: "")) : nil
            case (.start, "name"):
                current?.style.name = (stream.attribute("val", .word) ?? "").lowercased()
            case (.start, "basedOn"):
                current?.style.basedOn = stream.attribute("val", .word)
            case (.start, "outlineLvl"):
                current?.style.outlineLevel = stream.attribute("val", .word).flatMap { Int($0) }
            case (.end, "style"):
                if let (id, style) = current, !id.isEmpty { styles[id] = style }
                current = nil
            default:
                break
            }
        }
        for id in styles.keys { roles[id] = role(ofStyle: id) }
    }

    /// What a paragraph of the style is, a paragraph's own outline level and list numbering given.
    func role(styleID: String?, outlineLevel: Int?, isNumbered: Bool) -> OfficeBlockWriter.Role {
        let styleRole =
            styleID.flatMap { roles[$0] } ?? styleID.map(OfficeBlockWriter.Role.init(styleName:))
            ?? .passage(.paragraph)
        if let outlineLevel, outlineLevel < 9, styleRole == .passage(.paragraph) || styleRole == .passage(.list) {
            return .heading(outlineLevel + 1)
        }
        if isNumbered, styleRole == .passage(.paragraph) { return .passage(.list) }
        return styleRole
    }

    /// The role a style gives, by its name or the first style up its chain that says.
    private func role(ofStyle id: String) -> OfficeBlockWriter.Role {
        var next: String? = id
        var seen: Set<String> = []
        while let current = next, seen.insert(current).inserted, let style = styles[current] {
            let byName = OfficeBlockWriter.Role(styleName: style.name)
            if byName != .passage(.paragraph) { return byName }
            if let level = style.outlineLevel, level < 9 { return .heading(level + 1) }
            next = style.basedOn
        }
        return .passage(.paragraph)
    }
}
