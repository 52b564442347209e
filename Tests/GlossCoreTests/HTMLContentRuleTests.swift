import XCTest

@testable import GlossCore

/// The rules that find a page's article, one small page each: every page here is one that a rule got
/// wrong before it was written, reduced to its markup.
final class HTMLContentRuleTests: XCTestCase {
    private func texts(_ html: String) -> [String] {
        var builder = DocumentBuilder(format: .html)
        try? HTMLReader().read(ReaderSource(bytes: Array(html.utf8), name: "page.html", charset: nil), into: &builder)
        return builder.finish().sections.flatMap(\.passages).map(\.text)
    }

    private static let first =
        "The harbour board met on Tuesday to decide the future of the old ferry pier, and it took all day."
    private static let second =
        "The board said a new pier would cost more than twelve million pounds, and no grant was available."
    private static let third =
        "A decision is expected in the spring, after the town has had its say at two public meetings."

    /// A blog archive widget, with more text than the post and too few links to read as a link list.
    private static let archive = (1...60).map {
        "<li><a class=\"toggle\">► </a><a href=\"/\($0)\">July</a> (\($0))</li>"
    }.joined()

    /// Whether the reader leaves out the first element with this class, by its names.
    private func skips(_ className: String, in html: String) -> Bool {
        let tree = HTMLTreeParser.parse(Array(html.utf8))
        guard
            let node = (0..<Int32(tree.nodes.count)).first(where: {
                !tree[$0].isText && tree.attribute(.class, of: $0) == className
            })
        else { return false }
        return HTMLBoilerplate.skipped(in: tree)[Int(node)]
    }

    func testAWrapperNamedForItsFirstLineKeepsThePostInside() {
        // Blogger: div.date-outer holds the date header and the post; "date" alone names a time stamp.
        let page = """
            <html><body><div class="main">
            <div class="date-outer"><h2 class="date-header">Monday, October 29, 2012</h2>
            <div class="date-posts"><div class="post-outer"><div class="post hentry">
            <div class="post-body entry-content">\(Self.first)<br><br>\(Self.second)<br><br>\(Self.third)</div>
            </div></div></div></div></div>
            <div class="widget BlogArchive"><ul>\(Self.archive)</ul></div>
            </body></html>
            """
        XCTAssertEqual(texts(page), [Self.first, Self.second, Self.third])
        XCTAssertFalse(skips("date-outer", in: page))
        // The same weak name without a post inside is still left out.
        let date =
            "<html><body><article><p>\(Self.first)</p><div class=\"date-outer\">Updated on the morning of Monday, October 29, 2012, at seven.</div><p>\(Self.second)</p></article></body></html>"
        XCTAssertEqual(texts(date), [Self.first, Self.second])
        XCTAssertTrue(skips("date-outer", in: date))
    }

    func testANameOfTheArticleBodyOutweighsABoilerplateWordInAnotherClass() {
        // "handle-adX2" says "ad"; "entry-content" says the article's body, which here holds less than
        // half the page's text.
        let page = """
            <html><body>
            <div class="story"><div class="slice text entry-content handle-adX2"><p>\(Self.first)</p><p>\(Self.second)</p></div></div>
            <div class="explainer">\((1...5).map { "<p>Mystery \($0): <a href=\"/\($0)\">what happened to the lighthouse keeper on the night of the storm</a>, and why nobody asks</p>" }.joined())</div>
            </body></html>
            """
        XCTAssertEqual(texts(page), [Self.first, Self.second])
        XCTAssertFalse(skips("slice text entry-content handle-adX2", in: page))
        // A comment's body is still a comment.
        let comment =
            "<html><body><div class=\"post\"><p>\(Self.first)</p><p>\(Self.second)</p><div class=\"comment entry-content\"><p>I remember fishing off that pier every summer as a boy, lovely place to be.</p></div></div></body></html>"
        XCTAssertEqual(texts(comment), [Self.first, Self.second])
        XCTAssertTrue(skips("comment entry-content", in: comment))
    }

    func testAPageWhoseParserLeftEverythingInTheHeadIsStillRead() {
        // libxml2 keeps what follows an unknown element in the head inside the head; a browser shows it.
        let page = """
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
            <html><head><title>Pier</title><mbox>
            <table><tr><td><p>\(Self.first)</p><p>\(Self.second)</p></td></tr></table>
            </html>
            """
        XCTAssertEqual(texts(page), [Self.first, Self.second])
    }

    func testASentenceThatIsALinkStaysAndATeaserLinkGoes() {
        let sentence = "This week the board filmed the whole meeting, and you can watch the video of it here."
        let page = """
            <html><body><article>
            <p>\(Self.first)</p>
            <p><a href="/video">\(sentence)</a></p>
            <p><a href="/other">Why did the ferry company leave the harbour in the first place?</a></p>
            <p><a href="/other2">Ferry company leaves the harbour after forty years of service to the town</a></p>
            <p>\(Self.second)</p>
            </article></body></html>
            """
        XCTAssertEqual(texts(page), [Self.first, sentence, Self.second])
    }

