import CCurl
import Foundation

/// Fetches a page over HTTP or HTTPS with libcurl: redirects followed (at most ten, and only to
/// http or https), a time limit, a size limit, compressed answers decompressed, and the media type
/// checked against the readers' before the page is kept. Synchronous, as commands are; a Ctrl-C
/// (the session's cancellation flag) stops the transfer.
struct WebFetcher {
    struct Limits {
        var seconds = 30
        var connectSeconds = 10
        var bytes = 20 << 20
        var redirects = 10
    }

    /// What the server sent.
    struct Response {
        var requestedURL: String
        var finalURL: String
        var mediaType: String?
        var charset: String?
        var bytes: [UInt8]
        var fetchedAt: Date
    }

    var limits = Limits()
    var cancel: CancellationFlag?

    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        return true
    }()

    /// Whether a `load` argument is a web address rather than a path.
    static func isURL(_ text: String) -> Bool {
        let lowered = text.prefix(8).lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    func fetch(_ url: String) throws(GlossError) -> Response {
        _ = Self.initialized
        guard let curl = curl_easy_init() else { throw GlossError("\(url): cannot start a transfer") }
        defer { curl_easy_cleanup(curl) }
        let transfer = Transfer(limit: limits.bytes, cancel: cancel)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        let headers = curl_slist_append(
            nil, "Accept: text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1")
        defer { curl_slist_free_all(headers) }
        _ = gloss_curl_set_string(curl, CURLOPT_URL, url)
        _ = gloss_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = gloss_curl_set_string(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = gloss_curl_set_long(curl, CURLOPT_FOLLOWLOCATION, 1)
        _ = gloss_curl_set_long(curl, CURLOPT_MAXREDIRS, limits.redirects)
        _ = gloss_curl_set_long(curl, CURLOPT_TIMEOUT, limits.seconds)
        _ = gloss_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT, limits.connectSeconds)
        _ = gloss_curl_set_offset(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.bytes))
        _ = gloss_curl_set_string(curl, CURLOPT_ACCEPT_ENCODING, "")
        _ = gloss_curl_set_string(curl, CURLOPT_USERAGENT, "gloss/\(GlossVersion.current) (+https://github.com/gloss)")
        _ = gloss_curl_set_list(curl, CURLOPT_HTTPHEADER, headers)
        _ = gloss_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
        _ = gloss_curl_set_write_function(curl) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receive(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        _ = gloss_curl_set_pointer(curl, CURLOPT_WRITEDATA, context)
        _ = gloss_curl_set_long(curl, CURLOPT_NOPROGRESS, 0)
        _ = gloss_curl_set_progress_function(curl) { context, _, _, _, _ in
            guard let context else { return 0 }
            return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().cancel?.isRaised == true ? 1 : 0
        }
        _ = gloss_curl_set_pointer(curl, CURLOPT_XFERINFODATA, context)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = errorBuffer.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            _ = gloss_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            return curl_easy_perform(curl)
        }
        if code != CURLE_OK {
            if cancel?.isRaised == true { throw GlossError.interrupted }
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw GlossError(
                "\(url): \(Self.describe(code, detail: detail, limits: limits, tooLarge: transfer.tooLarge))")
        }
        var status = 0
        _ = gloss_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &status)
        var finalURL: UnsafeMutablePointer<CChar>?
        _ = gloss_curl_get_string(curl, CURLINFO_EFFECTIVE_URL, &finalURL)
        var contentType: UnsafeMutablePointer<CChar>?
        _ = gloss_curl_get_string(curl, CURLINFO_CONTENT_TYPE, &contentType)
        guard (200..<300).contains(status) else {
            throw GlossError("\(url): the server answered HTTP \(status)\(Self.reason(status).map { " " + $0 } ?? "")")
        }
        let type = contentType.map { String(cString: $0) }
        return Response(
            requestedURL: url, finalURL: finalURL.map { String(cString: $0) } ?? url,
            mediaType: type.map { String($0.prefix { $0 != ";" }).trimmingWhitespace().lowercased() }.flatMap {
                $0.isEmpty ? nil : $0
            },
            charset: type.flatMap(HTMLCharset.charset(inContentType:)), bytes: transfer.bytes, fetchedAt: Date())
    }

    /// The bytes received so far, and whether the size limit was hit.
    private final class Transfer {
        var bytes: [UInt8] = []
        let limit: Int
        let cancel: CancellationFlag?
        var tooLarge = false

        init(limit: Int, cancel: CancellationFlag?) {
            self.limit = limit
            self.cancel = cancel
        }

        /// Keeps the data; a count other than the data's stops the transfer.
        func receive(_ data: UnsafeRawBufferPointer) -> Int {
            if cancel?.isRaised == true { return 0 }
            if bytes.count + data.count > limit {
                tooLarge = true
                return 0
            }
            bytes.append(contentsOf: data)
            return data.count
        }
    }

    private static func describe(_ code: CURLcode, detail: String, limits: Limits, tooLarge: Bool) -> String {
        // The write callback stops a transfer over the limit with a write error.
        if code == CURLE_FILESIZE_EXCEEDED || (code == CURLE_WRITE_ERROR && tooLarge) {
            return "the page is larger than \(limits.bytes >> 20) MB"
        }
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return "no complete answer within \(limits.seconds) seconds"
        case CURLE_COULDNT_RESOLVE_HOST:
            return "cannot find the host (is the address right, and the network up?)"
        case CURLE_COULDNT_CONNECT:
            return "cannot connect to the server"
        case CURLE_TOO_MANY_REDIRECTS:
            return "more than \(limits.redirects) redirects"
        case CURLE_UNSUPPORTED_PROTOCOL:
            return "only http and https addresses can be loaded"
        case CURLE_URL_MALFORMAT:
            return "not a valid address"
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR:
            return "the secure connection failed (\(detail.isEmpty ? "certificate or TLS error" : detail))"
        default:
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }

    private static func reason(_ status: Int) -> String? {
        [
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 410: "Gone",
            429: "Too Many Requests",
            500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ][status]
    }
}
