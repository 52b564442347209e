/// A JSON value with keys kept in the order they were added, so exports are stable and diff well.
public enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array whose elements are made one at a time while it is written, so a large export never
    /// holds the values of all its documents at once.
    case lazyArray(JSONLazyArray)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }

    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized(pretty: false) == rhs.serialized(pretty: false)
    }

    /// JSON text; pretty output indents by two spaces and ends without a newline.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The UTF-8 of `serialized(pretty:)`, written straight into bytes.
    public func serializedBytes(pretty: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, indent: pretty ? 0 : nil)
        return output
    }

    private func write(to output: inout [UInt8], indent: Int?) {
        switch self {
        case .null: output.appendUTF8(of: "null")
        case .bool(let value): output.appendUTF8(of: value ? "true" : "false")
        case .int(let value): output.appendUTF8(of: String(value))
        case .double(let value):
            if value.isFinite {
                output.appendUTF8(
                    of: value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value))
            } else {
                output.appendUTF8(of: "null")
            }
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            Self.writeArray(count: values.count, to: &output, indent: indent) { values[$0] }
        case .lazyArray(let array):
            Self.writeArray(count: array.count, to: &output, indent: indent, array.element)
        case .object(let members):
            if members.isEmpty {
                output.appendUTF8(of: "{}")
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if let indent { Self.writeNewline(indent + 1, to: &output) }
                Self.writeString(key, to: &output)
                output.appendUTF8(of: indent == nil ? ":" : ": ")
                value.write(to: &output, indent: indent.map { $0 + 1 })
            }
            if let indent { Self.writeNewline(indent, to: &output) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeArray(count: Int, to output: inout [UInt8], indent: Int?, _ element: (Int) -> JSONValue) {
        if count == 0 {
            output.appendUTF8(of: "[]")
            return
        }
        output.append(UInt8(ascii: "["))
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if let indent { writeNewline(indent + 1, to: &output) }
            element(index).write(to: &output, indent: indent.map { $0 + 1 })
        }
        if let indent { writeNewline(indent, to: &output) }
        output.append(UInt8(ascii: "]"))
    }

    private static func writeNewline(_ indent: Int, to output: inout [UInt8]) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    private static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0  // the run of bytes copied as they are, up to `index`
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Printable ASCII other than `"` and `\` is copied as it is (nearly all text).
                if byte >= 0x20, byte < 0x7F, byte != 0x22, byte != 0x5C {
                    index += 1
                    continue
                }
                let (scalar, length) = byte < 0x80 ? (Unicode.Scalar(byte), 1) : UTF8Scalar.decode(bytes, at: index)
                let escape: String?
                switch scalar {
                case "\"": escape = "\\\""
                case "\\": escape = "\\\\"
                case "\n": escape = "\\n"
                case "\r": escape = "\\r"
                case "\t": escape = "\\t"
                default:
                    // Control and bidirectional characters are escaped so JSON is safe on a terminal too.
                    if TerminalSafe.needsEscape(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                        let hex = String(scalar.value, radix: 16)
                        escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        escape = nil
                    }
                }
                if let escape {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    output.appendUTF8(of: escape)
                    start = index + length
                }
                index += length
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// The elements of a `JSONValue.lazyArray`: how many, and how to make each. Unchecked: the closure
/// reads the workspace it was made from, which a command uses from one thread.
public struct JSONLazyArray: @unchecked Sendable {
    public let count: Int
    public let element: (Int) -> JSONValue

    public init(count: Int, element: @escaping (Int) -> JSONValue) {
        self.count = count
        self.element = element
    }
}
