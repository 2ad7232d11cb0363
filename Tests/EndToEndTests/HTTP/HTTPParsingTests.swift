import GatewayCore
import NIOHTTP1
import Testing
@testable import IngressdDaemon

@Suite("HTTP request parsing (form fields, targets, bearer tokens)")
struct HTTPParsingTests {
    /// WHATWG form encoding: each vector isolates one rule.
    @Test("query fields", arguments: [
        ("a=1&b=2", [("a", "1"), ("b", "2")]),              // plain pairs, in order
        ("text=Hi+there", [("text", "Hi there")]),          // '+' is a space in a query
        ("to=%2B4917", [("to", "+4917")]),                  // an escaped '+' stays a plus
        ("t=%C3%A9t%C3%A9", [("t", "été")]),                // UTF-8 escapes decode to one character each
        ("flag&x=", [("flag", ""), ("x", "")]),              // a name without '=' and an empty value
        ("a=1&&b=2", [("a", "1"), ("b", "2")]),             // empty fields are skipped
        ("x=50%", [("x", "50%")]),                          // a malformed escape is kept as it came
        ("k%3Dv=1", [("k=v", "1")]),                         // an escaped '=' belongs to the name
    ] as [(String, [(String, String)])])
    func fields(query: String, expected: [(String, String)]) {
        let fields = FormFields(parsing: Array(query.utf8))
        #expect(fields.pairs.map(\.name) == expected.map(\.0))
        #expect(fields.pairs.map { String(decoding: $0.octets, as: UTF8.self) } == expected.map(\.1))
    }

    @Test("aliases: the first name present wins")
    func aliases() {
        let fields = FormFields(parsing: Array("user=a&username=b&pass=c".utf8))
        #expect(fields.first("username", "user") == "b")
        #expect(fields.first("password", "pass") == "c")
        #expect(fields.first("nothing") == nil)
    }

    @Test("the target splits into a decoded path and the query")
    func target() {
        let request = HTTPRequest(method: .GET, target: "/api/v1/messages/%31%32?since_id=3&limit=4")
        #expect(request.path == "/api/v1/messages/12")
        #expect(request.query.first("since_id") == "3")
        #expect(HTTPRequest(method: .GET, target: "/healthz").query.pairs.isEmpty)
    }

    @Test("media type without parameters, lower-cased")
    func mediaType() {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "Application/JSON; charset=utf-8")
        #expect(HTTPRequest(method: .POST, target: "/", headers: headers).mediaType == "application/json")
        #expect(HTTPRequest(method: .POST, target: "/").mediaType == nil)
    }

    /// RFC 6750 §2.1 / RFC 9110 §11.1: the scheme is case-insensitive, the token is required.
    @Test("bearer tokens", arguments: [
        ("Bearer abc", "abc"), ("bearer abc", "abc"), ("BEARER  abc ", "abc"),
        ("Basic abc", nil), ("Bearer", nil), ("Bearer ", nil), ("", nil),
    ] as [(String, String?)])
    func bearer(header: String, token: String?) {
        #expect(HTTPAuthenticator.bearerToken(header) == token)
    }

    /// The destinations the HTTP interfaces take: digits only (SMSAddress alone would take a-c).
    @Test("dialled numbers", arguments: [
        ("+491701234567", "+491701234567"), ("0170123", "0170123"), ("abc", nil), ("+", nil), ("", nil),
        ("12345678901234567890", "12345678901234567890"), ("123456789012345678901", nil), ("12 34", nil), ("*100#", nil),
    ] as [(String, String?)])
    func dialled(text: String, expected: String?) {
        #expect(DialledNumber.parse(text)?.displayString == expected)
    }
}
