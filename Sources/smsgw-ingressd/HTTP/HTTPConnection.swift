import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization

/// One HTTP/1.1 connection: reads each request whole (body capped at `maximumBody`; more →
/// 413 and the connection closes, since the rest of the body cannot be skipped safely), asks
/// the router, writes the answer, and keeps the connection open while both sides want
/// keep-alive (RFC 9112 §9.3). Pipelined requests are answered one after the other. On
/// graceful shutdown an idle connection is closed at once and a busy one after its answer
/// (with `Connection: close`), so SIGTERM does not wait for keep-alive clients.
struct HTTPConnection: Sendable {
    /// 1 MiB: a batch of 1,000 messages fits, a runaway client does not.
    static let maximumBody = 1 << 20

    let router: HTTPRouter
    let metrics: HTTPMetrics
    let logger: Logger

    func serve(_ channel: HTTPListener.Connection) async {
        let lifecycle = ConnectionLifecycle()
        let nioChannel = channel.channel
        let peer = nioChannel.remoteAddress?.ipAddress
        await withGracefulShutdownHandler {
            await serve(channel, lifecycle: lifecycle, peer: peer)
        } onGracefulShutdown: {
            if lifecycle.shutDown() { nioChannel.close(promise: nil) }
        }
    }

    private func serve(_ channel: HTTPListener.Connection, lifecycle: ConnectionLifecycle, peer: String?) async {
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
                        lifecycle.begin()
                        let start = ContinuousClock.now
                        let (response, route) = await router.respond(to: HTTPRequest(
                            method: request.method, target: request.uri, headers: request.headers, body: body, peer: peer))
                        body = []
                        metrics.record(route: route, method: request.method, status: response.status,
                                       duration: ContinuousClock.now - start)
                        let keepAlive = request.isKeepAlive && !lifecycle.shuttingDown
                        try await write(response, to: outbound, version: request.version, keepAlive: keepAlive)
                        if !keepAlive || lifecycle.end() { return }
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

/// Whether a connection is answering a request, and whether shutdown has begun: shutdown
/// closes an idle connection itself, a busy one closes after its answer.
final class ConnectionLifecycle: Sendable {
    private struct State {
        var busy = false
        var shuttingDown = false
    }

    private let state = Mutex(State())

    func begin() { state.withLock { $0.busy = true } }

    /// The request is answered; true when the connection should close now (shutdown began).
    func end() -> Bool {
        state.withLock { state in
            state.busy = false
            return state.shuttingDown
        }
    }

    var shuttingDown: Bool { state.withLock { $0.shuttingDown } }

    /// Shutdown begins; true when the connection is idle and may be closed at once.
    func shutDown() -> Bool {
        state.withLock { state in
            state.shuttingDown = true
            return !state.busy
        }
    }
}
