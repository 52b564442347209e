import Foundation

/// `export html`: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) showing a
/// bar chart of tag frequencies, the codebook, the coded segments grouped by tag (with their documents
/// and addresses), and the notes; with `--all`, each document in full, coded passages tinted in their
/// tag colours with a coding stripe per tag in the margin.
enum HTMLReportExporter: WorkspaceExporter {
    static let name = "html"
    static let summary =
        "a self-contained HTML report: tag chart, codebook, coded segments by tag, notes (--all: documents with coding stripes)"

    /// Colours for tags without one of their own, chosen to stay distinct side by side.
    static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
        "#bcbd22", "#7f7f7f", "#393b79", "#ad494a",
    ]

    static func export(_ context: ExportContext) throws(GlossError) -> [UInt8] {
        var page = HTMLPage(context: context)
        return Array(page.render().utf8)
    }

    /// The colour of a tag: its own, else its nearest coloured ancestor's, else one from the palette.
    static func colors(for tags: [Tag]) -> [String: String] {
        var colors: [String: String] = [:]
        for (index, tag) in tags.sorted(by: { $0.order < $1.order }).enumerated() {
            colors[tag.key] = tag.color.flatMap(TerminalColor.hex(for:)) ?? palette[index % palette.count]
        }
        let byKey = Dictionary(tags.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for tag in tags where tag.color == nil {
            var parent = Tag.parent(of: tag.path)
            while let current = parent {
                if let own = byKey[Tag.key(current)]?.color.flatMap(TerminalColor.hex(for:)) {
                    colors[tag.key] = own
                    break
                }
                parent = Tag.parent(of: current)
            }
        }
        return colors
    }
}

/// Builds the page piece by piece.
private struct HTMLPage {
    let context: ExportContext
    let colors: [String: String]
    let codebook: CodebookSummary
    var html = ""

    init(context: ExportContext) {
        self.context = context
        colors = HTMLReportExporter.colors(for: context.tags)
        codebook = CodebookSummary(context.workspace.annotations)
    }

    var workspace: Workspace { context.workspace }

    mutating func render() -> String {
        let documents = context.documents
        html += """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>gloss report</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header><h1>Coding report</h1><p class="meta">gloss \(GlossVersion.current) · \(Counted.phrase(documents.count, "document")) · \(Counted.phrase(context.tags.count, "tag"))\(context.viewOnly ? " · working view only" : "")</p></header>

            """
        chart()
        codebookTable()
        codedSegments()
        if context.includesDocuments {
            for document in documents { self.document(document) }
        }
        notes()
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: - Chart and codebook

    mutating func chart() {
        let counts = context.tags.map { ($0, codebook.totalCount($0.key)) }.filter { $0.1 > 0 }
        guard let maximum = counts.map(\.1).max() else { return }
        let rowHeight = 22
        let labelWidth = 220
        let barWidth = 420
        let height = counts.count * rowHeight + 10
        html +=
            "<section><h2>Tag frequencies</h2>\n<svg class=\"chart\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(height)\" role=\"img\" aria-label=\"Bar chart of tag frequencies\">\n"
        for (index, (tag, count)) in counts.enumerated() {
            let y = index * rowHeight + 5
            let width = max(2, barWidth * count / maximum)
            html += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(tag.path))</text>"
            html +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" fill=\"\(colors[tag.key]!)\"><title>\(escape(tag.path)): \(count)</title></rect>"
            html += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(count)</text>\n"
        }
        html += "</svg></section>\n"
    }

    mutating func codebookTable() {
        html +=
            "<section><h2>Codebook</h2>\n<table class=\"codebook\"><thead><tr><th>Tag</th><th>Direct</th><th>Total</th><th>Description</th></tr></thead><tbody>\n"
        for tag in context.tags {
            html +=
                "<tr><td style=\"padding-left:\(0.5 + Double(tag.depth) * 1.2)em\">\(swatch(tag.key))\(escape(tag.name))</td>"
            html +=
                "<td class=\"n\">\(codebook.directCount(tag.key))</td><td class=\"n\">\(codebook.totalCount(tag.key))</td>"
            html += "<td>\(escape(tag.description ?? ""))</td></tr>\n"
        }
        html += "</tbody></table></section>\n"
    }

