import XCTest

@testable import GlossCore

/// The tokenizer folds ASCII words on a fast path and other words scalar by scalar; both must follow
/// the same rules, wherever a word switches from one to the other.
final class TokenizerTests: XCTestCase {
    private func words(_ text: String) -> [String] { Tokenizer().foldedWords(text) }

    func testWordRules() {
        XCTAssertEqual(words("Hello, World! HELLO"), ["hello", "world", "hello"])
        XCTAssertEqual(words("don't rock'n'roll 'quoted' 1990's"), ["don't", "rock'n'roll", "quoted", "1990", "s"])
        XCTAssertEqual(
            words("1.2 billion, 40,000 people, 3. item"), ["1.2", "billion", "40,000", "people", "3", "item"])
        XCTAssertEqual(words("Zelensky’s Zelensky's ZELENSKY＇S"), ["zelensky's", "zelensky's", "zelensky's"])
        XCTAssertEqual(words("café Müller Straße naïve"), ["cafe", "muller", "strasse", "naive"])
        XCTAssertEqual(words("x—y “Quoted” (aside) well-known"), ["x", "y", "quoted", "aside", "well", "known"])
        XCTAssertEqual(words("東京 abc東x"), ["東", "京", "abc", "東", "x"])
        XCTAssertEqual(
            words("The U.S. and the U.K., e.g. here; I. A. Smith U.Sa a.b.c.d."),
            ["the", "u.s.", "and", "the", "u.k.", "e.g.", "here", "i", "a", "smith", "u", "sa", "a.b.c.d."])
        let long = String(repeating: "AbC", count: 40)
        XCTAssertEqual(words("\(long) \(long.lowercased())"), [long.lowercased(), long.lowercased()])
    }

    func testRangesAndPositions() {
        let tokens = Tokenizer().tokens("The café’s “Owner”")
        XCTAssertEqual(tokens.map(\.term), ["the", "cafe's", "owner"])
        XCTAssertEqual(tokens.map(\.position), [0, 1, 2])
        let text = "The café’s “Owner”"
        XCTAssertEqual(
            tokens.map { String(decoding: Array(text.utf8)[$0.utf8Range], as: UTF8.self) }, ["The", "café’s", "Owner"])
    }

    /// Random texts from fragments that sit on both sides of the fast path's boundaries, against a
    /// reference that applies the rules to Unicode scalars one at a time.
    func testRandomTextsAgreeWithAScalarReference() {
        // Long runs too: long words, numbers and runs of punctuation on both sides of the ASCII fast path.
        let fragments = [
            "a", "Ab", "ZED", "9", "1", ".", ",", "'", "’", "é", "Ü", "—", " ", "-", "“", "”", "東", "s", "x", "\n",
            "word", "Longer", "12345678", "@", "[", "`", "{", "/", ":",
        ]
        var random = ReferenceRandom(seed: 7)
        for _ in 0..<10_000 {
            let text = (0..<(1 + random.next(40))).map { _ in fragments[random.next(fragments.count)] }.joined()
            XCTAssertEqual(words(text), referenceWords(text), "text: \(text.debugDescription)")
        }
    }

    private func referenceWords(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let fold: [Unicode.Scalar: String] = ["é": "e", "Ü": "u"]
        func isLetter(_ index: Int) -> Bool { index < scalars.count && scalars[index].properties.isAlphabetic }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || isDigit(scalar) }
        var result: [String] = []
        var current = ""
        var lastWasDigit = false
        var index = 0
        func finish() {
            if !current.isEmpty { result.append(current) }
            current = ""
        }
        func isASCIILetter(_ index: Int) -> Bool {
            index < scalars.count && (("a"..."z").contains(scalars[index]) || ("A"..."Z").contains(scalars[index]))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            // Two or more single letters each followed by a dot, not followed by a letter or digit: one word.
            if current.isEmpty, isASCIILetter(index) {
                var end = index
                var letters = 0
                while isASCIILetter(end), end + 1 < scalars.count, scalars[end + 1] == "." {
                    letters += 1
                    end += 2
                }
                if letters >= 2, !(isASCIILetter(end) || (end < scalars.count && isDigit(scalars[end]))) {
                    result.append(String(String.UnicodeScalarView(scalars[index..<end])).lowercased())
                    index = end
                    continue
                }
            }
            if scalar == "東" {
                finish()
                result.append("東")
            } else if isWord(scalar) {
                current += fold[scalar] ?? String(scalar).lowercased()
                lastWasDigit = isDigit(scalar)
            } else if !current.isEmpty, scalar == "'" || scalar == "’", !lastWasDigit, isLetter(index + 1),
                scalars[index + 1] != "東"
            {
                current += "'"
            } else if !current.isEmpty, scalar == "." || scalar == ",", lastWasDigit, index + 1 < scalars.count,
                isDigit(scalars[index + 1])
            {
                current.unicodeScalars.append(scalar)
            } else {
                finish()
            }
            index += 1
        }
        finish()
        return result
    }
}
