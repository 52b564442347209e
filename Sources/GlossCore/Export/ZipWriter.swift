import Foundation
import ZIPFoundation

/// Writes a ZIP archive front to back: each entry's header and deflated data, then the central
/// directory once at the end, in ZIP64 form when there are more than 65,535 entries or the archive
/// passes 4 GiB. ZIPFoundation's `Archive` rewrites the whole central directory for every entry it
/// adds, which is quadratic in the entries, and a corpus exported to REFI-QDA has one per document;
/// deflate and CRC-32 are still ZIPFoundation's (zlib). Public for GlossBench, which writes office
/// documents and e-books with it.
public struct ZipWriter {
    private(set) var bytes: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var entryCount = 0
    private let dosDate: UInt16
    private let dosTime: UInt16

    /// Every entry is dated `date` (UTC, to the two seconds DOS times keep), as ZIPFoundation dates them.
    public init(date: Date) {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        let year = min(2099, max(1980, Int(parts.tm_year) + 1900))
        dosDate = UInt16(Int(parts.tm_mday) + (Int(parts.tm_mon) + 1) * 32 + (year - 1980) * 512)
        dosTime = UInt16(Int(parts.tm_sec) / 2 + Int(parts.tm_min) * 32 + Int(parts.tm_hour) * 2048)
    }

    /// Adds a file, deflated, or stored as it is when deflating does not make it smaller (tiny files).
    public mutating func add(path: String, contents: Data) throws {
        var compressed = Data()
        var checksum: UInt32 = 0
        if contents.count >= 64 {
            checksum = try Data.compress(
                size: Int64(contents.count), bufferSize: 64 << 10,
                provider: { position, size in
                    contents.subdata(in: Int(position)..<(Int(position) + size))
                }, consumer: { compressed.append($0) })
        }
        let method: UInt16 = contents.count >= 64 && compressed.count < contents.count ? 8 : 0
        if method == 0 {
            checksum = contents.crc32(checksum: 0)
            compressed = contents
        }
        guard contents.count < 0xFFFF_FFFF, compressed.count < 0xFFFF_FFFF else {
            throw GlossError("\(path) is too large for a ZIP entry (4 GiB)")
        }
        let name = Array(path.utf8)
        let offset = UInt64(bytes.count)

        // The fields from the flags to the name's length, the same in both headers.
        var shared: [UInt8] = []
        append16(0x0800, to: &shared)  // the name is UTF-8
        append16(method, to: &shared)
        append16(dosTime, to: &shared)
        append16(dosDate, to: &shared)
        append32(checksum, to: &shared)
        append32(UInt32(compressed.count), to: &shared)
        append32(UInt32(contents.count), to: &shared)
        append16(UInt16(name.count), to: &shared)

        // Local file header.
        append32(0x0403_4B50, to: &bytes)
        append16(20, to: &bytes)  // version needed: 2.0 (deflate)
        bytes += shared
        append16(0, to: &bytes)
        bytes += name
        bytes += compressed

        // Its central directory record; an offset past 4 GiB goes in a ZIP64 extra field.
        let farOffset = offset >= 0xFFFF_FFFF
        append32(0x0201_4B50, to: &centralDirectory)
        append16(0x0300 | 45, to: &centralDirectory)  // made by: Unix, spec 4.5
        append16(farOffset ? 45 : 20, to: &centralDirectory)
        centralDirectory += shared
        append16(farOffset ? 12 : 0, to: &centralDirectory)
        append16(0, to: &centralDirectory)  // comment
        append16(0, to: &centralDirectory)  // disk
        append16(0, to: &centralDirectory)  // internal attributes
        append32(UInt32(0o100644) << 16, to: &centralDirectory)  // a regular file, rw-r--r--
        append32(farOffset ? 0xFFFF_FFFF : UInt32(offset), to: &centralDirectory)
        centralDirectory += name
        if farOffset {
            append16(0x0001, to: &centralDirectory)
            append16(8, to: &centralDirectory)
            append64(offset, to: &centralDirectory)
        }
        entryCount += 1
    }

    /// The archive: the entries, the central directory and its end records.
    public mutating func finish() -> [UInt8] {
        let directoryOffset = UInt64(bytes.count)
        let directorySize = UInt64(centralDirectory.count)
        bytes += centralDirectory
        centralDirectory = []
        let needsZIP64 = entryCount >= 0xFFFF || directoryOffset >= 0xFFFF_FFFF || directorySize >= 0xFFFF_FFFF
        if needsZIP64 {
            let recordOffset = UInt64(bytes.count)
            append32(0x0606_4B50, to: &bytes)  // ZIP64 end of central directory record
            append64(44, to: &bytes)  // its size after this field
            append16(0x0300 | 45, to: &bytes)
            append16(45, to: &bytes)
            append32(0, to: &bytes)
            append32(0, to: &bytes)
            append64(UInt64(entryCount), to: &bytes)
            append64(UInt64(entryCount), to: &bytes)
            append64(directorySize, to: &bytes)
            append64(directoryOffset, to: &bytes)
            append32(0x0706_4B50, to: &bytes)  // its locator
            append32(0, to: &bytes)
            append64(recordOffset, to: &bytes)
            append32(1, to: &bytes)
        }
        append32(0x0605_4B50, to: &bytes)  // end of central directory
        append16(0, to: &bytes)
        append16(0, to: &bytes)
        append16(needsZIP64 ? 0xFFFF : UInt16(entryCount), to: &bytes)
        append16(needsZIP64 ? 0xFFFF : UInt16(entryCount), to: &bytes)
        append32(needsZIP64 ? 0xFFFF_FFFF : UInt32(directorySize), to: &bytes)
        append32(needsZIP64 ? 0xFFFF_FFFF : UInt32(directoryOffset), to: &bytes)
        append16(0, to: &bytes)
        defer { bytes = [] }
        return bytes
    }

    private func append16(_ value: UInt16, to buffer: inout [UInt8]) {
        buffer.append(UInt8(truncatingIfNeeded: value))
        buffer.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private func append32(_ value: UInt32, to buffer: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    private func append64(_ value: UInt64, to buffer: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { buffer.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
