/// What an EPUB's package document (OPF) says, found through `META-INF/container.xml`: the book's
/// Dublin Core metadata, its manifest, its spine (the reading order) and where its navigation is.
/// Every part name is resolved against the archive and checked: a name that leaves the package, or a
/// spine item missing from the archive, is an error naming it.
struct EPUBPackage {
    /// A part of the spine, in reading order.
    struct SpineItem {
        var id: String
        var path: String
        var mediaType: String
    }

    /// The package document's path in the archive ("EPUB/content.opf").
    private(set) var path = ""
    private(set) var title: String?
    /// Metadata in the package's order: creators, dates, language, publisher, description.
    private(set) var metadata: [(key: String, value: String)] = []
    private(set) var spine: [SpineItem] = []
    /// The EPUB 3 navigation document and the EPUB 2 NCX, when the manifest names them.
    private(set) var navigationPath: String?
    private(set) var ncxPath: String?

    /// A manifest item as the package lists it.
    private struct ManifestItem {
        var href: String
        var mediaType: String
        var properties: String
    }

    init(_ archive: inout ZipPackage) throws(GlossError) {
        let name = archive.name
        path = try Self.packagePath(try archive.requireXML("META-INF/container.xml", of: "an EPUB book"), name: name)
        guard let stream = try archive.xml(path, allowsDocumentType: true) else {
            throw GlossError(
                "\(name): the package document \(path) named by META-INF/container.xml is missing from the archive")
        }
        var manifest: [String: ManifestItem] = [:]
        var spineIDs: [String] = []
        var ncxID: String?
        while let event = try stream.next() {
            guard event == .start else { continue }
            switch (stream.name.namespace, stream.name.local) {
            case (.dublinCore, let element):
                try readMetadata(element, stream)
            case (.opf, "meta"):
                // EPUB 3: <meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>
                if stream.attribute("property") == "dcterms:modified" { add("modified", try stream.elementText()) }
            case (.opf, "item"):
                guard let id = stream.attribute("id"), let href = stream.attribute("href") else { continue }
                manifest[id] = ManifestItem(
                    href: href, mediaType: stream.attribute("media-type")?.lowercased() ?? "",
                    properties: stream.attribute("properties") ?? "")
            case (.opf, "spine"):
                ncxID = stream.attribute("toc")
            case (.opf, "itemref"):
                if let id = stream.attribute("idref") { spineIDs.append(id) }
            default:
                break
            }
        }
        for id in spineIDs {
            guard let item = manifest[id] else {
                throw GlossError("\(name): the spine names \(id), which the manifest of \(path) does not list")
            }
            let part = try resolve(item.href, what: "the spine's item \(id)", name: name)
            guard archive.contains(part) else {
                throw GlossError("\(name): the spine's item \(id) (\(part)) is missing from the archive")
            }
            spine.append(SpineItem(id: id, path: part, mediaType: item.mediaType))
        }
        guard !spine.isEmpty else {
            throw GlossError("\(name): the package document \(path) has an empty spine; there is nothing to read")
        }
        if let item = manifest.values.first(where: { $0.properties.split(separator: " ").contains("nav") }) {
            navigationPath = try resolve(item.href, what: "the navigation document", name: name)
        }
        if let item = ncxID.flatMap({ manifest[$0] })
            ?? manifest.values.first(where: { $0.mediaType == "application/x-dtbncx+xml" })
        {
            ncxPath = try resolve(item.href, what: "the NCX table of contents", name: name)
        }
        try Self.refuseEncryption(&archive, spine: spine)
    }

    /// A manifest `href` as a part name of the archive (relative to the package document).
    private func resolve(_ href: String, what: String, name: String) throws(GlossError) -> String {
        let file =
            href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? href
        guard let part = ZipPackage.resolve(file, from: path) else {
            throw GlossError("\(name): \(what) points outside the package (\(href.prefix(200)))")
        }
        return part
    }

    private mutating func readMetadata(_ element: String, _ stream: XMLStream) throws(GlossError) {
        let event = stream.attribute("event", .opf)?.lowercased()
        let text = try stream.elementText().trimmingWhitespace()
        guard !text.isEmpty else { return }
        switch element {
        case "title": if title == nil { title = text }
        case "creator": add("author", text)
        case "date": add(event == "modification" ? "modified" : "published", text)
        case "language": add("lang", text)
        case "publisher": add("publisher", text)
        case "description": add("description", HTMLFragment.text(text))
        default: break
        }
    }

    private mutating func add(_ key: String, _ value: String) {
        let value = value.trimmingWhitespace()
        if !value.isEmpty { metadata.append((key, value)) }
    }

    /// The package document's path: the container's first rootfile of the OPF media type.
    private static func packagePath(_ stream: XMLStream, name: String) throws(GlossError) -> String {
        var found: String?
        while let event = try stream.next() {
            guard event == .start, stream.name.local == "rootfile", let fullPath = stream.attribute("full-path") else {
                continue
            }
            let mediaType = stream.attribute("media-type") ?? "application/oebps-package+xml"
            guard mediaType == "application/oebps-package+xml" else { continue }
            guard let plain = ZipPackage.resolve(fullPath, from: "") else {
                throw GlossError(
                    "\(name): META-INF/container.xml names a package document outside the package (\(fullPath.prefix(200)))"
                )
            }
            if found == nil { found = plain }
        }
        guard let found else { throw GlossError("\(name): META-INF/container.xml names no package document") }
        return found
    }

    /// An EPUB whose chapters are encrypted (a DRM-protected book) cannot be read: refused with one
    /// clear line. Obfuscated fonts, which encryption.xml also lists, do not matter.
    private static func refuseEncryption(_ archive: inout ZipPackage, spine: [SpineItem]) throws(GlossError) {
        guard let stream = try archive.xml("META-INF/encryption.xml", allowsDocumentType: true) else { return }
        let chapters = Set(spine.map(\.path))
        let drm = GlossError("\(archive.name): the book is encrypted (DRM); gloss cannot read it")
        while let event = try stream.next() {
            guard event == .start, stream.name.local == "CipherReference", let uri = stream.attribute("URI") else {
                continue
            }
            // References are relative to the container's root.
            guard let part = ZipPackage.resolve(uri, from: "") else { throw drm }
            if chapters.contains(part) { throw drm }
        }
    }
}
