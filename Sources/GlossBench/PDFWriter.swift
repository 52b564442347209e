import CGlossZlib
import Foundation

/// Lays out a `GeneratedDocument` on Letter pages and writes it as a PDF: Helvetica text set line by
/// line (a title, bold headings in larger sizes, justified-width body paragraphs, bulleted list items,
/// table rows as lines of cells), a running header and a page number on every page, and deflated
/// content streams, as a word processor's export has. Written by hand rather than through cairo (which
/// poppler-glib pulls in) so the benchmark needs no new library and the pages are the same on every
/// machine: the standard fonts are not embedded, and their widths are estimated closely enough to wrap.
///
/// `pageLimit` stops the layout before the block that would start a page past the limit; `blocksUsed`
/// says how many blocks made it in. Footnotes are not set (a PDF's notes are text like any other).
struct PDFWriter {
    private(set) var pages: [String] = []
    private(set) var blocksUsed = 0
    private var page = ""
    private var y = 0.0
    private let title: String

    static let width = 612.0, height = 792.0, left = 72.0, right = 540.0, top = 720.0, bottom = 72.0

    init(_ document: GeneratedDocument, pageLimit: Int) {
        title = document.title
        newPage()
        line(document.title, size: 22, bold: true, x: Self.left)
        y -= 18
        for block in document.blocks {
            let lines = layout(block)
            let height = lines.reduce(0.0) { $0 + $1.advance }
            // A heading is not split across pages, and does not end a page alone.
            var isHeading = false
            if case .heading = block { isHeading = true }
            let needed = height + (isHeading ? 3 * 14 : 0)
            if pages.count + 1 >= pageLimit, y - needed < Self.bottom { break }
            if isHeading, y - needed < Self.bottom { newPage() }
            for piece in lines {
                if y - piece.advance < Self.bottom {
                    newPage()
                    y -= piece.size * 1.27
                } else {
                    y -= piece.advance
                }
                line(piece.text, size: piece.size, bold: piece.bold, x: piece.x, wordSpacing: piece.wordSpacing)
            }
            blocksUsed += 1
        }
        finishPage()
    }

    var pageCount: Int { pages.count }

    private struct Line {
        var text: String
        var size: Double
        var bold: Bool
        var x: Double
        /// Space from the previous line's baseline to this one's.
        var advance: Double
        /// Extra space per space character that justifies the line (`Tw`).
        var wordSpacing = 0.0
    }

    private func layout(_ block: GeneratedDocument.Block) -> [Line] {
        switch block {
        case .heading(let level, let text):
            let size = level == 1 ? 18.0 : 14.0
            return wrap(text, size: size, bold: true, x: Self.left, before: level == 1 ? 20 : 12)
        case .paragraph(let text, _, _):
            return wrap(text, size: 11, bold: false, x: Self.left, before: 8)
        case .listItem(let text):
            var lines = wrap(text, size: 11, bold: false, x: Self.left + 14, before: 4)
            lines[0].text = "\u{2022} " + lines[0].text
            lines[0].x = Self.left + 4
            return lines
        case .table(let rows):
            return rows.flatMap { wrap($0.joined(separator: " | "), size: 11, bold: false, x: Self.left, before: 6) }
        }
    }

    /// Greedy wrapping on estimated Helvetica widths.
    private func wrap(_ text: String, size: Double, bold: Bool, x: Double, before: Double) -> [Line] {
        let available = Self.right - x
        var lines: [Line] = []
        var current = ""
        var currentWidth = 0.0
        let space = Self.width(" ", size: size, bold: bold)
        for word in text.split(separator: " ") {
            let wordWidth = Self.width(word, size: size, bold: bold)
            if !current.isEmpty, currentWidth + space + wordWidth > available {
                // Justified, as a word processor sets body text: every line but the last reaches the margin.
                let spaces = current.utf8.filter { $0 == 0x20 }.count
                lines.append(
                    Line(
                        text: current, size: size, bold: bold, x: x,
                        advance: size * 1.27 + (lines.isEmpty ? before : 0),
                        wordSpacing: bold || spaces == 0 ? 0 : (available - currentWidth) / Double(spaces)))
                current = ""
                currentWidth = 0
            }
            if !current.isEmpty {
                current += " "
                currentWidth += space
            }
            current += word
            currentWidth += wordWidth
        }
        lines.append(
            Line(text: current, size: size, bold: bold, x: x, advance: size * 1.27 + (lines.isEmpty ? before : 0)))
        return lines
    }