    func swatch(_ key: String) -> String {
        "<span class=\"swatch\" style=\"background:\(colors[key] ?? "#999")\"></span>"
    }

    // MARK: - Coded segments

    /// For each tag, what it retrieves: each coded element with its document and address (a section with
    /// everything in it, a whole document by its title), and each marked span.
    mutating func codedSegments() {
        let codings = CodingsByTag(context)
        let tags = context.tags.filter { codings.count(of: $0.key) > 0 }
        guard !tags.isEmpty else { return }
        html += "<section class=\"segments\"><h2>Coded segments by tag</h2>\n"
        for tag in tags {
            html += "<h3>\(swatch(tag.key))\(escape(tag.path)) <small>\(codings.count(of: tag.key))</small></h3>\n"
            if let description = tag.description { html += "<p class=\"meta\">\(escape(description))</p>\n" }
            for ref in codings.elements[tag.key] ?? [] {
                let document = workspace.corpus.documents[ref.document]
                var body: String
                switch ref.address {
                case .document:
                    body = "<p class=\"meta\">whole document\(document.title.map { ": " + escape($0) } ?? "")</p>"
                case .title:
                    body = "<p><b>\(highlighted(ref, part: .title, text: document.title ?? ""))</b></p>"
                case .section(let s):
                    body =
                        "<p><b>\(highlighted(ref, part: .heading, text: document.sections[s].heading ?? "(lead)"))</b></p>"
                    for part in CodingsByTag.parts(of: ref, in: context) {
                        body +=
                            "<div class=\"part\"><span class=\"address\">\(escape("\(part.address)"))</span>\(self.body(of: part))</div>"
                    }
                default:
                    body = self.body(of: ref)
                }
                html += segment(ref, body: body)
            }
            for mark in codings.marks[tag.key] ?? [] {
                let quote = "<p>“<mark \(markStyle(mark))>\(escape(mark.quote))</mark>”</p>"
                let notes = workspace.annotations.notes(about: .mark(mark.id)).map {
                    "<div class=\"note\">n\($0.id): \(escape($0.text))</div>"
                }.joined()
                html +=
                    "<div class=\"segment\"><div class=\"source\">\(escape(workspace.corpus.label(mark.element, qualified: true))) · m\(mark.id)\(pageNote(mark.element))</div>\(quote)\(notes)</div>\n"
            }
        }
        html += "</section>\n"
    }

    /// One coded element under its tag: document and address, its text, the notes about it.
    func segment(_ ref: ElementRef, body: String) -> String {
        let document = workspace.corpus.documents[ref.document]
        let title = document.title.map { " — " + escape($0) } ?? ""
        let notes = workspace.annotations.notes(about: .element(ref)).map {
            "<div class=\"note\">n\($0.id): \(escape($0.text))</div>"
        }.joined()
        return
            "<div class=\"segment\"><div class=\"source\">\(escape(workspace.corpus.label(ref, qualified: true)))\(pageNote(ref))\(title)</div>\(body)\(notes)</div>\n"
    }

    // MARK: - Documents

    mutating func document(_ index: Int) {
        let document = workspace.corpus.documents[index]
        let subtitle = document.title == nil ? "" : " <small>\(escape(document.id))</small>"
        html += "<article class=\"document\"><h2>\(escape(document.title ?? document.id))\(subtitle)</h2>\n"
        html += row(ElementRef(document: index, address: .document), body: "", kind: "document")
        let layout = ElementRenderer(workspace: workspace, view: context.viewOnly ? workspace.viewUnits : nil).layout(
            of: index)
        for s in document.sections.indices where s > 0 || document.hasLead {
            let section = ElementRef(document: index, address: .section(s))
            guard context.includes(section) || !context.viewOnly else { continue }
            let level = min(6, 3 + layout.depth(ofSection: s))
            if let heading = document.sections[s].heading {
                html += row(
                    section, body: "<h\(level)>\(highlighted(section, part: .heading, text: heading))</h\(level)>",
                    kind: "heading")
            }
            for child in layout.children[s] where context.includes(child) {
                html += row(child, body: body(of: child), kind: "passage")
            }
        }
        html += "</article>\n"
    }

