import Foundation

/// `manifest.json`, written by scripts/gen-corpus beside the articles: what the corpus holds and the
/// words it planted for the benchmark queries. The harness and the peers read the queries from it.
struct CorpusManifest: Decodable {
    struct Queries: Decodable {
        var absent: String
        var rare: String
        var common: String
        var phrase: [String]
        var prefix: String
        var not: String
        var near: [NearItem]
        var regex: String
        var tag_query: String
    }

    /// NEAR is stored as `["council", "vote", 5]`.
    enum NearItem: Decodable {
        case word(String)
        case distance(Int)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .distance(number)
            } else {
                self = .word(try container.decode(String.self))
            }
        }
    }

    var generator_version: Int
    var size_mb: Double
    var seed: Int
    var files: Int
    var bytes: Int
    var parts: [String]
    var queries: Queries

    static func read(corpus: String) throws -> CorpusManifest {
        let data = try Data(contentsOf: URL(fileURLWithPath: corpus + "/manifest.json"))
        return try JSONDecoder().decode(CorpusManifest.self, from: data)
    }

    /// The benchmark queries in gloss's query language, in report order.
    var glossQueries: [BenchQuery] {
        let words = queries.near.compactMap { if case .word(let word) = $0 { return word } else { return nil } }
        let distance =
            queries.near.compactMap { if case .distance(let number) = $0 { return number } else { return nil } }.first
            ?? 5
        return [
            BenchQuery(name: "absent word", text: queries.absent),
            BenchQuery(name: "rare word", text: queries.rare),
            BenchQuery(name: "common word", text: queries.common),
            BenchQuery(name: "phrase", text: "\"" + queries.phrase.joined(separator: " ") + "\""),
            BenchQuery(name: "prefix", text: queries.prefix + "*"),
            BenchQuery(name: "boolean NOT", text: "\(queries.common) NOT \(queries.not)"),
            BenchQuery(name: "NEAR", text: "NEAR(\(words.joined(separator: " ")), \(distance))"),
            BenchQuery(name: "tag:", text: "tag:\(BenchQuery.tagName)"),
            BenchQuery(name: "regex", text: "/\(queries.regex)/"),
        ]
    }
}

/// One query of the benchmark: a stable name for the report and its text in gloss's language.
struct BenchQuery: Codable {
    var name: String
    var text: String

    /// The tag the harness puts on a share of the passages before timing `tag:`.
    static let tagName = "bench"
}
