import Foundation
import GlossCore
import ZIPFoundation

/// The small workspace the session targets run against: two short articles (plain text and Markdown)
/// loaded in memory, and the same files plus a script in a private temporary folder, so `load`,
/// `replay` and `tags import` have something real to read. Writes are disabled.
enum FuzzFixture {
    static let plainName = "harbor.txt"
    static let markdownName = "ferry.md"
    static let scriptName = "code.gloss"

    static let plainText = """
        Harbor Barrier Vote Delayed

        The council of Port Alder postponed its vote on a $1.2 billion storm-surge barrier.

        Storm warnings came well before the surge reached the old barrier; NATO was not involved.

        Costs And Grants

        The barrier costs $1.2 billion, or 1,200 million dollars, before maintenance.

        - gates close in storms
        - fishing boats wait

        Frequently Asked Questions

        Who pays for the barrier?

        The city pays, with a federal grant of up to 40 percent.

        When will the council decide?

        Next week.

        | Key Points | Details |
        |---|---|
        | Cost | $1.2 billion, excluding maintenance. |
        | Vote | Postponed by one week. |
        """

    static let markdownText = """
        ---
        title: Ferry fares
        ---
        # Ferry Fares Rise

        The state ferry authority approved a *12 percent* fare increase, citing `fuel` costs.

        ## Frequently Asked Questions

        ### When do the new fares start?

        On June 1.

        | Ticket | Before | After |
        |---|---|---|
        | Adult | $8.00 | $9.00 |

        > Residents keep their discount.

        1. Monthly passes rise.
        2. Annual passes stay.

        ```
        fare = fare * 1.12
        ```
        """

    static let script = """
        # A short coding script
        outline --sections
        tag s1.p1 cost/construction
        find barrier
        tag #1 theme/flooding
        note s1.p1 "Check the maintenance figure"
        mark s1.p1 "1.2 billion" cost/dispute
        """

    /// The in-memory documents, read once.
    static let documents: [Document] = [
        document(plainText, name: plainName),
        document(markdownText, name: markdownName),
    ]

    static func document(_ text: String, name: String) -> Document {
        var document = DocumentLoader.parse(text, pathExtension: name.hasSuffix(".md") ? "md" : "txt")
        document.path = name
        document.sha256 = HexDigest.sha256(Array(text.utf8))
        return document
    }

