import NIOHTTP1

/// Method + path → handler. Patterns are `/`-separated segments, `{name}` capturing one
/// segment. An unknown path answers 404, a known path with another method 405 with `Allow`
/// (RFC 9110 §15.5.6). Pure: tests drive it in process without a socket.
struct HTTPRouter: Sendable {
    typealias Handler = @Sendable (HTTPRequest, RouteParameters) async -> HTTPResponse

    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private struct Route: Sendable {
        var method: HTTPMethod
        var pattern: String
        var segments: [Segment]
        var handler: Handler
    }

    enum Match {
        case found(pattern: String, handler: Handler, parameters: RouteParameters)
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    /// What a request that matches no route gets: the status (404, or 405 with the allowed
    /// methods) and a sentence saying why. The API answers JSON (`APIError`); the web page HTML.
    typealias Miss = @Sendable (_ status: HTTPResponseStatus, _ message: String) -> HTTPResponse

    private var routes: [Route] = []
    private let miss: Miss

    init(miss: @escaping Miss = HTTPRouter.apiMiss) {
        self.miss = miss
    }

    @Sendable static func apiMiss(_ status: HTTPResponseStatus, _ message: String) -> HTTPResponse {
        APIError(status, status == .notFound ? "not_found" : "method_not_allowed", message).response
    }

    mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        let segments = Self.split(pattern).map { part -> Segment in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(part)
        }
        routes.append(Route(method: method, pattern: pattern, segments: segments, handler: handler))
    }

    /// The most specific pattern matching `path` names the resource (a literal segment beats
    /// a parameter: `/messages/batch` is not message "batch"); its routes decide the method.
    func match(method: HTTPMethod, path: String) -> Match {
        let parts = Self.split(path)
        var best: [(route: Route, parameters: RouteParameters)] = []
        var bestLiterals = -1
        for route in routes {
            guard let parameters = Self.bind(route.segments, to: parts) else { continue }
            let literals = route.segments.filter { if case .literal = $0 { true } else { false } }.count
            if literals > bestLiterals { (best, bestLiterals) = ([], literals) }
            if literals == bestLiterals { best.append((route, parameters)) }
        }
        if let found = best.first(where: { $0.route.method == method }) {
            return .found(pattern: found.route.pattern, handler: found.route.handler, parameters: found.parameters)
        }
        return best.isEmpty ? .notFound : .methodNotAllowed(allowed: best.map(\.route.method))
    }

    /// The answer to `request`, and the route pattern it matched (for metrics; "unmatched").
    func respond(to request: HTTPRequest) async -> (response: HTTPResponse, route: String) {
        switch match(method: request.method, path: request.path) {
        case .found(let pattern, let handler, let parameters):
            return (await handler(request, parameters), pattern)
        case .methodNotAllowed(let allowed):
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            var response = miss(.methodNotAllowed, "\(request.method.rawValue) is not allowed here; use \(names)")
            response.headers.append(("allow", names))
            return (response, "unmatched")
        case .notFound:
            return (miss(.notFound, "no resource at \(request.path)"), "unmatched")
        }
    }

    private static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    private static func bind(_ segments: [Segment], to parts: [String]) -> RouteParameters? {
        guard segments.count == parts.count else { return nil }
        var values: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text): guard text == part else { return nil }
            case .parameter(let name): values[name] = part
            }
        }
        return RouteParameters(values: values)
    }
}

/// The `{name}` segments a route captured.
struct RouteParameters: Sendable, Equatable {
    var values: [String: String]
    subscript(_ name: String) -> String? { values[name] }
}
