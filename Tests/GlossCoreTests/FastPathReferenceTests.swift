import XCTest

@testable import GlossCore

/// The index, the hybrid unit sets and the positional matching against a naive reference that reads
/// every unit's words, on randomised corpora and queries.
final class FastPathReferenceTests: XCTestCase {
    static let vocabulary = [
        "harbor", "barrier", "council", "vote", "storm", "surge", "fleet", "cost", "grant",
        "the", "a", "of", "and", "to", "café", "naïve", "zelensky's", "gates", "gate", "gated",
    ]

    /// A deterministic corpus of `count` short articles, words drawn with a skew so some are common.
    static func corpus(seed: UInt64, documents count: Int) -> [(name: String, text: String)] {
        var random = ReferenceRandom(seed: seed)
        return (0..<count).map { index in
            let paragraphs = (0..<(1 + random.next(5))).map { _ -> String in
                let words = (0..<(3 + random.next(20))).map { _ -> String in
                    let pick = min(random.next(vocabulary.count), random.next(vocabulary.count))
                    return vocabulary[pick]
                }
                return words.joined(separator: " ").capitalizedFirst + "."
            }
            return ("doc\(index).txt", paragraphs.joined(separator: "\n\n"))
        }
    }

    /// The reference: evaluate a query on one unit's folded words, with no index.
    static func reference(_ node: QueryNode, _ words: [String]) -> Bool {
        func matches(_ word: String, _ term: String) -> Bool {
            term == word || (term.hasSuffix("'s") && term.dropLast(2) == word)
        }
        switch node {
        case .all: return true
        case .word(let word): return words.contains { matches(word, $0) }
        case .prefix(let stem): return words.contains { $0.hasPrefix(stem) }
        case .phrase(let phrase):
            guard words.count >= phrase.count else { return false }
            return (0...(words.count - phrase.count)).contains { start in
                phrase.enumerated().allSatisfy { matches($1, words[start + $0]) }
            }
        case .near(let nearWords, let distance):
            let positions = nearWords.map { word in words.indices.filter { matches(word, words[$0]) } }
            guard positions.allSatisfy({ !$0.isEmpty }) else { return false }
            // Some window of `distance` holds every word: try each occurrence as the window's start.
            return positions.joined().contains { start in
                positions.allSatisfy { list in list.contains { $0 >= start && $0 - start <= distance } }
            }
        case .and(let nodes): return nodes.allSatisfy { reference($0, words) }
        case .or(let nodes): return nodes.contains { reference($0, words) }
        case .not(let inner): return !reference(inner, words)
        default: return false
        }
    }

    static func randomQuery(_ random: inout ReferenceRandom, depth: Int = 0) -> String {
        func word() -> String { vocabulary[random.next(vocabulary.count)] }
        switch random.next(depth > 2 ? 4 : 8) {
        case 0: return word()
        case 1: return "\"\(word()) \(word())\""
        case 2: return String(word().prefix(1 + random.next(3))) + "*"
        case 3: return "NEAR(\(word()) \(word()), \(1 + random.next(6)))"
        case 4: return "(\(randomQuery(&random, depth: depth + 1)) OR \(randomQuery(&random, depth: depth + 1)))"
        case 5: return "\(randomQuery(&random, depth: depth + 1)) \(randomQuery(&random, depth: depth + 1))"
        case 6: return "\(randomQuery(&random, depth: depth + 1)) -\(word())"
        default: return "NOT (\(randomQuery(&random, depth: depth + 1)))"
        }
    }

    func testQueriesAgreeWithTheReference() throws {
        for seed in 1...4 {
            let session = TestSession.make(Self.corpus(seed: UInt64(seed), documents: 60))
            try assertRandomQueriesAgree(in: session.workspace, seed: UInt64(seed) * 977, context: "seed \(seed)")
        }
    }

    /// Evaluates 150 random queries through the index and through the reference, unit by unit.
    private func assertRandomQueriesAgree(in workspace: Workspace, seed: UInt64, context: String) throws {
        let words = (0..<workspace.corpus.units.count).map {
            Tokenizer().foldedWords(workspace.corpus.text(ofUnit: Int32($0)))
        }
        var random = ReferenceRandom(seed: seed)
        for _ in 0..<150 {
            let text = Self.randomQuery(&random)
            let node = try QueryParser.parse(text)
            let fast = try QueryEvaluator(workspace: workspace).evaluate(node, within: workspace.corpus.liveUnits).ids
            let slow = (0..<workspace.corpus.units.count).filter { Self.reference(node, words[$0]) }.map(Int32.init)
            XCTAssertEqual(fast, slow, "\(context), query \(text)")
        }
    }