    /// The sandbox folder, created once per process and removed at exit.
    static let directory: String = {
        var template = Array((NSTemporaryDirectory() + "/gloss-fuzz-XXXXXX").utf8CString)
        let path = template.withUnsafeMutableBufferPointer { buffer -> String in
            guard let made = mkdtemp(buffer.baseAddress!) else {
                fatalError("GlossFuzz: cannot create a temporary folder")
            }
            return String(cString: made)
        }
        for (name, text) in [(plainName, plainText), (markdownName, markdownText), (scriptName, script)] {
            _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8))
        }
        atexit { try? FileManager.default.removeItem(atPath: FuzzFixture.directory) }
        return path
    }()

    /// Every command, with those that take paths refusing any path that could leave the sandbox
    /// (absolute, `~`, `..`, or with a `/` that a glob or brace could turn absolute): a fuzzer must
    /// not walk the file system (slow, not a bug) nor read outside the fixture.
    static let registry = CommandRegistry(
        CommandRegistry.standard.commands.map { spec in
            let pathArguments = spec.arguments.filter { $0.kind == .path }.map(\.name)
            let pathOptions = spec.options.filter { $0.kind == .path }.map(\.name)
            guard !pathArguments.isEmpty || !pathOptions.isEmpty else { return spec }
            var guarded = spec
            let run = spec.run
            guarded.run = { (invocation: inout CommandInvocation) throws(GlossError) in
                let paths =
                    pathArguments.flatMap { invocation.words($0).map(\.text) }
                    + pathOptions.compactMap { invocation.option($0) }
                for path in paths where path.contains("/") || path.contains("..") || path.hasPrefix("~") {
                    throw GlossError("GlossFuzz: path outside the sandbox: \(path)")
                }
                try run(&invocation)
            }
            return guarded
        })

    /// A fresh session over the two articles, with writes disabled, as `gloss run` would see it.
    static func session() -> Session {
        let session = Session(registry: registry, baseDirectory: directory)
        session.isScript = true
        session.sandbox = ScriptSandbox(writableRoots: [], readableRoots: [directory], strict: true)
        session.frontEnd.terminalWidth = 80
        session.workspace.add(documents)
        return session
    }

    /// The bytes of an office document for the docx and odt targets: the input itself when it is an
    /// archive (`PK`), else a package whose main part is the input (the other parts fixed).
    static func package(_ bytes: [UInt8], part: String) -> [UInt8] {
        if bytes.starts(with: [0x50, 0x4B]) { return bytes }
        if part == "content.xml" {
            return officeArchive([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)), (part, bytes)])
        }
        let rels = """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            </Relationships>
            """
        let comments = """
            <w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="1" w:author="A">\
            <w:p><w:r><w:t>Note.</w:t></w:r></w:p></w:comment></w:comments>
            """
        let documentRels = """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>\
            </Relationships>
            """
        return officeArchive([
            ("[Content_Types].xml", Array("<Types/>".utf8)), ("_rels/.rels", Array(rels.utf8)), (part, bytes),
            ("word/_rels/document.xml.rels", Array(documentRels.utf8)), ("word/comments.xml", Array(comments.utf8)),
        ])
    }

    /// The bytes of an e-book for the epub target: the input itself when it is an archive (`PK`), else
    /// a book whose second chapter is the input, with a navigation document pointing into it.
    static func book(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0x50, 0x4B]) { return bytes }
        let container = """
            <?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\
            <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
            """
        let package = """
            <?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">\
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Fuzz</dc:title></metadata><manifest>\
            <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>\
            <item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>\
            </manifest><spine><itemref idref="a"/><itemref idref="b"/></spine></package>
            """
        let navigation = """
            <html xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol><li><a href="a.xhtml">One</a></li>\
            <li><a href="b.xhtml#c2">Two</a><ol><li><a href="b.xhtml#s1">Two A</a></li></ol></li></ol></nav></body></html>
            """
        let first =
            "<html><body><h1>One</h1><p>See<a epub:type=\"noteref\" href=\"b.xhtml#n1\">1</a>.</p></body></html>"
        return officeArchive([
            ("mimetype", Array("application/epub+zip".utf8)), ("META-INF/container.xml", Array(container.utf8)),
            ("OEBPS/content.opf", Array(package.utf8)), ("OEBPS/nav.xhtml", Array(navigation.utf8)),
            ("OEBPS/a.xhtml", Array(first.utf8)), ("OEBPS/b.xhtml", bytes),
        ])
    }

    /// A stored (uncompressed) ZIP archive of the parts, written here so the target spends its time in
    /// the readers rather than in deflate.
    static func officeArchive(_ parts: [(String, [UInt8])]) -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        func append16(_ value: Int, _ bytes: inout [UInt8]) {
            bytes += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)]
        }
        func append32(_ value: UInt32, _ bytes: inout [UInt8]) {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
        }
        for (name, contents) in parts {
            let offset = UInt32(archive.count)
            let checksum = Data(contents).crc32(checksum: 0)
            var fields: [UInt8] = []
            append16(0, &fields)  // flags
            append16(0, &fields)  // stored
            append16(0, &fields)
            append16(0x21, &fields)
            append32(checksum, &fields)
            append32(UInt32(contents.count), &fields)
            append32(UInt32(contents.count), &fields)
            append16(name.utf8.count, &fields)
            append32(0x0403_4B50, &archive)
            append16(20, &archive)
            archive += fields
            append16(0, &archive)
            archive += Array(name.utf8) + contents
            append32(0x0201_4B50, &directory)
            append16(20, &directory)
            append16(20, &directory)
            directory += fields
            append16(0, &directory)
            append16(0, &directory)
            append16(0, &directory)
            append16(0, &directory)
            append32(0, &directory)
            append32(offset, &directory)
            directory += Array(name.utf8)
        }
        let directoryOffset = archive.count
        archive += directory
        append32(0x0605_4B50, &archive)
        append16(0, &archive)
        append16(0, &archive)
        append16(parts.count, &archive)
        append16(parts.count, &archive)
        append32(UInt32(directory.count), &archive)
        append32(UInt32(directoryOffset), &archive)
        append16(0, &archive)
        return archive
    }
}
