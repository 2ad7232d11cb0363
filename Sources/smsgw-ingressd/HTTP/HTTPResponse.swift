import FoundationEssentials
import NIOHTTP1

/// One whole HTTP response: status, headers (content-length is added when written) and body.
struct HTTPResponse: Sendable {
    var status: HTTPResponseStatus
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(status: HTTPResponseStatus, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `value` as JSON (keys sorted, so answers are stable byte for byte).
    static func json(_ value: some Encodable, status: HTTPResponseStatus = .ok) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body: [UInt8]
        do {
            body = Array(try encoder.encode(value))
        } catch {
            // Our response types are plain structs of strings and numbers; this cannot fail
            // for them, but an answer must still go out.
            return APIError(.internalServerError, "internal_error", "the response could not be encoded").response
        }
        return HTTPResponse(status: status, headers: [("content-type", "application/json")], body: body + [0x0A])
    }

    static func text(_ text: String, status: HTTPResponseStatus = .ok,
                     contentType: String = "text/plain; charset=utf-8") -> HTTPResponse {
        HTTPResponse(status: status, headers: [("content-type", contentType)], body: Array(text.utf8))
    }

    /// The first value of header `name` (case-insensitive), for tests and the access log.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
