import XCTest

@testable import GlossCore

/// Anchors read only the words at the ends of a text; they must be the words a full split gives.
final class AnchorTests: XCTestCase {
    func testHeadAndTailAreTheFirstAndLastWordsOfAFullSplit() {
        let pieces = [
            "word", "Port", "Alder’s", " ", "  ", "\n", "\t", "\u{A0}", "\u{2003}", "e\u{301}", "👩‍💻", "東京", "\r\n", "-",
            ".",
        ]
        var random = ReferenceRandom(seed: 17)
        for _ in 0..<4_000 {
            let text = (0..<random.next(60)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let anchor = Anchor(text: text)
            let words = text.split(whereSeparator: \.isWhitespace)
            XCTAssertEqual(anchor.head, words.prefix(Anchor.words).joined(separator: " "), text.debugDescription)
            XCTAssertEqual(
                anchor.tail, words.count > Anchor.words ? words.suffix(Anchor.words).joined(separator: " ") : "",
                text.debugDescription)
            XCTAssertEqual(anchor.hash, Anchor.hash(of: text))
        }
    }
}
