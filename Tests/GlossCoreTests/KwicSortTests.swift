import Foundation
import XCTest

@testable import GlossCore

/// kwic --sort left/right against a sort on every word of the context, and the key's cut on long contexts.
final class KwicSortTests: XCTestCase {
    private struct Line: Equatable {
        var address: String, left: String, match: String, right: String
    }

    private func lines(_ command: String, in session: Session) throws -> [Line] {
        // The widest context, so the JSON holds each passage's whole context (they are short here).
        let output = try TestSession.run(command + " --json --width 500", in: session)
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        XCTAssertEqual(array.map { $0["number"] as? Int }, Array(1...array.count), "rows numbered like find's")
        return array.map {
            Line(
                address: ($0["document"] as! String) + ":" + ($0["address"] as! String), left: $0["left"] as! String,
                match: $0["match"] as! String, right: $0["right"] as! String)
        }
    }

    /// Contexts here are shorter than the key, so the keyed sort must give the full-context order, ties
    /// (equal contexts, such as matches ending their passage) in document order.
    func testSortsAgreeWithAFullContextSort() throws {
        let session = TestSession.make(FastPathReferenceTests.corpus(seed: 5, documents: 40))
        for word in ["barrier", "the", "vote"] {
            let documentOrder = try lines("kwic \(word)", in: session)
            XCTAssertGreaterThan(documentOrder.count, 20)
            for side in ["left", "right"] {
                let keys = documentOrder.map { line -> [String] in
                    side == "left" ? Tokenizer().foldedWords(line.left).reversed() : Tokenizer().foldedWords(line.right)
                }
                let expected = documentOrder.indices.sorted { a, b in
                    keys[a].lexicographicallyPrecedes(keys[b]) || (keys[a] == keys[b] && a < b)
                }.map { documentOrder[$0] }
                XCTAssertEqual(
                    try lines("kwic \(word) --sort \(side)", in: session), expected, "\(word) --sort \(side)")
            }
        }
    }

    /// A long context is keyed on its words nearest the match, whole words only.
    func testLongContextsAreKeyedOnTheirNearestWholeWords() {
        let filler = (0..<200).map { "w\($0)" }.joined(separator: " ")
        let right = "One two three " + filler + " " + String(repeating: "x", count: 700)
        XCTAssertEqual(ReadingKeys.right(right), ["one", "two", "three"] + (0..<9).map { "w\($0)" })
        let left = String(repeating: "y", count: 700) + " " + filler + " nine ten"
        XCTAssertEqual(ReadingKeys.left(left), ["ten", "nine"] + (0..<10).map { "w\(199 - $0)" })
        // A context of one long word cut by the slice has no whole word near the match.
        XCTAssertEqual(ReadingKeys.right(String(repeating: "z", count: 2_000)), [])
    }

    private enum ReadingKeys {
        static func right(_ text: String) -> [String] { SearchCommands.contextKey(text, nearestAtEnd: false) }
        static func left(_ text: String) -> [String] { SearchCommands.contextKey(text, nearestAtEnd: true) }
    }
}