    /// The HTML of an element's text, marks highlighted.
    func body(of ref: ElementRef) -> String {
        let document = workspace.corpus.documents[ref.document]
        switch ref.address {
        case .passage(let s, let p):
            let passage = document.sections[s].passages[p - 1]
            let text = highlighted(ref, part: UnitKind(passage.kind), text: passage.text)
            switch passage.kind {
            case .quote: return "<blockquote>\(text)</blockquote>"
            case .code: return "<pre>\(text)</pre>"
            case .list: return "<p class=\"list\">\(text)</p>"
            case .caption: return "<p class=\"caption\">\(text)</p>"
            case .footnote: return "<p class=\"footnote\">\(text)</p>"
            default: return "<p>\(text)</p>"
            }
        case .faq(let q):
            let entry = document.faq[q - 1]
            return
                "<p class=\"question\">\(highlighted(ref, part: .question, text: entry.question))</p><p>\(highlighted(ref, part: .answer, text: entry.answer))</p>"
        case .keyPoint(let k):
            let point = document.keyPoints[k - 1]
            return
                "<p class=\"keypoint\">\(highlighted(ref, part: .keyPoint, text: workspace.corpus.text(of: ref)).replacingOccurrences(of: escape(point.label), with: "<b>\(escape(point.label))</b>", options: .anchored))</p>"
        default:
            return ""
        }
    }

    /// "p. 12" under an element's address, for a document read from pages (a PDF).
    func pageNote(_ ref: ElementRef) -> String {
        guard ref.address != .document, let page = workspace.corpus.documents[ref.document].page(of: ref.address) else {
            return ""
        }
        return "<span class=\"page\">p. \(page)</span>"
    }

