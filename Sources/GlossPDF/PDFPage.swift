/// A page's lines as read, before its reading order is worked out.
struct PDFPage {
    var number: Int
    var width: Double
    var height: Double
    var lines: [PDFLine]
}