    func testCommentsUnderAHeadingInTheSameContainerAreLeftOut() {
        // A flat blog page: the post's paragraphs, then a "Comments" heading and the comments as siblings.
        let page = """
            <html><body><div class="blog">
            <h2>The pier</h2><p>\(Self.first)</p><p>\(Self.second)</p>
            <h3>3 Responses to "The pier"</h3>
            <p>I remember fishing off that pier every summer as a boy, lovely place to be.</p>
            <p class="posted">Posted by: Sam, 12 May, 10:31</p>
            <h3>Leave a Reply</h3><p>Your e-mail address will not be published, and we read everything.</p>
            </div></body></html>
            """
        XCTAssertEqual(texts(page), [Self.first, Self.second])
        // A heading that only mentions comments opens no comments.
        let section =
            "<html><body><article><p>\(Self.first)</p><h2>Comments from the harbour master</h2><p>\(Self.second)</p></article></body></html>"
        XCTAssertEqual(texts(section), [Self.first, Self.second])
        XCTAssertTrue(HTMLBlockFilter.isCommentsHeading("One thought on “The pier”"))
        XCTAssertTrue(HTMLBlockFilter.isCommentsHeading("No comments yet."))
        XCTAssertTrue(HTMLBlockFilter.isCommentsHeading("Comments are now closed for this story"))
        XCTAssertFalse(HTMLBlockFilter.isCommentsHeading("Comments closed the hearing on the harbour bridge plan"))
        XCTAssertFalse(HTMLBlockFilter.isCommentsHeading("Responses to the flood"))
    }

    func testCommentsOpenedByAShortLineRatherThanAHeadingAreLeftOut() {
        // An old news page: the story's paragraphs and the readers' comments share one class and one
        // container; only a "Comments" line (a div, not a heading) tells them apart.
        let comment = "What a marvellous opportunity for the town, I hope they build it quickly this time."
        let page = """
            <html><body><div class="story">
            <p class="story">\(Self.first)</p><p class="story">\(Self.second)</p>
            <a name="comments"></a><div class="yvhd">Comments</div>
            <p class="story">\(comment)</p>
            <p class="story">Posted by Sam on January 10, 2008 5:15 PM Report this comment</p>
            </div></body></html>
            """
        XCTAssertEqual(texts(page), [Self.first, Self.second])
        // Before the article begins, such a line opens nothing (a comment count under the headline).
        let counted = """
            <html><body><div class="story"><div>12 comments</div>
            <p>\(Self.first)</p><p>\(Self.second)</p></div></body></html>
            """
        XCTAssertEqual(texts(counted), [Self.first, Self.second])
    }

    func testATableOfLinksIsNavigationNotArticle() {
        // A portal's section menu laid out as a table inside the story's cell.
        let menu = ["Local News", "Sports", "Money", "Obituaries", "Editorials"].map {
            "<tr><td></td><td> | <a href=\"/\($0)\">\($0)</a></td></tr>"
        }.joined()
        let page = """
            <html><body><div class="story"><p>\(Self.first)</p><p>\(Self.second)</p><p>\(Self.third)</p>
            <table>\(menu)</table></div></body></html>
            """
        XCTAssertEqual(texts(page), [Self.first, Self.second, Self.third])
        // A data table whose cells hold a link or two stays.
        let data = """
            <html><body><div class="story"><p>\(Self.first)</p><p>\(Self.second)</p>
            <table><tr><th>Pier</th><th>Cost</th></tr>
            <tr><td><a href="/a">Old pier</a></td><td>4.1 million pounds in 1998</td></tr>
            <tr><td><a href="/b">New pier</a></td><td>12 million pounds, estimated</td></tr>
            <tr><td>Ferry slip</td><td>2 million pounds, repairs only</td></tr></table></div></body></html>
            """
        XCTAssertEqual(texts(data).count, 6, "\(texts(data))")
    }

    func testABoxOfOtherStoriesAfterTheArticleIsLeftOutWhole() {
        // "More" heads a box of teasers (headline links with their summaries) in its own container
        // inside the story's: the heading alone went before, the summaries stayed.
        let teasers = (1...3).map {
            "<p><a href=\"/\($0)\">Council backs new ferry timetable</a> The council voted on Monday to run the ferry "
                + "every hour from May, after a year of complaints from the island's residents (\($0)).</p>"
        }.joined()
        let fourth =
            "Islanders have asked for a pier that can take the larger ferries now on the route, and for "
            + "a waiting room that stays open in winter."
        let page = """
            <html><body><div class="story"><p>\(Self.first)</p><p>\(Self.second)</p><p>\(Self.third)</p>
            <p>\(fourth)</p><div class="box"><h3>More</h3>\(teasers)</div></div></body></html>
            """
        XCTAssertEqual(texts(page), [Self.first, Self.second, Self.third, fourth])
        // The same heading before the article has begun, or over prose of its own, leaves the box.
        let early = """
            <html><body><div class="story"><p>Monday 14 January</p><div class="box"><h3>More</h3>
            <p>\(Self.first)</p><p>\(Self.second)</p></div></div></body></html>
            """
        XCTAssertEqual(texts(early), ["Monday 14 January", Self.first, Self.second])
    }
}
