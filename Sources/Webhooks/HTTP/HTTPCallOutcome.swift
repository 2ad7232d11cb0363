/// What a call upstream came to: the server answered with a status code (RFC 9110 §15), or the
/// call failed before an answer.
public enum HTTPCallOutcome: Sendable, Equatable {
    case answered(status: Int)
    case failed(HTTPCallError)
}

/// Why a call got no answer: a public struct over a reason code, with libcurl's own words.
public struct HTTPCallError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Not an absolute http(s) URL, or one libcurl cannot parse.
        case invalidURL
        /// The host name did not resolve.
        case unresolvedHost
        /// No TCP connection (refused, unreachable, connect timeout included).
        case connectionFailed
        /// The TLS handshake failed or the server's certificate was not trusted.
        case tls
        /// The total (or connect) timeout passed.
        case timedOut
        /// The connection broke while sending or receiving.
        case transfer
        /// The client was shut down before the call ran.
        case shutDown
    }

    public var reason: Reason
    /// libcurl's error text (with its CURLcode), or ours.
    public var detail: String

    public init(_ reason: Reason, detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { detail }
}
