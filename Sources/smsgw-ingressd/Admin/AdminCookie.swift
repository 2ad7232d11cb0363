import NIOHTTP1

/// The session cookie (RFC 6265 §4.1): `HttpOnly` (no script reads it), `SameSite=Strict` (no
/// other site's page sends it), `Path=/`, no expiry (it ends with the browser; the server
/// forgets an idle session after `AdminSessionTable.idleExpiry`).
enum AdminCookie {
    static let name = "smsgw_admin"

    static func set(_ token: String) -> String {
        "\(name)=\(token); Path=/; HttpOnly; SameSite=Strict"
    }

    static let cleared = "\(name)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    /// The session token in the `Cookie` headers (`a=1; smsgw_admin=…`, RFC 6265 §5.4).
    static func token(in headers: HTTPHeaders) -> String? {
        for header in headers[canonicalForm: "cookie"] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, parts[0].trimmingSpaces == name else { continue }
                let value = parts[1].trimmingSpaces
                if !value.isEmpty { return value }
            }
        }
        return nil
    }
}
