import CCurl

/// One libcurl easy handle and the blocking call it performs. A handle keeps its connections
/// open between calls (`curl_easy_reset` keeps the connection and DNS caches), so a worker that
/// reuses it talks to the same upstream over one kept-alive connection.
///
/// `@unchecked Sendable`: libcurl allows a handle on any thread but on one at a time.
/// `HTTPCallClient` gives a handle to exactly one pool thread (it is taken out of the idle
/// list under a lock and put back after the call), so no two threads ever use it at once.
final class CurlEasyHandle: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    private let curl: CurlLibrary

    /// A new handle of the loaded library; nil when libcurl cannot make one (out of memory).
    init?(_ curl: CurlLibrary) {
        guard let handle = smsgw_curl_easy_init(curl.easyInit) else { return nil }
        self.handle = handle
        self.curl = curl
    }

    deinit { smsgw_curl_easy_call(curl.easyCleanup, handle) }

    /// Performs `request` on the calling thread (it blocks for up to `request.totalTimeout`).
    func perform(_ request: HTTPCallRequest, userAgent: String) -> HTTPCallOutcome {
        smsgw_curl_easy_call(curl.easyReset, handle)
        let setopt = curl.easySetopt
        let scheme = request.url.prefix(8).lowercased()
        guard scheme.hasPrefix("http://") || scheme.hasPrefix("https://") else {
            return .failed(HTTPCallError(.invalidURL, detail: "not an http(s) URL: \(request.url)"))
        }
        // No signals: libcurl's timeouts would otherwise use SIGALRM, unsafe with threads.
        _ = smsgw_curl_setopt_long(setopt, handle, CURLOPT_NOSIGNAL, 1)
        _ = smsgw_curl_setopt_string(setopt, handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = smsgw_curl_setopt_long(setopt, handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = smsgw_curl_setopt_long(setopt, handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout))
        _ = smsgw_curl_setopt_long(setopt, handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.totalTimeout))
        _ = smsgw_curl_setopt_string(setopt, handle, CURLOPT_USERAGENT, userAgent)
        _ = smsgw_curl_discard_body(setopt, handle)
        if let caFile = request.caFile { _ = smsgw_curl_setopt_string(setopt, handle, CURLOPT_CAINFO, caFile) }
        guard smsgw_curl_setopt_string(setopt, handle, CURLOPT_URL, request.url) == CURLE_OK else {
            return .failed(HTTPCallError(.invalidURL, detail: "libcurl refused the URL \(request.url)"))
        }
        var headers = request.headers.map { "\($0.name): \($0.value)" }
        switch request.method {
        case .get:
            _ = smsgw_curl_setopt_long(setopt, handle, CURLOPT_HTTPGET, 1)
        case .post:
            // "Expect:" turns off libcurl's `Expect: 100-continue` wait for larger bodies.
            headers.append("Expect:")
            _ = smsgw_curl_setopt_size(setopt, handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            _ = request.body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS copies POSTFIELDSIZE bytes now, so the pointer need not outlive this call.
                var empty: CChar = 0
                guard let base = bytes.baseAddress else { return smsgw_curl_setopt_buffer(setopt, handle, CURLOPT_COPYPOSTFIELDS, &empty) }
                return smsgw_curl_setopt_buffer(setopt, handle, CURLOPT_COPYPOSTFIELDS,
                                                UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self)))
            }
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = smsgw_curl_slist_append(curl.slistAppend, list, header) }
        defer { smsgw_curl_slist_free_all(curl.slistFreeAll, list) }
        _ = smsgw_curl_setopt_slist(setopt, handle, CURLOPT_HTTPHEADER, list)

        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = errorText.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            _ = smsgw_curl_setopt_buffer(setopt, handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            defer { _ = smsgw_curl_setopt_buffer(setopt, handle, CURLOPT_ERRORBUFFER, nil) }
            return smsgw_curl_easy_perform(curl.easyPerform, handle)
        }
        guard code == CURLE_OK else {
            let detail = errorText.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { String(cString: $0) } ?? ""
            }
            let summary = smsgw_curl_easy_strerror(curl.easyStrerror, code).map { String(cString: $0) } ?? ""
            return .failed(HTTPCallError(Self.reason(of: code),
                                         detail: "curl error \(code.rawValue) (\(summary))" + (detail.isEmpty ? "" : ": \(detail)")))
        }
        var status = 0
        _ = smsgw_curl_getinfo_long(curl.easyGetinfo, handle, CURLINFO_RESPONSE_CODE, &status)
        return .answered(status: status)
    }

    /// Groups libcurl's error codes (libcurl-errors(3)) by what the caller does about them.
    static func reason(of code: CURLcode) -> HTTPCallError.Reason {
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT: .invalidURL
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .unresolvedHost
        case CURLE_COULDNT_CONNECT: .connectionFailed
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE:
            .tls
        default: .transfer
        }
    }

    /// A timeout in whole milliseconds, at least 1 (0 would mean "no timeout" to libcurl).
    static func milliseconds(_ duration: Duration) -> Int {
        max(1, Int(duration.milliseconds))
    }
}
