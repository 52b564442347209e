@preconcurrency import CGlossZlib
import Foundation

/// The parts of a ZIP-based document (DOCX, ODT, EPUB), read in memory and never written anywhere.
///
/// The archive's central directory is read here, every offset and size checked against the file, and
/// parts are inflated with zlib: ZIPFoundation's reading (which the exports still use for writing)
/// trapped on a seek past the end of an in-memory archive and could spin on a truncated deflate stream,
/// which untrusted files must never make happen.
///
/// Untrusted archives are bounded: at most `maximumEntries` entries, and at most `inflationBudget`
/// bytes inflated over all the parts a reader asks for, counted as they inflate (an entry's declared
/// size may lie), so a ZIP bomb is refused with a clear error after a bounded amount of work.
/// Entry names that are not plain relative paths (`../x`, `/x`, `a\b`) are ignored: a reader asks for
/// parts by name and nothing is ever extracted to disk, so such a name can neither be read nor escape.
struct ZipPackage {
    static let maximumEntries = 10_000
    static let defaultInflationBudget = 256 << 20

    /// An entry of the central directory.
    struct Entry {
        var method: UInt16
        var flags: UInt16
        var checksum: UInt32
        var compressedSize: Int
        var size: Int
        var localHeader: Int
    }

    /// The file's name for messages.
    let name: String
    private let bytes: [UInt8]
    private var entries: [String: Entry] = [:]
    /// Bytes that may still be inflated.
    private var remainingBudget: Int
    private let budget: Int

    init(bytes: [UInt8], name: String, inflationBudget: Int = ZipPackage.defaultInflationBudget) throws(GlossError) {
        self.name = name
        self.bytes = bytes
        budget = inflationBudget
        remainingBudget = inflationBudget
        let unreadable = GlossError("\(name): not a readable ZIP archive (damaged or not a document of this kind)")
        guard let directory = Self.centralDirectory(bytes) else { throw unreadable }
        guard directory.count <= Self.maximumEntries else {
            throw GlossError(
                "\(name): the archive holds more than \(Self.maximumEntries) entries; refused (a ZIP bomb?)")
        }
        var offset = directory.offset
        for _ in 0..<directory.count {
            guard let (entry, path, next) = Self.directoryEntry(bytes, at: offset, end: directory.end) else {
                throw unreadable
            }
            offset = next
            guard !path.hasSuffix("/"), let plain = Self.plainPath(path) else { continue }
            if entries[plain] == nil { entries[plain] = entry }
        }
    }

    /// Whether the archive has a part of that name.
    func contains(_ path: String) -> Bool {
        entries[path] != nil
    }

