import NIOHTTP1
import Testing
@testable import IngressdDaemon

@Suite("HTTP router: method + path → handler")
struct HTTPRouterTests {
    static func router() -> HTTPRouter {
        var router = HTTPRouter()
        router.add(.GET, "/api/v1/messages/{id}") { _, parameters in .text("get \(parameters["id"] ?? "")") }
        router.add(.DELETE, "/api/v1/messages/{id}") { _, parameters in .text("delete \(parameters["id"] ?? "")") }
        router.add(.POST, "/api/v1/messages/batch") { _, _ in .text("batch") }
        router.add(.GET, "/healthz") { _, _ in .text("ok") }
        return router
    }

    @Test("literal segments win over nothing; parameters capture one segment", arguments: [
        (HTTPMethod.GET, "/api/v1/messages/42", "get 42"),
        (.DELETE, "/api/v1/messages/42", "delete 42"),
        (.POST, "/api/v1/messages/batch", "batch"),     // a literal route, not {id} = "batch" (method differs)
        (.GET, "/healthz/", "ok"),                       // a trailing slash names the same resource
    ])
    func found(method: HTTPMethod, path: String, body: String) async {
        let (response, _) = await Self.router().respond(to: HTTPRequest(method: method, target: path))
        #expect(response.status == .ok)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    @Test("unknown path → 404 JSON error")
    func notFound() async {
        let (response, route) = await Self.router().respond(to: HTTPRequest(method: .GET, target: "/api/v1/messages/1/extra"))
        #expect(response.status == .notFound)
        #expect(route == "unmatched")
        #expect(String(decoding: response.body, as: UTF8.self).contains("\"code\":\"not_found\""))
    }

    @Test("known path, other method → 405 with Allow (RFC 9110 §15.5.6)")
    func methodNotAllowed() async {
        let (response, _) = await Self.router().respond(to: HTTPRequest(method: .PUT, target: "/api/v1/messages/7"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.header("allow") == "GET, DELETE")
    }

    @Test("a literal segment beats a parameter: /messages/batch is not message \"batch\"")
    func specificity() async {
        let (response, _) = await Self.router().respond(to: HTTPRequest(method: .GET, target: "/api/v1/messages/batch"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.header("allow") == "POST")
    }

    @Test("the matched pattern names the route (metrics label), not the concrete path")
    func pattern() async {
        let (_, route) = await Self.router().respond(to: HTTPRequest(method: .GET, target: "/api/v1/messages/99"))
        #expect(route == "/api/v1/messages/{id}")
    }
}