    /// A directory load is parsed and indexed on all cores into shards of its own, with ids relative
    /// to each shard's base; a later small load goes into the last shard. Queries see one index.
    func testShardedLoadsAgreeWithTheReference() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gloss-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("many"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in Self.corpus(seed: 9, documents: 150) {
            try Data(text.utf8).write(to: directory.appendingPathComponent("many/" + name))
        }
        try Data(Self.corpus(seed: 10, documents: 1)[0].text.utf8).write(
            to: directory.appendingPathComponent("extra.txt"))
        let session = Session(baseDirectory: directory.path)
        try TestSession.run("load many", in: session)
        try TestSession.run("load extra.txt", in: session)
        let workspace = session.workspace
        XCTAssertGreaterThan(workspace.corpus.index.shards.count, 1, "the directory was indexed in parts")
        XCTAssertEqual(workspace.corpus.loadedDocumentCount, 151)
        try assertRandomQueriesAgree(in: workspace, seed: 5, context: "sharded load")
    }

    /// The regex prefilter (a required word piece or group of alternatives) never drops a unit that a
    /// scan of every unit finds.
    func testRegexesAgreeWithAFullScan() throws {
        let session = TestSession.make(Self.corpus(seed: 7, documents: 80))
        let workspace = session.workspace
        let patterns = [
            "(harbor|council)", "\\b(gate|gates)d?\\b", "(?:storm|surge) (cost|grant)", "caf(é|e)",
            "(vote|fleet)s?", "(the|and) (harbor|barrier)", "zelensky's", "(gate|barrier)+ vote",
            "(?:Council|Vote)", "(harbor|coun)", "ga(te|ted)", "(naïve|naive)",
        ]
        for pattern in patterns {
            for flags in ["", "i"] {
                let node = try QueryParser.parse("/\(pattern)/\(flags)")
                let fast = try QueryEvaluator(workspace: workspace).evaluate(node, within: workspace.corpus.liveUnits)
                    .ids
                let matcher = try RegexMatcher(pattern: pattern, caseInsensitive: flags == "i")
                let scratch = RegexMatcher.Scratch(for: matcher)
                let slow = try (0..<Int32(workspace.corpus.units.count)).filter {
                    try matcher.matches(workspace.corpus.text(ofUnit: $0), scratch: scratch)
                }
                XCTAssertEqual(fast, slow, "/\(pattern)/\(flags)")
                XCTAssertFalse(
                    slow.isEmpty && flags == "i" && pattern.contains("harbor"),
                    "the corpus has matches for /\(pattern)/")
            }
        }
    }

    func testUnitSetsAgreeWithSwiftSets() {
        var random = ReferenceRandom(seed: 42)
        for _ in 0..<300 {
            let capacity = 1 + random.next(5_000)
            func randomSet() -> Set<Int32> {
                // Sparse and dense shapes both occur.
                let size = random.next(2) == 0 ? random.next(40) : random.next(capacity)
                return Set((0..<size).map { _ in Int32(random.next(capacity)) })
            }
            let a = randomSet()
            let b = randomSet()
            let x = UnitSet(capacity: capacity, a)
            let y = UnitSet(capacity: capacity, b)
            XCTAssertEqual(x.ids, a.sorted())
            XCTAssertEqual(x.count, a.count)
            XCTAssertEqual(x.intersection(y).ids, a.intersection(b).sorted())
            XCTAssertEqual(x.union(y).ids, a.union(b).sorted())
            XCTAssertEqual(x.subtracting(y).ids, a.subtracting(b).sorted())
            let probe = Int32(random.next(capacity))
            XCTAssertEqual(x.contains(probe), a.contains(probe))
            var z = x
            z.insert(probe)
            z.remove(Int32(random.next(capacity)))
            var reference = a
            reference.insert(probe)
            XCTAssertTrue(z.ids.allSatisfy { reference.contains($0) })
            var grown = x
            grown.grow(to: capacity + 100)
            XCTAssertEqual(grown.ids, a.sorted())
            XCTAssertEqual(UnitSet.all(capacity).count, capacity)
        }
    }
}

/// xorshift: the reference tests are randomised but reproducible.
struct ReferenceRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(max(1, bound)))
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