    /// One row: coding stripes in the margin, the address, the text tinted by its first tag, tag chips, notes.
    func row(_ ref: ElementRef, body: String, kind: String) -> String {
        let annotations = workspace.annotations
        var keys = (annotations.elementTags[ref] ?? []).sorted()
        for mark in annotations.marks(on: ref) where context.includes(mark) {
            for key in mark.tags where !keys.contains(key) { keys.append(key) }
        }
        let notes = annotations.notes(about: .element(ref))
        if kind == "document" && keys.isEmpty && notes.isEmpty { return "" }
        let direct = annotations.elementTags[ref] ?? []
        let tint = keys.first { direct.contains($0) }.flatMap { colors[$0] }
        var stripes =
            "<svg class=\"stripes\" width=\"\(max(1, keys.count) * 6)\" height=\"100%\" preserveAspectRatio=\"none\" viewBox=\"0 0 \(max(1, keys.count) * 6) 10\">"
        for (index, key) in keys.enumerated() {
            stripes +=
                "<rect x=\"\(index * 6)\" y=\"0\" width=\"4\" height=\"10\" fill=\"\(colors[key] ?? "#999")\"><title>\(escape(annotations.tags[key]?.path ?? key))</title></rect>"
        }
        stripes += "</svg>"
        var result =
            "<div class=\"row \(kind)\"><div class=\"margin\">\(stripes)</div><div class=\"address\">\(escape(ref.address == .document ? "whole document" : "\(ref.address)"))\(pageNote(ref))</div>"
        result +=
            "<div class=\"text\"\(tint.map { " style=\"background:\($0)1f;border-left:3px solid \($0)\"" } ?? "")>\(body)"
        if !keys.isEmpty {
            result +=
                "<div class=\"chips\">"
                + keys.map { key in
                    "<span class=\"chip\" style=\"border-color:\(colors[key] ?? "#999")\">\(swatch(key))\(escape(annotations.tags[key]?.path ?? key))\(direct.contains(key) ? "" : " (span)")</span>"
                }.joined() + "</div>"
        }
        for note in notes { result += "<div class=\"note\">n\(note.id): \(escape(note.text))</div>" }
        for mark in annotations.marks(on: ref) where context.includes(mark) {
            for note in annotations.notes(about: .mark(mark.id)) {
                result += "<div class=\"note\">m\(mark.id) n\(note.id): \(escape(note.text))</div>"
            }
        }
        return result + "</div></div>\n"
    }

    /// A mark's tint: its first tag's colour, grey without one.
    func markStyle(_ mark: Mark) -> String {
        let color = mark.tags.first.flatMap { colors[$0] } ?? "#999999"
        return "style=\"background:\(color)33;border-bottom:2px solid \(color)\""
    }

    /// Text with its marks wrapped in <mark>, in the colour of the mark's first tag.
    func highlighted(_ ref: ElementRef, part: UnitKind, text: String) -> String {
        let marks = workspace.annotations.marks(on: ref).filter { $0.part == part && context.includes($0) }.sorted {
            $0.start < $1.start
        }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        var cursor = 0
        for mark in marks where mark.start >= cursor && mark.end <= scalars.count {
            result += escape(String(String.UnicodeScalarView(scalars[cursor..<mark.start])))
            let tags = mark.tags.compactMap { workspace.annotations.tags[$0]?.path }.joined(separator: ", ")
            result += "<mark \(markStyle(mark)) title=\"m\(mark.id): \(escape(tags))\">"
            result += escape(String(String.UnicodeScalarView(scalars[mark.start..<mark.end]))) + "</mark>"
            cursor = mark.end
        }
        return result + escape(String(String.UnicodeScalarView(scalars[min(cursor, scalars.count)...])))
    }

    // MARK: - Notes

    mutating func notes() {
        let annotations = workspace.annotations
        let notes = annotations.notes.values.sorted { $0.id < $1.id }
        guard !notes.isEmpty else { return }
        html += "<section><h2>Notes</h2><ul class=\"notes\">\n"
        for note in notes {
            let targets = note.targets.map { NoteListing.describe($0, in: workspace, qualified: true) }.joined(
                separator: ", ")
            html +=
                "<li><b>n\(note.id)</b> <span class=\"targets\">\(escape(targets))</span><br>\(escape(note.text))</li>\n"
        }
        html += "</ul></section>\n"
    }

    /// HTML text: markup characters escaped; control characters (never valid in documents) dropped.
    func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "<br>"
            default:
                if scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static let css = """
        body{font:15px/1.5 Georgia,'Times New Roman',serif;color:#222;max-width:980px;margin:2em auto;padding:0 1em;background:#fcfcfa}
        h1,h2,h3,h4,h5,h6{font-family:Helvetica,Arial,sans-serif;margin:.6em 0 .3em}
        h2 small,h3 small{color:#888;font-weight:normal;font-size:.6em}
        .segment{margin:.4em 0 .8em;padding:.2em .6em;border-left:3px solid #ddd}
        .segment .source{font:12px Helvetica,Arial,sans-serif;color:#666}
        .segment .part{display:flex;gap:.6em}.segment .part .address{font:11px Menlo,monospace;color:#888;min-width:4em;padding-top:.3em}
        .meta{color:#666;font-family:Helvetica,Arial,sans-serif}
        section,article{margin:2em 0}
        .chart text{font:12px Helvetica,Arial,sans-serif;fill:#333}
        table.codebook{border-collapse:collapse;font-family:Helvetica,Arial,sans-serif;font-size:13px}
        table.codebook th,table.codebook td{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
        table.codebook td.n{text-align:right;font-variant-numeric:tabular-nums}
        .swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;vertical-align:-1px}
        .row{display:flex;align-items:stretch;margin:.35em 0}
        .margin{width:48px;flex:none;display:flex;justify-content:flex-end;padding-right:4px}
        .stripes{display:block;min-height:1.5em}
        .address{width:64px;flex:none;font:12px Menlo,Consolas,monospace;color:#777;padding-top:.3em}
        .address .page{display:block;font-size:11px;color:#999}
        .text{flex:1;padding:.1em .6em;border-left:3px solid transparent;border-radius:2px}
        .text p{margin:.2em 0}
        .text p.question{font-weight:bold}
        .text p.list::before{content:"• "}
        blockquote{margin:.2em 0;font-style:italic;color:#444}
        pre{white-space:pre-wrap;font-size:13px}
        mark{color:inherit;padding:0 1px}
        .chips{margin:.2em 0}
        .chip{display:inline-block;font:11px Helvetica,Arial,sans-serif;border:1px solid;border-radius:9px;padding:0 .5em;margin:0 .3em .2em 0;background:#fff}
        .note{font:13px Helvetica,Arial,sans-serif;color:#555;background:#f4f1e8;border-left:3px solid #c9b98f;padding:.2em .5em;margin:.25em 0}
        .notes li{margin:.4em 0}
        .targets{font:12px Menlo,Consolas,monospace;color:#777}
        """
}
