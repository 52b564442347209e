/// The text of a piece of HTML found inside data (a FAQ answer in JSON-LD): parsed, not stripped
/// by pattern, and collapsed to one line.
enum HTMLFragment {
    static func text(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else {
            return html.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let tree = HTMLTreeParser.parse(Array(("<body>" + html + "</body>").utf8))
        return tree.plainText(of: HTMLTree.root)
    }
}
