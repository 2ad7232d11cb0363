import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The receiving end of ``Wakeup``: a Unix datagram socket whose datagrams become signals in
/// ``wakes``. Wakes coalesce: however many datagrams arrive while the consumer is busy, it
/// sees one signal, then looks for all the work there is (docs/ipc.md, "Wake-ups").
public final class WakeupReceiver: Sendable {
    /// One element per batch of wake-ups; ends when the receiver is closed.
    public let wakes: AsyncStream<Void>
    /// The socket file's path.
    public let path: String
    private let channel: any Channel

    private init(path: String, channel: any Channel, wakes: AsyncStream<Void>) {
        self.path = path
        self.channel = channel
        self.wakes = wakes
    }

    /// Binds the datagram socket at `path` (a stale file there is removed first).
    /// - Throws: ``IPCError`` `bind_failed` naming the path and the reason.
    public static func bind(
        path: String,
        socketFileMode: UInt32 = 0o660,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(IPCError) -> WakeupReceiver {
        // Only the newest pending signal is kept: that is the coalescing.
        let (wakes, sink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let channel: any Channel
        do {
            channel = try await DatagramBootstrap(group: eventLoopGroup)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(WakeupHandler(sink: sink))
                    }
                }
                .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true)
                .get()
        } catch {
            sink.finish()
            throw IPCError(.bindFailed, "cannot bind the wake-up socket \(path): \(error)")
        }
        guard chmod(path, mode_t(socketFileMode)) == 0 else {
            let reason = String(cString: strerror(errno))
            try? await channel.close()
            throw IPCError(.bindFailed, "cannot set the mode of \(path): \(reason)")
        }
        return WakeupReceiver(path: path, channel: channel, wakes: wakes)
    }

    /// Closes the socket, removes its file and ends ``wakes``.
    public func close() async {
        try? await self.channel.close()
        unlink(self.path)
    }
}

/// Turns every datagram into a (coalescing) signal; the datagram's content is ignored.
private final class WakeupHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let sink: AsyncStream<Void>.Continuation

    init(sink: AsyncStream<Void>.Continuation) {
        self.sink = sink
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.sink.yield(())
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.sink.finish()
        context.fireChannelInactive()
    }
}
