import XCTest

@testable import GlossCore

/// The HTML reader on small pages, one behaviour each: encodings, whitespace and `<br>`, structure,
/// tables, metadata from JSON-LD, OpenGraph and plain meta tags, schema.org FAQ data, sniffing.
final class HTMLReaderTests: XCTestCase {
    private func read(_ bytes: [UInt8], charset: String? = nil) -> (Document, [String]) {
        var builder = DocumentBuilder(format: .html)
        try? HTMLReader().read(ReaderSource(bytes: bytes, name: "page.html", charset: charset), into: &builder)
        let warnings = builder.warnings
        return (builder.finish(), warnings)
    }

    private func read(_ html: String) -> Document { read(Array(html.utf8)).0 }

    private func texts(_ document: Document) -> [String] { document.sections.flatMap(\.passages).map(\.text) }

    static let paragraph = "The harbour board met on Tuesday to decide the future of the old ferry pier."

    func testEncodingsFollowTheBOMTheServerThePageAndElseUTF8WithAFallback() {
        let body = "<p>Caf\u{E9} cr\u{E8}me, \u{201C}quoted\u{201D}: \(Self.paragraph)</p>"
        let expected = "Café crème, “quoted”: \(Self.paragraph)"
        // Declared by <meta charset>, by http-equiv, and by the server (which wins over the page).
        let latin =
            Array("<html><head><meta charset=\"windows-1252\"></head><body>".utf8)
            + [UInt8]("<p>Caf".utf8) + [0xE9] + [UInt8](" cr".utf8) + [0xE8] + [UInt8]("me, ".utf8) + [0x93]
            + [UInt8]("quoted".utf8)
            + [0x94] + [UInt8](": \(Self.paragraph)</p></body></html>".utf8)
        XCTAssertEqual(texts(read(latin).0), [expected])
        let httpEquiv =
            Array(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>"
                    .utf8) + latin.dropFirst(48)
        XCTAssertEqual(texts(read(httpEquiv).0), [expected])
        let koi8 =
            [UInt8]("<html><body><p>".utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
            + [UInt8](", \(Self.paragraph)</p></body></html>".utf8)
        XCTAssertEqual(texts(read(koi8, charset: "koi8-r").0), ["Привет, \(Self.paragraph)"])
        // UTF-16 with its byte-order mark.
        let utf16: [UInt8] =
            [0xFF, 0xFE] + "<html><body>\(body)</body></html>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(texts(read(utf16).0), [expected])
        // Undeclared and not UTF-8: Windows-1252, with the plain-text reader's warning.
        let undeclared =
            [UInt8]("<html><body><p>Caf".utf8) + [0xE9] + [UInt8](" \(Self.paragraph)</p></body></html>".utf8)
        let (document, warnings) = read(undeclared)
        XCTAssertEqual(texts(document), ["Café \(Self.paragraph)"])
        XCTAssertEqual(warnings, ["page.html: not valid UTF-8 (first bad byte at offset 18); read as Windows-1252"])
        // Declared Latin-1 but written in UTF-8 (a common mislabel): read as UTF-8.
        let mislabelled = Array("<html><head><meta charset=\"iso-8859-1\"></head><body>\(body)</body></html>".utf8)
        XCTAssertEqual(texts(read(mislabelled).0), [expected])
    }

    func testWhitespaceAndLineBreaksAsABrowserShowsThem() {
        let document = read(
            """
            <html><body><article>
            <p>  Spaces   and
            newlines\tcollapse,&nbsp;entities &amp; <b>inline</b><i>markup</i> join.</p>
            <p>One line<br>continues after a break.<br><br>A double break ends the paragraph.</p>
            <pre>let x = 1
              indented()</pre>
            <p>Soft\u{AD}hy\u{AD}phens vanish and zero\u{200B}width spaces too, as browsers show them.</p>
            </article></body></html>
            """)
        XCTAssertEqual(
            texts(document),
            [
                "Spaces and newlines collapse, entities & inlinemarkup join.",
                "One line continues after a break.",
                "A double break ends the paragraph.",
                "let x = 1\n  indented()",
                "Softhyphens vanish and zerowidth spaces too, as browsers show them.",
            ])
        XCTAssertEqual(
            document.sections[0].passages.map(\.kind), [.paragraph, .paragraph, .paragraph, .code, .paragraph])
    }

    func testStructureCaptionsTablesAndLayoutTables() {
        let document = read(
            """
            <html><head><title>Ferry pier to close | Harbour News</title></head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
            <article><h1>Ferry pier to close</h1>
            <p>\(Self.paragraph)</p>
            <figure><img src="pier.jpg"><figcaption>The pier at low tide. <span class="credit">Photo: J. Doe</span></figcaption></figure>
            <h2>What changes</h2><ul><li>Boats move to the new quay.</li><li>Parking closes in May.</li></ul>
            <blockquote><p>It served us well for ninety years.</p><p>We will miss it.</p></blockquote>
            <h3>Timetable</h3>
            <table><caption>Sailings from June</caption><thead><tr><th>Day</th><th>Sailings</th></tr></thead>
            <tbody><tr><td>Weekdays</td><td>12</td></tr><tr><td>Sundays</td><td>6</td></tr></tbody></table>
            <table><tr><td><p>A layout table holds paragraphs, which stay paragraphs.</p></td></tr></table>
            </article>
            <footer><p>© Harbour News. All rights reserved.</p></footer></body></html>
            """)
        XCTAssertEqual(document.title, "Ferry pier to close")
        ReaderOutline.assertDump(
            document,
            equals: """
                title 3: Ferry pier to close
                s0 lead
                  paragraph 4: The harbour board met on … old ferry pier.
                  caption 5: The pier at low tide.
                s1 body h2 6: What changes
                  list 6: Boats move to the new quay.
                  list 6: Parking closes in May.
                  quote 7: It served us well for ninety years.
                  quote 7: We will miss it.
                s2 body h3 8: Timetable
                  caption 9: Sailings from June
                  table-row 9: Day | Sailings
                  table-row 10: Weekdays | 12
                  table-row 10: Sundays | 6
                  paragraph 11: A layout table holds paragraphs, which stay paragraphs.
                """)
    }

    func testMetadataFromJSONLDOpenGraphAndMetaTags() {
        let jsonLD = read(
            """
            <html lang="en-GB"><head>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"#site","name":"Harbour News"},
              {"@type":"Person","@id":"#ana","name":"Ana Lima"},
              {"@type":"NewsArticle","headline":"Pier to close","author":[{"@id":"#ana"},{"@type":"Person","name":"Ben Roe"}],
               "datePublished":"2024-03-05T09:30:00+00:00","dateModified":"2024-03-06T10:00:00+00:00",
               "publisher":{"@type":"Organization","name":"Harbour News Ltd"},"description":"The old pier closes."}]}</script>
            <link rel="canonical" href="https://harbour.example/pier"></head>
            <body><p>\(Self.paragraph)</p></body></html>
            """)
        XCTAssertEqual(jsonLD.title, "Pier to close")
        XCTAssertEqual(jsonLD.metadataValues(.author), ["Ana Lima", "Ben Roe"])
        XCTAssertEqual(jsonLD.metadataValue(.published), "2024-03-05T09:30:00+00:00")
        XCTAssertEqual(jsonLD.metadataValue(.modified), "2024-03-06T10:00:00+00:00")
        XCTAssertEqual(jsonLD.metadataValue(.site), "Harbour News Ltd")
        XCTAssertEqual(jsonLD.metadataValue(.url), "https://harbour.example/pier")
        XCTAssertEqual(jsonLD.metadataValue(.language), "en-GB")
        XCTAssertEqual(jsonLD.metadataValue(.description), "The old pier closes.")

        let openGraph = read(
            """
            <html><head><meta property="og:title" content="Pier to close"><meta property="og:site_name" content="Harbour News">
            <meta property="og:url" content="https://harbour.example/pier"><meta property="og:locale" content="en_US">
            <meta property="article:published_time" content="2024-03-05"><meta property="article:author" content="Ana Lima">
            <meta property="article:author" content="Ben Roe"><meta property="og:description" content="The old pier closes.">
            </head><body><p>\(Self.paragraph)</p></body></html>
            """)
        XCTAssertEqual(openGraph.metadataValues(.author), ["Ana Lima", "Ben Roe"])
        XCTAssertEqual(openGraph.metadataValue(.published), "2024-03-05")
        XCTAssertEqual(openGraph.metadataValue(.site), "Harbour News")
        XCTAssertEqual(openGraph.metadataValue(.language), "en-US")

        let plain = read(
            """
            <html><head><title>Pier to close - Harbour News</title><meta name="author" content="By Ana Lima">
            <meta name="date" content="March 5, 2024"><meta name="description" content="The old pier closes.">
            </head><body><p>\(Self.paragraph)</p><p>Published <time datetime="2024-03-04">yesterday</time>.</p></body></html>
            """)
        XCTAssertEqual(plain.title, "Pier to close")
        XCTAssertEqual(plain.metadataValues(.author), ["Ana Lima"])
        XCTAssertEqual(plain.metadataValue(.published), "2024-03-05")
        XCTAssertEqual(plain.metadataValue(.description), "The old pier closes.")
    }

    func testFAQPageDataGivesFAQEntriesWhenThePageShowsNone() {
        let document = read(
            """
            <html><head><script type="application/ld+json">{"@type":"FAQPage","mainEntity":[
              {"@type":"Question","name":"When does the pier close?","acceptedAnswer":{"@type":"Answer","text":"<p>On <b>1 May</b>.</p>"}},
              {"@type":"Question","name":"Where do boats go?","acceptedAnswer":{"@type":"Answer","text":"To the new quay."}}]}</script>
            </head><body><article><p>\(Self.paragraph)</p></article></body></html>
            """)
        XCTAssertEqual(document.faq.map(\.question), ["When does the pier close?", "Where do boats go?"])
        XCTAssertEqual(document.faq.map(\.answer), ["On 1 May.", "To the new quay."])
        XCTAssertEqual(document.sections.last?.role, .faq)
    }

    func testAVisibleFAQAndAKeyTakeawaysBox() {
        let document = read(
            """
            <html><body><article>
            <aside class="key-takeaways"><h2>Key takeaways</h2><ul><li>Closure: the pier shuts on 1 May.</li><li>Boats move to the new quay</li></ul></aside>
            <p>\(Self.paragraph)</p>
            <h2>Frequently asked questions</h2>
            <h3>Why close it?</h3><p>The piles are rotten.</p>
            <h3>Will it reopen?</h3><p>Not before 2030.</p>
            </article></body></html>
            """)
        XCTAssertEqual(
            document.keyPoints.map { "\($0.label) = \($0.detail)" },
            ["Closure = the pier shuts on 1 May.", "Boats move to the new quay = "])
        XCTAssertEqual(document.faq.map(\.question), ["Why close it?", "Will it reopen?"])
        XCTAssertEqual(document.faq.map(\.answer), ["The piles are rotten.", "Not before 2030."])
    }

    func testBoilerplateAroundAndInsideTheArticleIsLeftOut() {
        let document = read(
            """
            <html><body>
            <div id="cookie-banner"><p>We use cookies to improve your experience, as explained in our policy here.</p></div>
            <header class="site-header"><a href="/">Harbour News</a></header>
            <main><article>
            <p>\(Self.paragraph)</p>
            <div class="ad-slot"><span>Advertisement</span></div>
            <p>Read more: <a href="/other">Another story about boats and tides and harbours</a></p>
            <p>The board said a new pier would cost more than twelve million pounds, and no grant was available.</p>
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
            <div hidden><p>A hidden paragraph that a reader never sees on the page at all.</p></div>
            </article>
            <section id="comments"><p>I remember fishing off that pier every summer as a boy, lovely place.</p></section>
            <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">A story that many people read today</a></li></ul></aside>
            </main></body></html>
            """)
        XCTAssertEqual(
            texts(document),
            [
                Self.paragraph,
                "The board said a new pier would cost more than twelve million pounds, and no grant was available.",
            ])
    }

    func testPagesAreRecognisedByTheirFirstBytes() {
        let reader = HTMLReader()
        func claims(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { reader.claims(head: $0) } }
        XCTAssertTrue(claims("<!DOCTYPE html><html>"))
        XCTAssertTrue(claims("\u{FEFF}  \n<!-- saved page --><HTML lang=en>"))
        XCTAssertTrue(claims("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"))
        XCTAssertFalse(claims("Title\n\nA plain-text article that mentions <html> later."))
        XCTAssertFalse(claims("# Markdown\n\n<div>inline html</div>"))
        XCTAssertEqual(
            ReaderRegistry.standard.reader(forPath: "/saved/page", bytes: Array("<!doctype html><p>x</p>".utf8)).name,
            "HTML")
    }
}
