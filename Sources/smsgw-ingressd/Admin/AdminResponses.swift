import NIOHTTP1

/// The web page's answers: HTML that is never cached, framed or allowed to load anything but
/// its inline style (a Content-Security-Policy without scripts), and 303 redirects after a POST.
enum AdminResponses {
    static func html(_ text: String, status: HTTPResponseStatus = .ok, cookie: String? = nil) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: securityHeaders + [("content-type", "text/html; charset=utf-8")],
                                    body: Array(text.utf8))
        if let cookie { response.headers.append(("set-cookie", cookie)) }
        return response
    }

    /// 303 See Other (RFC 9110 §15.4.4): the browser GETs `location`.
    static func redirect(to location: String, cookie: String? = nil) -> HTTPResponse {
        var response = HTTPResponse(status: .seeOther, headers: securityHeaders + [("location", location)])
        if let cookie { response.headers.append(("set-cookie", cookie)) }
        return response
    }

    static let securityHeaders: [(name: String, value: String)] = [
        ("cache-control", "no-store"),
        ("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
    ]
}
