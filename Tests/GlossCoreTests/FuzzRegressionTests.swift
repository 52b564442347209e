import Foundation
import XCTest

@testable import GlossCore

/// Inputs that crashed or hung the fuzz targets (Sources/GlossFuzz), fed to the core exactly as the
/// target did, plus a minimal reproduction of each. The raw inputs are kept in
/// Tests/Fuzz/TARGET/regressions/, where they also seed the fuzzer's corpus.
final class FuzzRegressionTests: XCTestCase {
    /// The bytes of a kept fuzz input.
    private func input(_ target: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> [UInt8]
    {
        let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/\(target)/regressions/\(name)")
        let data = try XCTUnwrap(
            FileManager.default.contents(atPath: url.path), "missing \(url.path)", file: file, line: line)
        return Array(data)
    }

    /// What the plaintext and markdown targets do: decode like `load` (lenient UTF-8 when it refuses
    /// the bytes), read, and index the document in a workspace.
    private func readAndIndex(_ bytes: [UInt8], markdown: Bool) -> Document {
        let text =
            (try? SourceDecoder.decode(bytes, name: "fuzz")).map(\.text) ?? String(decoding: bytes, as: UTF8.self)
        var document = markdown ? MarkdownReader().read(text) : PlainTextReader().read(text)
        document.path = markdown ? "fuzz.md" : "fuzz.txt"
        Workspace().add([document])
        return document
    }

    // MARK: - Tokenizer: a letter-like apostrophe starting a word (hang)

    /// U+02BC and U+02B9 are letters (so a word starts) and apostrophes (so the word loop stops unless
    /// a letter follows): the tokenizer emitted an empty word at the same place forever.
    func testModifierApostropheNotFollowedByALetterEndsTheWord() {
        XCTAssertEqual(Tokenizer().foldedWords("ʼ"), [])
        XCTAssertEqual(Tokenizer().foldedWords("ʹ ʼ. Kyivʼ a"), ["kyiv", "a"])
        XCTAssertEqual(Tokenizer().foldedWords("ʼ1 xʹ2"), ["1", "x", "2"])
        // Between letters it still joins the word, as before.
        XCTAssertEqual(Tokenizer().foldedWords("Zelenskyʼs"), ["zelensky's"])
    }

    func testQueryWithModifierApostropheParses() throws {
        let bytes = try input("query", "modifier-apostrophe-hang")
        XCTAssertNoThrow(try QueryParser.parse(String(decoding: bytes, as: UTF8.self)))
        let session = TestSession.make([("harbor.txt", "Harbor Vote\n\nThe councilʼ vote ʹ was delayed.")])
        XCTAssertEqual(try TestSession.matches("\"ʼ council\"", in: session), ["s0.p1"])
        XCTAssertEqual(
            TestSession.failure("find ʼ", in: session)?.message, "'ʼ' has no letters or digits to search for")
    }

    func testMarkdownWithModifierPrimeIsIndexed() throws {
        let document = readAndIndex(try input("markdown", "modifier-prime-hang.md"), markdown: true)
        XCTAssertGreaterThan(document.passageCount, 0)
        XCTAssertGreaterThan(readAndIndex(Array("Text ʹ here.\n".utf8), markdown: false).passageCount, 0)
    }
}
