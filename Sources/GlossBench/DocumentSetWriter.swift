import Foundation

/// Writes the documents of the format benchmark under one folder: for each size of text, the same
/// documents as DOCX, ODT, EPUB and Markdown; for each page count, PDFs and their Markdown. Lists them
/// in `documents.json`.
struct DocumentSetWriter {
    var source: ArticleSource
    let output: String
    let documentsPerSize: Int

    struct Listing: Codable {
        var sets: [DocumentSet]
    }

    mutating func write(formats: [String], textSizes: [Double], pageCounts: [Int]) throws -> [DocumentSet] {
        try? FileManager.default.removeItem(atPath: output)
        var sets: [DocumentSet] = []
        let textFormats = formats.filter { $0 != "pdf" }
        if !textFormats.isEmpty {
            for megabytes in textSizes {
                let label = String(format: "%g MB", megabytes)
                let folder = output + String(format: "/text-%gmb", megabytes)
                source.restart()
                let documents = (0..<documentsPerSize).map {
                    document(number: $0 + 1, textBytes: Int(megabytes * 1e6) / documentsPerSize)
                }
                for format in textFormats + ["markdown"] {
                    sets.append(try write(documents, format: format, size: label, folder: folder + "/" + format))
                }
            }
        }
        if formats.contains("pdf") {
            for pages in pageCounts {
                let folder = output + "/pdf-\(pages)"
                source.restart()
                let perDocument = max(1, pages / documentsPerSize)
                var pdfs: [PDFWriter] = []
                var documents: [GeneratedDocument] = []
                for number in 1...documentsPerSize {
                    let document = self.document(number: number, textBytes: perDocument * 4_500)
                    pdfs.append(PDFWriter(document, pageLimit: perDocument))
                    documents.append(document)
                }
                try FileManager.default.createDirectory(atPath: folder + "/pdf", withIntermediateDirectories: true)
                try FileManager.default.createDirectory(atPath: folder + "/markdown", withIntermediateDirectories: true)
                var expected = GeneratedDocument.Outline(sections: 0, passages: 0)
                var textBytes = 0
                for (index, (pdf, document)) in zip(pdfs, documents).enumerated() {
                    let name = String(format: "report-%02d", index + 1)
                    try pdf.data().write(to: URL(fileURLWithPath: folder + "/pdf/" + name + ".pdf"))
                    // What was set: the blocks that fit the pages, without notes.
                    var used = document
                    used.blocks = used.blocks.prefix(pdf.blocksUsed).map { block in
                        if case .paragraph(let text, _, _) = block {
                            return .paragraph(text: text, note: nil, comment: nil)
                        }
                        return block
                    }
                    let markdown = MarkdownWriter.write(used)
                    try markdown.write(toFile: folder + "/markdown/" + name + ".md", atomically: true, encoding: .utf8)
                    expected.sections += used.expectedOutline.sections
                    expected.passages += used.expectedOutline.passages
                    textBytes += used.textBytes
                }
                let pageTotal = pdfs.reduce(0) { $0 + $1.pageCount }
                sets.append(
                    DocumentSet(
                        format: "pdf", size: "\(pages) pages", folder: folder + "/pdf", documents: documentsPerSize,
                        textBytes: textBytes, pages: pageTotal, expected: expected, comments: 0))
                sets.append(
                    DocumentSet(
                        format: "markdown", size: "\(pages) pages", folder: folder + "/markdown",
                        documents: documentsPerSize,
                        textBytes: textBytes, pages: 0, expected: expected, comments: 0))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(Listing(sets: sets)).write(to: URL(fileURLWithPath: output + "/documents.json"))
        return sets
    }

    /// A document of chapters taken from the articles until it holds `textBytes` of text.
    private mutating func document(number: Int, textBytes: Int) -> GeneratedDocument {
        var document = GeneratedDocument(title: "Regional news digest, volume \(number)")
        var bytes = document.title.utf8.count
        while bytes < textBytes {
            let chapter = source.nextChapter()
            bytes += GeneratedDocument(title: "", blocks: chapter).textBytes
            document.blocks += chapter
        }
        return document
    }

    private func write(_ documents: [GeneratedDocument], format: String, size: String, folder: String) throws
        -> DocumentSet
    {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var expected = GeneratedDocument.Outline(sections: 0, passages: 0)
        for (index, document) in documents.enumerated() {
            let name = folder + String(format: "/report-%02d.", index + 1)
            switch format {
            case "docx": try Data(try DOCXWriter.write(document)).write(to: URL(fileURLWithPath: name + "docx"))
            case "odt": try Data(try ODTWriter.write(document)).write(to: URL(fileURLWithPath: name + "odt"))
            case "epub": try Data(try EPUBWriter.write(document)).write(to: URL(fileURLWithPath: name + "epub"))
            default: try MarkdownWriter.write(document).write(toFile: name + "md", atomically: true, encoding: .utf8)
            }
            expected.sections += document.expectedOutline.sections
            expected.passages += document.expectedOutline.passages
        }
        return DocumentSet(
            format: format, size: size, folder: folder, documents: documents.count,
            textBytes: documents.reduce(0) { $0 + $1.textBytes }, pages: 0, expected: expected,
            comments: format == "docx" || format == "odt" ? documents.reduce(0) { $0 + $1.commentCount } : 0)
    }
}
