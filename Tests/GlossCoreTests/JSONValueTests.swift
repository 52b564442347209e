import Foundation
import XCTest

@testable import GlossCore

/// JSON text written on bytes: strings escaped as before (scalar by scalar), read back by Foundation's
/// parser as the same text, and lazy arrays written as the arrays they stand for.
final class JSONValueTests: XCTestCase {
    func testStringsAreEscapedAsScalarByScalarAndReadBack() throws {
        let pieces = [
            "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "é", "東", "👩‍💻",
            "\u{202E}", "\u{2066}", "\u{200F}", "\u{2028}", "\u{2029}", "/", "'", "plain text of some length ",
        ]
        var random = ReferenceRandom(seed: 31)
        for _ in 0..<3_000 {
            let text = (0..<random.next(24)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let written = JSONValue.string(text).serialized()
            XCTAssertEqual(written, Self.reference(text), text.debugDescription)
            let parsed = try JSONSerialization.jsonObject(with: Data("[\(written)]".utf8)) as? [String]
            XCTAssertEqual(parsed, [text], text.debugDescription)
        }
    }

    func testLazyArraysWriteAsArrays() {
        let values: [JSONValue] = [
            .object([("a", 1), ("b", .array(["x", .null]))]), "two", .lazyArray(JSONLazyArray(count: 2) { .int($0) }),
        ]
        let eager = JSONValue.object([("items", .array(values)), ("empty", .array([]))])
        let lazy = JSONValue.object([
            ("items", .lazyArray(JSONLazyArray(count: values.count) { values[$0] })),
            ("empty", .lazyArray(JSONLazyArray(count: 0) { _ in .null })),
        ])
        for pretty in [true, false] {
            XCTAssertEqual(lazy.serialized(pretty: pretty), eager.serialized(pretty: pretty))
        }
        XCTAssertEqual(eager.serialized(pretty: false), #"{"items":[{"a":1,"b":["x",null]},"two",[0,1]],"empty":[]}"#)
    }

    /// How strings were written before: scalar by scalar.
    private static func reference(_ value: String) -> String {
        var output = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if TerminalSafe.needsEscape(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
