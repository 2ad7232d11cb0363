import Logging
import NIOCore
import NIOHTTP1

/// One HTTP/1.1 connection: reads each request whole (body capped at `maximumBody`; more →
/// 413 and the connection closes, since the rest of the body cannot be skipped safely), asks
/// the router, writes the answer, and keeps the connection open while both sides want
/// keep-alive (RFC 9112 §9.3). Pipelined requests are answered one after the other.
struct HTTPConnection: Sendable {
    /// 1 MiB: a batch of 1,000 messages fits, a runaway client does not.
    static let maximumBody = 1 << 20

    let router: HTTPRouter
    let metrics: HTTPMetrics
    let logger: Logger

    func serve(_ channel: HTTPListener.Connection) async {
        do {
            try await channel.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body: [UInt8] = []
                for try await part in inbound {
                    switch part {
                    case .head(let next):
                        head = next
                        body = []
                        if let length = next.headers.first(name: "content-length").flatMap(Int.init), length > Self.maximumBody {
                            try await write(Self.tooLarge, to: outbound, version: next.version, keepAlive: false)
                            return
                        }
                    case .body(var chunk):
                        guard body.count + chunk.readableBytes <= Self.maximumBody else {
                            try await write(Self.tooLarge, to: outbound, version: head?.version ?? .http1_1, keepAlive: false)
                            return
                        }
                        body += chunk.readBytes(length: chunk.readableBytes) ?? []
                    case .end:
                        guard let request = head else { continue }
                        head = nil
                        let start = ContinuousClock.now
                        let (response, route) = await router.respond(to: HTTPRequest(
                            method: request.method, target: request.uri, headers: request.headers, body: body))
                        body = []
                        metrics.record(route: route, method: request.method, status: response.status,
                                       duration: ContinuousClock.now - start)
                        try await write(response, to: outbound, version: request.version, keepAlive: request.isKeepAlive)
                        if !request.isKeepAlive { return }
                    }
                }
            }
        } catch {
            logger.debug("HTTP connection ended: \(error)")
        }
    }

    private static let tooLarge = APIError(.payloadTooLarge, "body_too_large",
                                           "the request body is larger than \(maximumBody) bytes").response

    private func write(_ response: HTTPResponse, to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>,
                       version: HTTPVersion, keepAlive: Bool) async throws {
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        headers.replaceOrAdd(name: "content-length", value: String(response.body.count))
        if !keepAlive { headers.replaceOrAdd(name: "connection", value: "close") }
        else if version == .http1_0 { headers.replaceOrAdd(name: "connection", value: "keep-alive") }
        try await outbound.write(contentsOf: [
            .head(HTTPResponseHead(version: version, status: response.status, headers: headers)),
            .body(.byteBuffer(ByteBuffer(bytes: response.body))),
            .end(nil),
        ])
    }
}
