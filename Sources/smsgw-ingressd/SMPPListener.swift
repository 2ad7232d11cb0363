import GatewayCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The SMPP 3.4 server socket (`[listeners.smpp]`): accepts TCP connections and serves each
/// as an `SMPPSession` until graceful shutdown closes the listener.
struct SMPPListener: Service {
    private let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let session: SMPPSession
    private let logger: Logger
    /// The port bound (useful when the configuration asks for port 0).
    let port: Int

    static func bind(host: String, port: Int, session: SMPPSession, logger: Logger) async throws -> SMPPListener {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let bound = listener.channel.localAddress?.port ?? port
        return SMPPListener(listener: listener, session: session, logger: logger, port: bound)
    }

    private init(listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>, session: SMPPSession,
                 logger: Logger, port: Int) {
        (self.listener, self.session, self.logger, self.port) = (listener, session, logger, port)
    }

    func run() async throws {
        try await AcceptLoop.run(listener, name: "SMPP", logger: logger) { [session] client in await session.serve(client) }
    }
}
