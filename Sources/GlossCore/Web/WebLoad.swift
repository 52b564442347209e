import Crypto
import Foundation

/// `load URL`: each page is read from its snapshot when there is one (a saved session replays offline
/// and reads the same bytes), else fetched, checked and kept as a snapshot; `--refresh` fetches again.
/// A replayed script fetches only when the session allows it (`gloss run --allow-net`).
enum WebLoad {
    struct Loaded {
        var documents: [Document] = []
        var warnings: [String] = []
        var fetched = 0
    }

    static func documents(_ urls: [String], expected sha256: String?, refresh: Bool, session: Session)
        throws(GlossError) -> Loaded
    {
        var loaded = Loaded()
        let folders = WebSnapshot.folders(for: session)
        for url in urls {
            try session.cancel.check()
            var found = refresh ? nil : WebSnapshot.find(url: url, sha256: sha256, in: folders)
            // A page whose snapshot is gone, or changed (a saved hash no snapshot has), is fetched when allowed.
            if found == nil, !refresh, sha256 != nil, let latest = WebSnapshot.find(url: url, sha256: nil, in: folders),
                !session.mayFetch
            {
                found = latest
            }
            let snapshot: WebSnapshot
            let bytes: [UInt8]
            if let found {
                (snapshot, bytes) = found
            } else {
                try session.checkNetwork(url)
                let response = try fetcher(for: session).fetch(url)
                guard reader(for: response.mediaType, bytes: response.bytes, in: session.readers) != nil else {
                    throw GlossError(
                        "\(url): the page is \(response.mediaType ?? "of no declared type"); gloss reads \(readableTypes(session.readers))"
                    )
                }
                // Kept in the cache, and beside the session's script when it has one.
                var targets = [WebSnapshot.cacheFolder]
                if let script = session.origin?.path {
                    targets.insert((script as NSString).deletingLastPathComponent + "/sources", at: 0)
                }
                snapshot = try WebSnapshot.store(response, in: targets)
                bytes = response.bytes
                loaded.fetched += 1
            }
            guard let reader = reader(for: snapshot.mediaType, bytes: bytes, in: session.readers) else {
                throw GlossError(
                    "\(url): the snapshot is \(snapshot.mediaType ?? "of no declared type"); gloss reads \(readableTypes(session.readers))"
                )
            }
            var builder = DocumentBuilder(format: reader.format)
            try reader.read(
                ReaderSource(bytes: bytes, name: url, mediaType: snapshot.mediaType, charset: snapshot.charset),
                into: &builder)
            // The address it came from stands for the canonical one when the page names none.
            var document = builder.finish()
            if document.metadataValue(.url) == nil {
                document.metadata.append(MetadataField(key: MetadataKey.url.rawValue, value: snapshot.finalURL))
            }
            document.path = url
            document.sourcePath = url
            document.id = documentID(for: url)
            document.byteCount = bytes.count
            document.digest = ContentDigest(SHA256.hash(data: bytes))
            loaded.warnings += builder.warnings
            loaded.documents.append(document)
        }
        return loaded
    }

    private static func fetcher(for session: Session) -> WebFetcher {
        var fetcher = WebFetcher()
        fetcher.cancel = session.cancel
        return fetcher
    }

    /// The reader of a media type, or for none the one the bytes show (HTML when they start like a page).
    static func reader(for mediaType: String?, bytes: [UInt8], in readers: ReaderRegistry) -> (any DocumentReader)? {
        guard let mediaType else { return readers.sniff(bytes) ?? PlainTextReader() }
        return readers.reader(forMediaType: mediaType)
    }

    static func readableTypes(_ readers: ReaderRegistry) -> String {
        readers.readers.flatMap(\.mediaTypes).joined(separator: ", ")
    }

    /// An id from the address: its last path segment without extension, else its host.
    static func documentID(for url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let parts = rest.prefix { $0 != "?" && $0 != "#" }.split(separator: "/")
        let name = parts.count > 1 ? parts[parts.count - 1] : parts.first ?? "page"
        return Corpus.baseDocumentID(for: "/" + name)
    }
}
