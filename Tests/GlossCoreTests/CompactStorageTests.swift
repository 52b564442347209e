import XCTest

@testable import GlossCore

final class CompactStorageTests: XCTestCase {
    func testArenaTextsReadBackAcrossChunks() {
        let arena = TextArena()
        var originals: [String] = []
        var stored: [StoredText] = []
        // Enough text to fill several chunks, with multi-byte characters and empty texts among it.
        for index in 0..<3_000 {
            let text = index % 97 == 0 ? "" : String(repeating: "Ωmega café \(index) ", count: index % 13 + 1)
            originals.append(text)
            stored.append(arena.store(text))
        }
        arena.seal()
        XCTAssertEqual(stored.map(\.string), originals)
        XCTAssertGreaterThan(Set(stored.map { ObjectIdentifier($0.chunk) }).count, 2, "the texts span several chunks")
    }

    func testEqualityAndHashingFollowTheBytes() {
        let arena = TextArena()
        let first = arena.store("harbor barrier")
        let second = arena.store("harbor barrier")
        let own = StoredText("harbor barrier")
        XCTAssertEqual(first, second)
        XCTAssertEqual(first, own)
        XCTAssertEqual(first.hashValue, own.hashValue)
        XCTAssertNotEqual(first, arena.store("harbor barriers"))
        XCTAssertEqual(
            Passage(kind: .paragraph, text: "a b", lines: LineRange(line: 1)),
            Passage(kind: .paragraph, storedText: arena.store("a b"), lines: LineRange(line: 1)))
    }

    func testKeyPointLabelAndDetailArePartsOfItsText() {
        let both = KeyPoint(
            label: "Cost", detail: "€2.1 billion — over ten years", lines: LineRange(line: 4), section: 2)
        XCTAssertEqual(both.label, "Cost")
        XCTAssertEqual(both.detail, "€2.1 billion — over ten years")
        XCTAssertEqual(both.storedText.string, "Cost — €2.1 billion — over ten years")
        let labelOnly = KeyPoint(label: "Vote — 7 to 2", detail: "", lines: LineRange(line: 5), section: 2)
        XCTAssertEqual(labelOnly.label, "Vote — 7 to 2")
        XCTAssertEqual(labelOnly.detail, "")
        XCTAssertEqual(labelOnly.storedText.string, "Vote — 7 to 2")
    }