    /// A part's bytes, or nil when the archive has no such part.
    mutating func read(_ path: String) throws(GlossError) -> [UInt8]? {
        guard let entry = entries[path] else { return nil }
        let damaged = GlossError("\(name): \(path) is damaged in the archive")
        guard entry.flags & 1 == 0 else {
            throw GlossError("\(name): \(path) is encrypted in the archive; gloss cannot read it")
        }
        // The data follows the local header, whose name and extra field may differ from the directory's.
        let header = entry.localHeader
        guard header + 30 <= bytes.count, Self.uint32(bytes, header) == 0x0403_4B50 else { throw damaged }
        let start = header + 30 + Int(Self.uint16(bytes, header + 26)) + Int(Self.uint16(bytes, header + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else { throw damaged }
        let data = start..<(start + entry.compressedSize)
        let part: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize <= remainingBudget else { throw overBudget(path) }
            part = Array(bytes[data])
        case 8:
            part = try inflate(data, declaredSize: entry.size, path: path)
        default:
            throw GlossError("\(name): \(path) is compressed with a method gloss does not read (\(entry.method))")
        }
        remainingBudget -= part.count
        let checksum = part.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        guard checksum == entry.checksum else {
            throw GlossError("\(name): \(path) is damaged in the archive (its checksum does not match)")
        }
        return part
    }

    /// A part read as XML, nil when the archive has no such part; its errors name the file and the part.
    mutating func xml(_ path: String, allowsDocumentType: Bool = false) throws(GlossError) -> XMLStream? {
        guard let bytes = try read(path) else { return nil }
        return try XMLStream(bytes, partName: "\(name): \(path)", allowsDocumentType: allowsDocumentType)
    }

    /// A part read as XML; an error when it is missing (`kind` is what the file then is not: "a Word document").
    mutating func requireXML(_ path: String, of kind: String) throws(GlossError) -> XMLStream {
        guard let stream = try xml(path) else { throw GlossError("\(name): not \(kind) (no \(path) in the archive)") }
        return stream
    }

    private func overBudget(_ path: String) -> GlossError {
        GlossError("\(name): \(path) inflates to more than \(budget >> 20) MB; refused (a ZIP bomb?)")
    }

    /// Raw deflate data inflated, stopping once the budget is spent; an error when the stream is cut
    /// short or corrupt.
    private func inflate(_ data: Range<Int>, declaredSize: Int, path: String) throws(GlossError) -> [UInt8] {
        var stream = z_stream()
        guard gloss_inflate_init_raw(&stream) == Z_OK else { throw GlossError("\(name): \(path) cannot be inflated") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(max(declaredSize, 0), remainingBudget, 64 << 20))
        var chunk = [UInt8](repeating: 0, count: 256 << 10)
        var status = Z_OK
        var overflow = false
        bytes.withUnsafeBufferPointer { all in
            var next = data.lowerBound
            while status == Z_OK {
                if stream.avail_in == 0, next < data.upperBound {
                    let count = min(data.upperBound - next, 1 << 30)
                    stream.next_in = UnsafeMutablePointer(mutating: all.baseAddress! + next)
                    stream.avail_in = UInt32(count)
                    next += count
                }
                let produced = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    status = CGlossZlib.inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                if output.count + produced > remainingBudget {
                    overflow = true
                    return
                }
                output.append(contentsOf: chunk[..<produced])
                // No input left and nothing produced: the stream was cut short.
                if status == Z_BUF_ERROR
                    || (status == Z_OK && produced == 0 && stream.avail_in == 0 && next >= data.upperBound)
                {
                    status = Z_DATA_ERROR
                }
            }
        }
        if overflow { throw overBudget(path) }
        guard status == Z_STREAM_END else {
            throw GlossError("\(name): \(path) is damaged in the archive (it cannot be inflated)")
        }
        return output
    }

    // MARK: - The central directory

    /// Where the central directory is and how many entries it has, from the end record (ZIP64's when
    /// the classic one says to look there); nil when there is none or it points outside the file.
    private static func centralDirectory(_ bytes: [UInt8]) -> (offset: Int, end: Int, count: Int)? {
        guard bytes.count >= 22 else { return nil }
        // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
        var record = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while record >= lowest, uint32(bytes, record) != 0x0605_4B50 { record -= 1 }
        guard record >= lowest else { return nil }
        var count = Int(uint16(bytes, record + 10))
        var size = Int(uint32(bytes, record + 12))
        var offset = Int(uint32(bytes, record + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            let locator = record - 20
            guard locator >= 0, uint32(bytes, locator) == 0x0706_4B50 else { return nil }
            let zip64 = uint64(bytes, locator + 8)
            guard zip64 <= UInt64(bytes.count - 56), uint32(bytes, Int(zip64)) == 0x0606_4B50 else { return nil }
            let entries = uint64(bytes, Int(zip64) + 32)
            let directorySize = uint64(bytes, Int(zip64) + 40)
            let directoryOffset = uint64(bytes, Int(zip64) + 48)
            guard entries <= UInt64(Int32.max), directorySize <= UInt64(bytes.count),
                directoryOffset <= UInt64(bytes.count)
            else { return nil }
            count = Int(entries)
            size = Int(directorySize)
            offset = Int(directoryOffset)
        }
        guard offset <= bytes.count, size <= bytes.count - offset else { return nil }
        return (offset, offset + size, count)
    }

    /// The entry at `offset` of the central directory, its name and where the next one starts; nil
    /// when it is not an entry or runs past the directory's end.
    private static func directoryEntry(_ bytes: [UInt8], at offset: Int, end: Int) -> (Entry, String, Int)? {
        guard offset >= 0, offset + 46 <= end, uint32(bytes, offset) == 0x0201_4B50 else { return nil }
        let nameLength = Int(uint16(bytes, offset + 28))
        let extraLength = Int(uint16(bytes, offset + 30))
        let commentLength = Int(uint16(bytes, offset + 32))
        let next = offset + 46 + nameLength + extraLength + commentLength
        guard next <= end else { return nil }
        var entry = Entry(
            method: uint16(bytes, offset + 10), flags: uint16(bytes, offset + 8), checksum: uint32(bytes, offset + 16),
            compressedSize: Int(uint32(bytes, offset + 20)), size: Int(uint32(bytes, offset + 24)),
            localHeader: Int(uint32(bytes, offset + 42)))
        // ZIP64: the sizes and offset that do not fit are in the extra field, in this order.
        var extra = offset + 46 + nameLength
        let extraEnd = extra + extraLength
        while extra + 4 <= extraEnd {
            let id = uint16(bytes, extra)
            let length = Int(uint16(bytes, extra + 2))
            guard extra + 4 + length <= extraEnd else { break }
            if id == 0x0001 {
                var field = extra + 4
                for keyPath in [\Entry.size, \Entry.compressedSize, \Entry.localHeader]
                where entry[keyPath: keyPath] == 0xFFFF_FFFF {
                    guard field + 8 <= extra + 4 + length else { break }
                    let value = uint64(bytes, field)
                    guard value <= UInt64(Int32.max) * 4 else { return nil }
                    entry[keyPath: keyPath] = Int(value)
                    field += 8
                }
            }
            extra += 4 + length
        }
        let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
        return (entry, name, next)
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(uint16(bytes, offset)) | UInt32(uint16(bytes, offset + 2)) << 16
    }

    private static func uint64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        UInt64(uint32(bytes, offset)) | UInt64(uint32(bytes, offset + 4)) << 32
    }

    // MARK: - Names

    /// An entry's name when it is a plain relative path: no empty, `.` or `..` component, no leading
    /// slash, no backslash or NUL.
    static func plainPath(_ path: String) -> String? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return nil }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." || component == ".." { return nil }
        }
        return path
    }

    /// Resolves a link between parts (`../media/x.png` from `word/document.xml`), as a part name.
    static func resolve(_ target: String, from part: String) -> String? {
        let decoded = target.removingPercentEncoding ?? target
        var components: [Substring] = decoded.hasPrefix("/") ? [] : part.split(separator: "/").dropLast()
        for component in decoded.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if components.popLast() == nil { return nil }
            default: components.append(component)
            }
        }
        return plainPath(components.joined(separator: "/"))
    }
}

