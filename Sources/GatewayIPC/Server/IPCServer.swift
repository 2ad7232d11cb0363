import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A daemon's control socket: a Unix domain stream socket speaking protocol `P`
/// (docs/ipc.md). Each request runs the handler in its own child task, so one connection
/// may pipeline many requests; responses carry the request's id and may come out of order.
///
/// `bind` creates the socket (replacing a stale file, mode 0660); `run` serves until graceful
/// shutdown (stop accepting, refuse new requests with `shutting_down`, let running ones answer,
/// close) or cancellation (close at once).
public final class IPCServer<P: IPCProtocol>: Service, Sendable {
    public typealias Handler = @Sendable (P.Request) async throws -> P.Response
    typealias Outgoing = ServerMessage<P.Response, P.Event>

    /// The socket file's path.
    public let path: String
    let configuration: IPCServerConfiguration
    let logger: Logger
    let handler: Handler
    let codec: IPCMessageCodec
    let registry = ConnectionRegistry()
    private let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>

    private init(
        path: String,
        configuration: IPCServerConfiguration,
        logger: Logger,
        handler: @escaping Handler,
        listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    ) {
        self.path = path
        self.configuration = configuration
        self.logger = logger
        self.handler = handler
        self.codec = IPCMessageCodec(maximumFrameLength: configuration.maximumFrameLength)
        self.listener = listener
    }

    /// Binds the socket at `path` (a stale socket file there is removed first).
    /// - Throws: ``IPCError`` with code `bind_failed` naming the path and the reason.
    public static func bind(
        path: String,
        protocol: P.Type = P.self,
        configuration: IPCServerConfiguration = IPCServerConfiguration(),
        logger: Logger = Logger(label: "smsgw.ipc"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        handler: @escaping Handler
    ) async throws(IPCError) -> IPCServer<P> {
        let maximumFrameLength = configuration.maximumFrameLength
        let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
        do {
            listener = try await ServerBootstrap(group: eventLoopGroup)
                .serverChannelOption(.backlog, value: 256)
                .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(IPCFrameDecoder(maximumFrameLength: maximumFrameLength))
                        )
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                            wrappingChannelSynchronously: channel,
                            configuration: .init(backPressureStrategy: .init(lowWatermark: 16, highWatermark: 64))
                        )
                    }
                }
        } catch {
            throw IPCError(.bindFailed, "cannot listen on \(path): \(error)")
        }
        guard chmod(path, mode_t(configuration.socketFileMode)) == 0 else {
            let reason = String(cString: strerror(errno))
            try? await listener.channel.close()
            throw IPCError(.bindFailed, "cannot set the mode of \(path): \(reason)")
        }
        return IPCServer(path: path, configuration: configuration, logger: logger, handler: handler, listener: listener)
    }

    /// Serves connections until graceful shutdown or cancellation, then removes the socket file.
    public func run() async throws {
        defer { unlink(self.path) }
        try await withGracefulShutdownHandler {
            try await self.listener.executeThenClose { connections in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            group.addTask { await self.serve(connection) }
                        }
                    } catch {
                        self.logger.debug("accepting ended", metadata: ["path": "\(self.path)", "error": "\(error)"])
                    }
                }
            }
        } onGracefulShutdown: {
            self.shutdownGracefully()
        }
    }

    /// Stops accepting and drains every connection; `run` returns once they have closed.
    /// Graceful shutdown of the service group calls this; a caller may call it directly.
    public func shutdownGracefully() {
        self.listener.channel.close(promise: nil)
        self.registry.drainAll()
    }

    /// Pushes `event` to every connection that subscribed. Never waits: a subscriber whose
    /// queue is full is closed with `slow_consumer` semantics (it resynchronises on reconnect).
    /// - Throws: ``IPCError`` if the event cannot be encoded or exceeds the maximum frame length.
    public func publish(_ event: P.Event) throws(IPCError) {
        let frame = try self.codec.frame(Outgoing.event(event))
        for connection in self.registry.all {
            connection.offer(event: frame)
        }
    }
}
