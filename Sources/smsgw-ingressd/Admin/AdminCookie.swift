import NIOHTTP1

/// The session cookie (RFC 6265 §4.1): `HttpOnly` (no script reads it), `SameSite=Strict` (no
/// other site's page sends it), `Path=/`, no expiry (it ends with the browser; the server
/// forgets an idle session after `AdminSessionTable.idleExpiry`).
/// Before a session, the login form's own token rides in `smsgw_login` (same attributes, path
/// `/login`) and in the form: a POST /login whose field does not match the cookie is refused
/// (a "double-submit" token: another site can neither read the cookie nor make it be sent).
enum AdminCookie {
    static let name = "smsgw_admin"
    static let loginName = "smsgw_login"

    static func setLogin(_ token: String) -> String {
        "\(loginName)=\(token); Path=/login; HttpOnly; SameSite=Strict"
    }

    static func set(_ token: String) -> String {
        "\(name)=\(token); Path=/; HttpOnly; SameSite=Strict"
    }

    static let cleared = "\(name)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    /// The session token in the `Cookie` headers (`a=1; smsgw_admin=…`, RFC 6265 §5.4).
    static func token(in headers: HTTPHeaders) -> String? {
        value(of: name, in: headers)
    }

    /// The value of cookie `cookie`, nil when absent or empty.
    static func value(of cookie: String, in headers: HTTPHeaders) -> String? {
        for header in headers[canonicalForm: "cookie"] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, parts[0].trimmingSpaces == cookie else { continue }
                let value = parts[1].trimmingSpaces
                if !value.isEmpty { return value }
            }
        }
        return nil
    }
}
