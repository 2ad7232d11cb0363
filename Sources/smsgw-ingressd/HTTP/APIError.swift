import NIOHTTP1

/// A refusal of the JSON API: the HTTP status and a stable machine code with a sentence for
/// people, sent as `{"error":{"code":"invalid_destination","message":"…"}}`. Bad input is
/// always a 4xx; 503 only when a part of the box we need is down.
struct APIError: Error, Sendable, Equatable {
    var status: HTTPResponseStatus
    var code: String
    var message: String
    /// Extra headers (Retry-After on 429/503, WWW-Authenticate on 401).
    var headers: [String: String] = [:]

    init(_ status: HTTPResponseStatus, _ code: String, _ message: String, headers: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    private struct Body: Encodable {
        struct Detail: Encodable { var code: String; var message: String }
        var error: Detail
    }

    var response: HTTPResponse {
        var response = HTTPResponse.json(Body(error: .init(code: code, message: message)), status: status)
        response.headers += headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        return response
    }

    static func invalid(_ code: String, _ message: String) -> APIError { APIError(.badRequest, code, message) }

    static let unauthorized = APIError(.unauthorized, "unauthorized", "send \"Authorization: Bearer <API key>\" with a valid key",
                                       headers: ["www-authenticate": "Bearer"])
    static let notFound = APIError(.notFound, "not_found", "no such resource")
}