    /// Helvetica's advance widths (per 1000 units of the size) from its AFM, which poppler uses for the
    /// unembedded font too; accented letters are as wide as their base letter. Bold is wider by about 6%.
    static func width<S: StringProtocol>(_ text: S, size: Double, bold: Bool) -> Double {
        var units = 0
        for character in text.unicodeScalars {
            let base =
                character.isASCII
                ? character : String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? character
            if base.isASCII, base.value >= 32, base.value < 127 {
                units += asciiWidths[Int(base.value) - 32]
                continue
            }
            switch character {
            case "\u{2018}", "\u{2019}": units += 222
            case "\u{201C}", "\u{201D}": units += 333
            case "\u{2022}": units += 350
            case "\u{2014}", "\u{2026}": units += 1000
            default: units += 556
            }
        }
        return Double(units) * size / 1000 * (bold ? 1.06 : 1)
    }

    /// Widths of the printable ASCII characters, space (32) to tilde (126).
    static let asciiWidths = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]

    private mutating func newPage() {
        if !page.isEmpty || !pages.isEmpty || y != 0 { finishPage() }
        page = ""
        y = Self.top
        // The running header and the page number.
        let number = pages.count + 1
        page += "BT /F1 9 Tf 1 0 0 1 \(Self.left) 750 Tm (\(Self.encoded(title))) Tj ET\n"
        page += "BT /F1 9 Tf 1 0 0 1 300 40 Tm (\(number)) Tj ET\n"
    }

    private mutating func finishPage() {
        pages.append(page)
        page = ""
    }

    private mutating func line(_ text: String, size: Double, bold: Bool, x: Double, wordSpacing: Double = 0) {
        page +=
            "BT /\(bold ? "F2" : "F1") \(Self.number(size)) Tf \(Self.number(wordSpacing)) Tw 1 0 0 1 \(Self.number(x)) \(Self.number(y)) Tm (\(Self.encoded(text))) Tj ET\n"
    }

    static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Text in WinAnsiEncoding, a PDF string's specials escaped; characters it lacks become "?".
    static func encoded(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let byte: UInt8
            switch scalar.value {
            case 0x28, 0x29, 0x5C:
                result += "\\" + String(scalar)
                continue
            case 0x20...0x7E: byte = UInt8(scalar.value)
            case 0xA0...0xFF: byte = UInt8(scalar.value)
            case 0x2018: byte = 0x91
            case 0x2019: byte = 0x92
            case 0x201C: byte = 0x93
            case 0x201D: byte = 0x94
            case 0x2022: byte = 0x95
            case 0x2013: byte = 0x96
            case 0x2014: byte = 0x97
            case 0x2026: byte = 0x85
            case 0x20AC: byte = 0x80
            default: byte = 0x3F
            }
            if byte < 0x80 {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += String(format: "\\%03o", byte)
            }
        }
        return result
    }

    /// The file: catalog, page tree, the two fonts, document info, then each page and its content stream.
    func data() -> Data {
        var output = Data("%PDF-1.5\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        func object(_ body: Data) {
            offsets.append(output.count)
            output.append(Data("\(offsets.count) 0 obj\n".utf8))
            output.append(body)
            output.append(Data("\nendobj\n".utf8))
        }
        let firstPage = 6
        let kids = (0..<pages.count).map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        object(Data("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        object(Data("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        object(Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8))
        object(Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".utf8))
        object(
            Data("<< /Title (\(Self.encoded(title))) /Producer (GlossBench) /CreationDate (D:20260101090000Z) >>".utf8))
        for (index, content) in pages.enumerated() {
            object(
                Data(
                    ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Int(Self.width)) \(Int(Self.height))] "
                        + "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(firstPage + 2 * index + 1) 0 R >>")
                        .utf8))
            let stream = Self.deflated(Data(content.utf8))
            var body = Data("<< /Length \(stream.count) /Filter /FlateDecode >>\nstream\n".utf8)
            body.append(stream)
            body.append(Data("\nendstream".utf8))
            object(body)
        }
        let xref = output.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        output.append(Data(table.utf8))
        return output
    }

    static func deflated(_ data: Data) -> Data {
        var length = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = data.withUnsafeBytes { input in
            compress2(&output, &length, input.bindMemory(to: Bytef.self).baseAddress, uLong(data.count), 6)
        }
        precondition(status == Z_OK, "zlib compress2 failed")
        return Data(output.prefix(Int(length)))
    }
}
