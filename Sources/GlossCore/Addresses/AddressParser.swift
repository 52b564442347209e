/// Parses target lists: `kp1-4`, `s3.p1-3`, `kp1,kp3,s2`, `doc:s2`, `doc:`, `doc:title`, `#2-5`, `#1,#4`, `@`.
///
/// A document prefix carries to the following items of the same comma list until another prefix,
/// so `harbor:kp1,kp3` names two key points of `harbor`.
public enum AddressParser {
    /// Largest number accepted in an address; anything bigger is a typo, not an element.
    static let maximumNumber = 1_000_000

    public static func parse(_ text: String) throws(GlossError) -> [TargetItem] {
        var items: [TargetItem] = []
        var document: String?
        var column = 1
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            defer { column += part.count + 1 }
            guard !part.isEmpty else { throw GlossError("empty item in address list '\(text)'", column: column) }
            var body = part
            if let colon = part.firstIndex(of: ":") {
                let name = String(part[..<colon])
                guard !name.isEmpty else {
                    throw GlossError("missing document id before ':' in '\(part)'", column: column)
                }
                document = name
                body = part[part.index(after: colon)...]
                if body.isEmpty {
                    items.append(.element(document: name, .document))
                    continue
                }
            }
            let bodyColumn = column + (part.count - body.count)
            items.append(try parseItem(body, document: document, column: bodyColumn))
        }
        return items
    }

    /// True when a word looks like an address rather than a tag or a query (used to split arguments).
    public static func looksLikeTargets(_ text: String) -> Bool {
        (try? parse(text)) != nil
    }

    private static func parseItem(_ text: Substring, document: String?, column: Int) throws(GlossError) -> TargetItem {
        if text == "@" {
            guard document == nil else {
                throw GlossError("'@' is the whole view and takes no document", column: column)
            }
            return .view
        }
        var scanner = Scanner(text: text, column: column)
        if scanner.take("#") {
            let range = try scanner.range(prefix: "#")
            try scanner.expectEnd(in: text)
            return .results(range)
        }
        if document == nil, text.first == "m", text.dropFirst().first?.isNumber == true {
            _ = scanner.take("m")
            let range = try scanner.range(prefix: "m")
            try scanner.expectEnd(in: text)
            return .marks(range)
        }
        let pattern: ElementPattern
        if text == "title" {
            return .element(document: document, .title)
        } else if scanner.take("kp") {
            pattern = .keyPoints(try scanner.range(prefix: "kp"))
        } else if scanner.take("q") {
            pattern = .faq(try scanner.range(prefix: "q"))
        } else if scanner.take("s") {
            let section = try scanner.number()
            if scanner.take(".p") || scanner.take(".") && scanner.take("p") {
                let first = try scanner.number()
                var last = first
                if scanner.take("-") {
                    if scanner.take("s") {
                        let endSection = try scanner.number()
                        guard endSection == section, scanner.take(".p") else {
                            throw GlossError(
                                "a passage range stays inside one section (s\(section).p\(first)-…)",
                                column: scanner.column)
                        }
                    } else {
                        _ = scanner.take("p")
                    }
                    last = try scanner.number()
                }
                pattern = .passages(section: section, try ordered(first, last, column: column))
            } else {
                var last = section
                if scanner.take("-") {
                    _ = scanner.take("s")
                    last = try scanner.number()
                }
                pattern = .sections(try ordered(section, last, column: column))
            }
        } else {
            throw GlossError(
                "'\(text)' is not an address (try s3, s3.p2, q1, kp4, title, m1, DOC:, #2 or @)", column: column)
        }
        try scanner.expectEnd(in: text)
        return .element(document: document, pattern)
    }

    private static func ordered(_ first: Int, _ last: Int, column: Int) throws(GlossError) -> ClosedRange<Int> {
        guard first <= last else { throw GlossError("range \(first)-\(last) runs backwards", column: column) }
        return first...last
    }

    /// A cursor over one item.
    private struct Scanner {
        var rest: Substring
        var column: Int

        init(text: Substring, column: Int) {
            rest = text
            self.column = column
        }

        mutating func take(_ literal: String) -> Bool {
            guard rest.hasPrefix(literal) else { return false }
            rest = rest.dropFirst(literal.count)
            column += literal.count
            return true
        }

        mutating func number() throws(GlossError) -> Int {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty else {
                let found = rest.first.map { "'\($0)'" } ?? "the end"
                throw GlossError("expected a number, found \(found)", column: column)
            }
            guard digits.count <= 7, let value = Int(digits), value <= AddressParser.maximumNumber else {
                throw GlossError(
                    "number \(digits.prefix(12))\(digits.count > 12 ? "…" : "") is too large", column: column)
            }
            rest = rest.dropFirst(digits.count)
            column += digits.count
            return value
        }

        /// `N` or `N-M` (the end may repeat the prefix: `kp1-kp4`).
        mutating func range(prefix: String) throws(GlossError) -> ClosedRange<Int> {
            let startColumn = column
            let first = try number()
            guard take("-") else { return first...first }
            _ = take(prefix)
            let last = try number()
            guard first <= last else { throw GlossError("range \(first)-\(last) runs backwards", column: startColumn) }
            return first...last
        }

        func expectEnd(in text: Substring) throws(GlossError) {
            guard rest.isEmpty else { throw GlossError("unexpected '\(rest)' in address '\(text)'", column: column) }
        }
    }
}
