/// A text kept as UTF-8 inside a shared `TextChunk`: a loaded corpus holds each passage's bytes once,
/// without a heap block per string. Two stored texts are equal when their bytes are.
public struct StoredText: Hashable, Sendable, CustomStringConvertible {
    let chunk: TextChunk
    let offset: UInt32
    let count: UInt32

    /// A text with a chunk of its own (texts made outside a load: tests, edits).
    public init(_ string: String) {
        var string = string
        let chunk = string.withUTF8 { bytes in
            let chunk = TextChunk(capacity: bytes.count)
            _ = chunk.append(bytes)
            return chunk
        }
        self.init(chunk: chunk, offset: 0, count: chunk.used)
    }

    init(chunk: TextChunk, offset: Int, count: Int) {
        self.chunk = chunk
        self.offset = UInt32(offset)
        self.count = UInt32(count)
    }

    static let empty = StoredText("")

    public var string: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }
    public var description: String { string }
    public var isEmpty: Bool { count == 0 }
    public var utf8Count: Int { Int(count) }

    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: chunk.base + Int(offset), count: Int(count)))
    }

    /// Part of this text, by UTF-8 offsets (which must fall between characters).
    func slice(_ range: Range<Int>) -> StoredText {
        StoredText(chunk: chunk, offset: Int(offset) + range.lowerBound, count: range.count)
    }

    public static func == (left: StoredText, right: StoredText) -> Bool {
        guard left.count == right.count else { return false }
        if left.chunk === right.chunk, left.offset == right.offset { return true }
        return left.withUTF8 { a in right.withUTF8 { b in a.elementsEqual(b) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