extension ZipPackage {
    /// Whether the first bytes of a file are a ZIP archive's (a local file header).
    static func isArchive(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        head.count >= 30 && head[0] == UInt8(ascii: "P") && head[1] == UInt8(ascii: "K") && head[2] == 0x03
            && head[3] == 0x04
    }

    /// The media type an ODF or EPUB package stores, uncompressed, as its first entry `mimetype`.
    static func storedMimetype(_ head: UnsafeBufferPointer<UInt8>) -> String? {
        guard isArchive(head), head[8] == 0, head[9] == 0 else { return nil }
        let size = Int(head[18]) | Int(head[19]) << 8
        let nameLength = Int(head[26]) | Int(head[27]) << 8
        let extraLength = Int(head[28]) | Int(head[29]) << 8
        guard nameLength == 8, head.count >= 38, String(decoding: head[30..<38], as: UTF8.self) == "mimetype" else {
            return nil
        }
        let start = 38 + extraLength
        guard size > 0, size < 200, start + size <= head.count else { return nil }
        return String(decoding: head[start..<(start + size)], as: UTF8.self)
    }

    /// Whether the first bytes of an archive hold a name (entries' names are stored as they are).
    static func head(_ head: UnsafeBufferPointer<UInt8>, mentions name: String) -> Bool {
        let needle = Array(name.utf8)
        guard isArchive(head), head.count >= needle.count else { return false }
        return (0...(head.count - needle.count)).contains { start in
            head[start] == needle[0] && head[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
