import Foundation
import ZIPFoundation

/// The parts of a ZIP-based document (DOCX, ODT, EPUB), read in memory and never written anywhere.
///
/// Untrusted archives are bounded: at most `maximumEntries` entries, and at most `inflationBudget`
/// bytes inflated over all the parts a reader asks for, counted as they inflate (an entry's declared
/// size may lie), so a ZIP bomb is refused with a clear error after a bounded amount of work.
/// Entry names that are not plain relative paths (`../x`, `/x`, `a\b`) are ignored: a reader asks for
/// parts by name and nothing is ever extracted to disk, so such a name can neither be read nor escape.
struct ZipPackage {
    static let maximumEntries = 10_000
    static let defaultInflationBudget = 256 << 20

    /// The file's name for messages.
    let name: String
    private let archive: Archive
    private var entries: [String: Entry] = [:]
    /// Bytes that may still be inflated.
    private var remainingBudget: Int
    private let budget: Int

    init(bytes: [UInt8], name: String, inflationBudget: Int = ZipPackage.defaultInflationBudget) throws(GlossError) {
        self.name = name
        budget = inflationBudget
        remainingBudget = inflationBudget
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw GlossError("\(name): not a readable ZIP archive (damaged or not a document of this kind)")
        }
        var count = 0
        for entry in archive {
            count += 1
            if count > Self.maximumEntries {
                throw GlossError("\(name): the archive holds more than \(Self.maximumEntries) entries; refused (a ZIP bomb?)")
            }
            guard entry.type == .file, let path = Self.plainPath(entry.path) else { continue }
            if entries[path] == nil { entries[path] = entry }
        }
    }

    /// Whether the archive has a part of that name.
    func contains(_ path: String) -> Bool {
        entries[path] != nil
    }

    /// All part names, for readers that look parts up by a pattern.
    var partNames: Dictionary<String, Entry>.Keys { entries.keys }

    /// A part's bytes, or nil when the archive has no such part.
    mutating func read(_ path: String) throws(GlossError) -> [UInt8]? {
        guard let entry = entries[path] else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(clamping: entry.uncompressedSize), remainingBudget, 64 << 20))
        var remaining = remainingBudget
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                remaining -= chunk.count
                if remaining < 0 { throw InflationLimit() }
                bytes.append(contentsOf: chunk)
            }
        } catch is InflationLimit {
            throw GlossError("\(name): \(path) inflates to more than \(budget >> 20) MB; refused (a ZIP bomb?)")
        } catch {
            throw GlossError("\(name): \(path) is damaged in the archive (it cannot be inflated)")
        }
        if checksum != entry.checksum {
            throw GlossError("\(name): \(path) is damaged in the archive (its checksum does not match)")
        }
        remainingBudget = remaining
        return bytes
    }

    /// A part's bytes; an error naming it when it is missing.
    mutating func require(_ path: String, of kind: String) throws(GlossError) -> [UInt8] {
        guard let bytes = try read(path) else { throw GlossError("\(name): not a \(kind) (no \(path) in the archive)") }
        return bytes
    }

    private struct InflationLimit: Error {}

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
        head.count >= 30 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04
    }

    /// The media type an ODF or EPUB package stores, uncompressed, as its first entry `mimetype`.
    static func storedMimetype(_ head: UnsafeBufferPointer<UInt8>) -> String? {
        guard isArchive(head), head[8] == 0, head[9] == 0 else { return nil }
        let size = Int(head[18]) | Int(head[19]) << 8
        let nameLength = Int(head[26]) | Int(head[27]) << 8
        let extraLength = Int(head[28]) | Int(head[29]) << 8
        guard nameLength == 8, head.count >= 38, String(decoding: head[30..<38], as: UTF8.self) == "mimetype" else { return nil }
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
