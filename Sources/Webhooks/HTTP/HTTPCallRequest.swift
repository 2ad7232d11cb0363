/// One HTTP(S) call upstream: a GET (Kannel dlr-url) or a POST with a body (a webhook).
public struct HTTPCallRequest: Sendable, Equatable {
    public enum Method: String, Sendable, Equatable {
        case get = "GET"
        case post = "POST"
    }

    public var method: Method
    /// An absolute `http://` or `https://` URL; any other scheme fails as `.invalidURL`.
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// The longest wait for the TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// The longest the whole call may take, connecting included.
    public var totalTimeout: Duration
    /// A PEM file of CA certificates to verify the server with instead of the system store.
    public var caFile: String?

    public init(method: Method, url: String, headers: [HTTPHeader] = [], body: [UInt8] = [],
                connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(10), caFile: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.caFile = caFile
    }

    public static func get(_ url: String, timeout: Duration = .seconds(10), caFile: String? = nil) -> HTTPCallRequest {
        HTTPCallRequest(method: .get, url: url, connectTimeout: min(timeout, .seconds(5)), totalTimeout: timeout, caFile: caFile)
    }

    public static func post(_ url: String, headers: [HTTPHeader], body: [UInt8], timeout: Duration = .seconds(10),
                            caFile: String? = nil) -> HTTPCallRequest {
        HTTPCallRequest(method: .post, url: url, headers: headers, body: body, connectTimeout: min(timeout, .seconds(5)),
                        totalTimeout: timeout, caFile: caFile)
    }
}

/// A request header field (RFC 9110 §5); the name is sent as given.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
