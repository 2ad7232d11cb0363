import NIOHTTP1

/// One whole HTTP/1.1 request as the router sees it (RFC 9112 §3): method, the target split
/// into a percent-decoded path and its query fields, the headers and the whole body (at most
/// `HTTPConnection.maximumBody` bytes; larger bodies are refused with 413 before they arrive).
struct HTTPRequest: Sendable {
    var method: HTTPMethod
    /// The path, percent-decoded (RFC 3986 §2.1), without the query.
    var path: String
    var query: FormFields
    var headers: HTTPHeaders
    var body: [UInt8]
    /// The client's IP address (failed logins are counted per address); nil when unknown.
    var peer: String?

    init(method: HTTPMethod, target: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], peer: String? = nil) {
        self.method = method
        let pathPart: Substring
        if let mark = target.firstIndex(of: "?") {
            pathPart = target[..<mark]
            query = FormFields(parsing: Array(target[target.index(after: mark)...].utf8))
        } else {
            pathPart = target[...]
            query = FormFields()
        }
        path = FormFields.percentDecode(Array(pathPart.utf8), plusIsSpace: false) ?? String(pathPart)
        self.headers = headers
        self.body = body
        self.peer = peer
    }

    /// The media type of the body without parameters, lower-cased (`application/json`).
    var mediaType: String? {
        guard let value = headers.first(name: "content-type") else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
        return type.trimmingSpaces.lowercased()
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (HTTP's OWS, RFC 9110 §5.6.3).
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
