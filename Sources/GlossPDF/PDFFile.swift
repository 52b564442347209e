@preconcurrency import CPoppler
import Foundation
import GlossCore

/// An open PDF (poppler-glib): its pages' glyphs and its information dictionary. Not shared between
/// threads; each load worker opens its own.
final class PDFFile {
    private let document: OpaquePointer
    let pageCount: Int

    /// poppler sets up its global state on the first document it opens; that first open is made here,
    /// once, so the load's cores never race to do it.
    private static let initialized: Bool = {
        let empty: [CChar] = Array("%PDF-1.0\n".utf8CString)
        var failure = gloss_pdf_failure()
        if let document = empty.withUnsafeBufferPointer({ gloss_pdf_open($0.baseAddress, $0.count - 1, &failure) }) {
            gloss_pdf_close(document)
        }
        return true
    }()

    init(_ bytes: [UInt8], name: String) throws(GlossError) {
        _ = Self.initialized
        var failure = gloss_pdf_failure()
        let opened = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { gloss_pdf_open($0.baseAddress, $0.count, &failure) }
        }
        guard let opened else {
            if failure.code == 1 {
                throw GlossError("\(name): the PDF is encrypted (it needs a password); gloss cannot read it")
            }
            throw GlossError("\(name): the PDF is damaged or not a PDF (\(Self.message(failure)))")
        }
        document = opened
        pageCount = Int(poppler_document_get_n_pages(opened))
    }

    deinit {
        gloss_pdf_close(document)
    }

    /// The glyphs of a page (0-based), in poppler's order; nil when poppler cannot give the page.
    func glyphs(ofPage index: Int) -> PDFPageGlyphs? {
        var page = gloss_pdf_page()
        guard gloss_pdf_page_read(document, Int32(index), &page) != 0 else { return nil }
        defer { gloss_pdf_page_free(&page) }
        return PDFPageGlyphs(page)
    }

    var title: String? { Self.take(gloss_pdf_title(document)) }
    var author: String? { Self.take(gloss_pdf_author(document)) }
    var subject: String? { Self.take(gloss_pdf_subject(document)) }
    var created: Date? { Self.date(gloss_pdf_created(document)) }
    var modified: Date? { Self.date(gloss_pdf_modified(document)) }

    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { gloss_pdf_free(pointer) }
        let value = String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    private static func date(_ seconds: Int64) -> Date? {
        seconds > 0 ? Date(timeIntervalSince1970: TimeInterval(seconds)) : nil
    }

    private static func message(_ failure: gloss_pdf_failure) -> String {
        let text = withUnsafeBytes(of: failure.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "poppler cannot open it" : "poppler: " + trimmed
    }
}

/// One page's glyphs as poppler gives them: a character, its box (points, y downwards), its font.
struct PDFPageGlyphs {
    struct Glyph {
        var scalar: Unicode.Scalar
        var x0: Double
        var y0: Double
        var x1: Double
        var y1: Double
        var size: Double
        var flags: Int32
    }

    static let bold: Int32 = 1
    static let italic: Int32 = 2
    static let monospace: Int32 = 4

    var glyphs: [Glyph] = []
    var width: Double
    var height: Double

    init(_ page: gloss_pdf_page) {
        width = page.width
        height = page.height
        guard let text = page.text else { return }
        let count = Int(page.box_count)
        glyphs.reserveCapacity(count)
        var runIndex = 0
        var index = 0
        for scalar in String(cString: text).unicodeScalars {
            guard index < count else { break }
            let box = page.boxes[index]
            while runIndex < Int(page.run_count), Int(page.runs[runIndex].end) < index { runIndex += 1 }
            let run =
                runIndex < Int(page.run_count) && Int(page.runs[runIndex].start) <= index ? page.runs[runIndex] : nil
            glyphs.append(
                Glyph(
                    scalar: scalar, x0: box.x1, y0: box.y1, x1: box.x2, y1: box.y2,
                    size: run?.size ?? 0, flags: run?.flags ?? 0))
            index += 1
        }
    }
}
