import Crypto
import Foundation

/// A fetched page kept as it came, so a saved session replays offline and reads the same bytes: the
/// raw bytes in `sources/SHA256.page` and what the fetch was in `sources/SHA256.json` (the address
/// asked for, the final one after redirects, when, the media type and charset, the size). Snapshots
/// live in a `sources/` folder beside the session's script, and in the cache
/// (`$XDG_CACHE_HOME/gloss/sources`, default `~/.cache/gloss/sources`) for sessions not saved yet.
struct WebSnapshot: Codable, Equatable {
    var url: String
    var finalURL: String
    var fetchedAt: String
    var sha256: String
    var mediaType: String?
    var charset: String?
    var bytes: Int

    /// Where snapshots are looked for, first first: beside the script being replayed, beside the
    /// session's script, then the cache.
    static func folders(for session: Session) -> [String] {
        var folders: [String] = []
        if session.replayDepth > 0 || session.isScript { folders.append(session.baseDirectory + "/sources") }
        if let script = session.origin?.path {
            folders.append((script as NSString).deletingLastPathComponent + "/sources")
        }
        folders.append(cacheFolder)
        var seen = Set<String>()
        return folders.filter { seen.insert(SessionScript.absolute($0, base: "/")).inserted }
    }

    static var cacheFolder: String {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache"
        return base + "/gloss/sources"
    }

    /// The snapshot with this content, or (without a hash) the latest of this address.
    static func find(url: String, sha256: String?, in folders: [String]) -> (WebSnapshot, [UInt8])? {
        for folder in folders {
            if let sha256 {
                if let found = load(sha256.lowercased(), in: folder) { return found }
                continue
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            let snapshots = names.filter { $0.hasSuffix(".json") }.compactMap { name -> WebSnapshot? in
                guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
                return try? JSONDecoder().decode(WebSnapshot.self, from: data)
            }
            if let latest = snapshots.filter({ $0.url == url }).max(by: { $0.fetchedAt < $1.fetchedAt }),
                let found = load(latest.sha256, in: folder)
            {
                return found
            }
        }
        return nil
    }

    private static func load(_ sha256: String, in folder: String) -> (WebSnapshot, [UInt8])? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + sha256 + ".json"),
            let snapshot = try? JSONDecoder().decode(WebSnapshot.self, from: data),
            let bytes = try? DocumentLoader.readBytes(folder + "/" + sha256 + ".page", name: sha256),
            HexDigest.sha256(bytes) == sha256
        else { return nil }
        return (snapshot, bytes)
    }

    /// Keeps a fetched page in each folder (made when missing); a snapshot already there is kept.
    static func store(_ response: WebFetcher.Response, in folders: [String]) throws(GlossError) -> WebSnapshot {
        let formatter = ISO8601DateFormatter()
        let snapshot = WebSnapshot(
            url: response.requestedURL, finalURL: response.finalURL,
            fetchedAt: formatter.string(from: response.fetchedAt),
            sha256: HexDigest.sha256(response.bytes), mediaType: response.mediaType, charset: response.charset,
            bytes: response.bytes.count)
        for folder in folders { try write(snapshot, response.bytes, in: folder) }
        return snapshot
    }

    static func write(_ snapshot: WebSnapshot, _ bytes: [UInt8], in folder: String) throws(GlossError) {
        let page = folder + "/" + snapshot.sha256 + ".page"
        guard !FileManager.default.fileExists(atPath: page) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw GlossError("cannot make \(folder) for the page's snapshot: \(error.localizedDescription)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let encoded: Data = (try? encoder.encode(snapshot)) ?? Data()
        let json: [UInt8] = [UInt8](encoded) + [0x0A]
        try AtomicFile.write(bytes, to: page, overwrite: true)
        try AtomicFile.write(json, to: folder + "/" + snapshot.sha256 + ".json", overwrite: true)
    }

    /// Copies the snapshots of the session's loaded pages into `sources/` beside a script being saved,
    /// so the script replays wherever it is copied with its folder.
    static func copy(for session: Session, besideScript script: String) throws(GlossError) {
        let workspace = session.workspace
        let folder = (script as NSString).deletingLastPathComponent + "/sources"
        let sources = folders(for: session)
        for index in workspace.corpus.loadedDocumentIndices
        where WebFetcher.isURL(workspace.corpus.documents[index].sourcePath) {
            let document = workspace.corpus.documents[index]
            guard !FileManager.default.fileExists(atPath: folder + "/" + document.sha256 + ".page"),
                let (snapshot, bytes) = find(url: document.sourcePath, sha256: document.sha256, in: sources)
            else { continue }
            try write(snapshot, bytes, in: folder)
        }
    }
}