    func testPostingListsKeepEveryPosition() {
        let occurrences: [(unit: Int32, positions: [Int32])] = [
            (0, [0]), (3, [63]), (4, [64, 65, 9_000]), (200, [1_000_000]), (201, [2, 2_000_000]), (70_000, [127]),
        ]
        var list = PostingList()
        // In two batches (split between units, as a load splits them): the second continues the deltas.
        let flat = occurrences.flatMap { unit, positions in
            positions.map { UInt64(UInt32(unit)) << 32 | UInt64(UInt32($0)) }
        }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: PostingList.encodedCapacity(flat.count))
        defer { buffer.deallocate() }
        flat.withUnsafeBufferPointer { flat in
            list.append(UnsafeBufferPointer(rebasing: flat[..<5]), encodingIn: buffer)
            list.append(UnsafeBufferPointer(rebasing: flat[5...]), encodingIn: buffer)
        }
        XCTAssertEqual(list.unitCount, Int32(occurrences.count))
        list.base = 10
        var read: [(Int32, [Int32])] = []
        list.forEachUnitWithPositions { read.append(($0, $1)) }
        XCTAssertEqual(read.map(\.0), occurrences.map { $0.unit + 10 })
        XCTAssertEqual(read.map(\.1), occurrences.map(\.positions))
        var counts: [Int] = []
        list.forEachUnit { _, count in counts.append(count) }
        XCTAssertEqual(counts, occurrences.map(\.positions.count))
        let table = PositionTable(list, keeping: UnitSet(capacity: 70_011, [13, 14, 211]))
        XCTAssertEqual(table.units, [13, 14, 211])
        XCTAssertEqual((0..<3).map { Array(table.positions(at: $0)) }, [[63], [64, 65, 9_000], [2, 2_000_000]])
    }

    /// Ids from the term dictionary (its table and its cache of short terms) against a Swift dictionary,
    /// on random words of 1 to 12 bytes drawn so that short ones repeat and collide in the cache.
    func testTermDictionaryGivesEachTermOneID() {
        var random = ReferenceRandom(seed: 99)
        var dictionary = TermDictionary()
        var reference: [[UInt8]: Int32] = [:]
        // Bytes, not characters: a dictionary of words knows nothing of UTF-8.
        let letters: [UInt8] = Array("abcdefghijklmnopqrstuvwxyz'".utf8) + [0xC3, 0xA9]
        for _ in 0..<200_000 {
            let length = 1 + min(random.next(12), random.next(12))
            let word = (0..<length).map { _ in letters[random.next(random.next(4) == 0 ? letters.count : 6)] }
            let (id, isNew) = word.withUnsafeBufferPointer { dictionary.insert($0) }
            if let known = reference[word] {
                XCTAssertEqual(id, known, "\(word)")
                XCTAssertFalse(isNew, "\(word)")
            } else {
                XCTAssertTrue(isNew, "\(word)")
                XCTAssertEqual(Int(id), reference.count, "\(word)")
                reference[word] = id
            }
        }
        XCTAssertEqual(dictionary.count, reference.count)
        for (word, id) in reference {
            XCTAssertEqual(word.withUnsafeBufferPointer { dictionary.lookup($0) }, id, "\(word)")
            XCTAssertEqual(dictionary.withTermBytes(Int(id)) { Array($0) }, word)
        }
    }

    func testDigestRoundTripsThroughHex() {
        let hex = HexDigest.sha256(Array("harbor".utf8))
        var document = Document(format: .markdown)
        XCTAssertEqual(document.sha256, "")
        document.sha256 = hex
        XCTAssertEqual(document.sha256, hex)
        XCTAssertEqual(ContentDigest(hex: hex.uppercased()), document.digest)
        XCTAssertNil(ContentDigest(hex: String(hex.dropLast())))
        XCTAssertNil(ContentDigest(hex: String(hex.dropLast()) + "g"))
        XCTAssertNotEqual(ContentDigest(hex: HexDigest.sha256(Array("harbour".utf8))), document.digest)
    }

    /// Unit texts are looked up in the documents (title, headings, passages, FAQ, key points); loaded
    /// through a shared arena, every unit reads back the text the units were indexed with.
    func testEveryUnitReadsItsOwnText() throws {
        let names = [
            "ferry-fares-faq-key-points.md", "lighthouse-front-matter.md", "recycling-faq-wire.txt",
            "budget-tables.txt", "storm-aid-headings.txt",
        ]
        let arena = TextArena()
        var part = Corpus.IndexedPart()
        for name in names {
            let fixture = try ReaderFixture(name)
            part.add(
                DocumentLoader.parse(
                    fixture.text, pathExtension: String(name.split(separator: ".").last!), arena: arena))
        }
        part.finish()
        arena.seal()
        var parts = [part]
        let workspace = Workspace()
        workspace.add(&parts)
        var expected: [String] = []
        for (index, document) in workspace.corpus.documents.enumerated() {
            expected += DocumentUnits.units(of: document, index: index).map(\.text.string)
        }
        XCTAssertEqual((0..<workspace.corpus.units.count).map { workspace.corpus.text(ofUnit: Int32($0)) }, expected)
        let kinds = Set(workspace.corpus.units.map(\.kind))
        XCTAssertTrue(
            kinds.isSuperset(of: [.title, .heading, .paragraph, .question, .answer, .keyPoint, .tableRow]), "\(kinds)")
        let reader = workspace.corpus.unitTextReader
        for id in 0..<Int32(workspace.corpus.units.count) {
            XCTAssertTrue(reader.withUTF8(ofUnit: id) { Array($0) == Array(expected[Int(id)].utf8) })
        }
    }
}
