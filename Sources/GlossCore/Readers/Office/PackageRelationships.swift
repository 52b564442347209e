/// The links an Office Open XML part has to other parts (`word/_rels/document.xml.rels`): which part
/// holds the styles, the comments, the footnotes. Types are matched by their last path component, as
/// the strict and transitional schemas give them different prefixes.
struct PackageRelationships {
    struct Relationship {
        var type: String
        /// The linked part's name in the archive; nil for an external link (a hyperlink's address).
        var part: String?
    }

    private(set) var relationships: [Relationship] = []

    /// The relationships of `part`, from its `.rels` part when the archive has one.
    init(of part: String, in package: inout ZipPackage) throws(GlossError) {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let fileName = part.split(separator: "/").last.map(String.init) ?? ""
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + fileName + ".rels"
        guard let stream = try package.xml(relsName) else { return }
        while let event = try stream.next() {
            guard event == .start, stream.name.local == "Relationship" else { continue }
            let type = stream.attribute("Type") ?? ""
            let target = stream.attribute("Target") ?? ""
            let external = stream.attribute("TargetMode") == "External"
            let resolved = external ? nil : ZipPackage.resolve(target, from: part.isEmpty ? "_" : part)
            relationships.append(Relationship(type: String(type.split(separator: "/").last ?? ""), part: resolved))
        }
    }

    /// The first linked part of a type ("styles", "comments", "officeDocument").
    func part(ofType type: String) -> String? {
        relationships.first { $0.type == type && $0.part != nil }?.part
    }
}
