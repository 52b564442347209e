import Foundation
import XCTest
import ZIPFoundation

@testable import GlossCore

/// The archives `ZipWriter` writes, read back by ZIPFoundation (which checks each entry's CRC-32) and,
/// where installed, tested by Info-ZIP's `unzip -t`.
final class ZipWriterTests: XCTestCase {
    func testEntriesReadBackWithTheirContents() throws {
        let entries: [(String, Data)] = [
            ("project.qde", Data(String(repeating: "<Project>ça va, 東京</Project>\n", count: 500).utf8)),
            ("Sources/empty.txt", Data()),
            ("Sources/tiny.txt", Data("ok".utf8)),
            ("Sources/ünïcode name.txt", Data((0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })),
        ]
        var writer = ZipWriter(date: Date(timeIntervalSince1970: 1_795_000_000))
        for (path, contents) in entries { try writer.add(path: path, contents: contents) }
        let url = try write(writer.finish())
        let archive = try Archive(url: url, accessMode: .read)
        XCTAssertEqual(archive.map(\.path), entries.map(\.0))
        for (path, contents) in entries {
            var read = Data()
            _ = try archive.extract(try XCTUnwrap(archive[path]), consumer: { read.append($0) })
            XCTAssertEqual(read, contents, path)
        }
        try assertUnzipAccepts(url)
    }

    /// More than 65,535 entries need the ZIP64 end records.
    func testManyEntriesUseZIP64EndRecords() throws {
        var writer = ZipWriter(date: Date(timeIntervalSince1970: 0))
        for index in 0..<70_000 { try writer.add(path: "Sources/\(index).txt", contents: Data("\(index)".utf8)) }
        let url = try write(writer.finish())
        let archive = try Archive(url: url, accessMode: .read)
        var count = 0
        for _ in archive { count += 1 }
        XCTAssertEqual(count, 70_000)
        var read = Data()
        _ = try archive.extract(try XCTUnwrap(archive["Sources/69999.txt"]), consumer: { read.append($0) })
        XCTAssertEqual(String(decoding: read, as: UTF8.self), "69999")
        try assertUnzipAccepts(url)
    }

    private func write(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-zip-\(UUID().uuidString).zip")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func assertUnzipAccepts(_ url: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-tqq", url.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "unzip -t rejects the archive")
    }
}
