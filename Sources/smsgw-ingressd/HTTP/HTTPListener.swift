import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

/// The HTTP/1.1 server socket (`[listeners.http]`): NIOHTTP1's codec with pipelining assistance
/// (answers leave in request order, RFC 9112 §9.3.2), an idle timeout, and one
/// `HTTPConnection` per TCP connection, until graceful shutdown closes the listener.
struct HTTPListener: Service, CustomStringConvertible {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    private let listener: NIOAsyncChannel<Connection, Never>
    private let connection: HTTPConnection
    private let logger: Logger
    /// The port bound (useful when the configuration asks for port 0).
    let port: Int

    static func bind(host: String, port: Int, connection: HTTPConnection, idleTimeout: TimeAmount = .seconds(60),
                     logger: Logger) async throws -> HTTPListener {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withPipeliningAssistance: true, withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandlers(
                        IdleStateHandler(readTimeout: idleTimeout), IdleConnectionCloser())
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        let bound = listener.channel.localAddress?.port ?? port
        return HTTPListener(listener: listener, connection: connection, logger: logger, port: bound)
    }

    private init(listener: NIOAsyncChannel<Connection, Never>, connection: HTTPConnection, logger: Logger, port: Int) {
        (self.listener, self.connection, self.logger, self.port) = (listener, connection, logger, port)
    }

    var description: String { "HTTPListener(port: \(port))" }

    func run() async throws {
        try await AcceptLoop.run(listener, name: "HTTP", logger: logger) { [connection] client in await connection.serve(client) }
    }
}

/// Closes a connection that has been silent for the idle timeout (IdleStateHandler's event).
final class IdleConnectionCloser: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
