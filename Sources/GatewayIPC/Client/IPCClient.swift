import NIOCore
import NIOPosix

/// A connection to a daemon's control socket speaking protocol `P` (docs/ipc.md).
///
/// Calls may be made from any number of tasks at once: each gets a fresh id, they are
/// pipelined on the one connection, and each reply is matched to its call by id. A call fails
/// with a typed ``IPCError`` — its own error reply, `timeout`, `cancelled`, or
/// `connection_closed` — and never hangs past its timeout. Reconnecting is the caller's
/// decision (see ``connect(to:protocol:configuration:eventLoopGroup:retryingFor:every:)``).
public final class IPCClient<P: IPCProtocol>: Sendable {
    /// Events pushed by the server after ``subscribe()``; ends when the connection closes.
    public let events: AsyncStream<P.Event>
    let channel: any Channel
    let calls: PendingCalls<P.Response>
    let codec: IPCMessageCodec
    let configuration: IPCClientConfiguration

    private init(channel: any Channel, calls: PendingCalls<P.Response>, events: AsyncStream<P.Event>, configuration: IPCClientConfiguration) {
        self.channel = channel
        self.calls = calls
        self.events = events
        self.configuration = configuration
        self.codec = IPCMessageCodec(maximumFrameLength: configuration.maximumFrameLength)
    }

    /// Connects to the socket at `path`.
    /// - Throws: ``IPCError`` `connect_failed` naming the path and the reason.
    public static func connect(
        to path: String,
        protocol: P.Type = P.self,
        configuration: IPCClientConfiguration = IPCClientConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(IPCError) -> IPCClient<P> {
        let calls = PendingCalls<P.Response>()
        let (events, eventSink) = AsyncStream.makeStream(of: P.Event.self, bufferingPolicy: .bufferingOldest(configuration.maximumQueuedEvents))
        let codec = IPCMessageCodec(maximumFrameLength: configuration.maximumFrameLength)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: eventLoopGroup)
                .connect(unixDomainSocketPath: path) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers(
                            ByteToMessageHandler(IPCFrameDecoder(maximumFrameLength: configuration.maximumFrameLength)),
                            IPCClientHandler<P.Response, P.Event>(calls: calls, events: eventSink, codec: codec)
                        )
                        return channel
                    }
                }
        } catch {
            eventSink.finish()
            throw IPCError(.connectFailed, "cannot connect to \(path): \(error)")
        }
        return IPCClient(channel: channel, calls: calls, events: events, configuration: configuration)
    }

    /// Sends `request` and waits for its response.
    /// - Parameter timeout: how long to wait; `nil` uses the configuration's default.
    /// - Throws: ``IPCError``: the server's error reply, or `timeout`, `cancelled`,
    ///   `connection_closed`, `undecodable_response`, `unencodable_request`, `frame_too_large`.
    public func call(_ request: P.Request, timeout: Duration? = nil) async throws(IPCError) -> P.Response {
        let id = self.calls.makeID()
        let frame = try self.codec.frame(ClientMessage<P.Request>.request(id: id, request))
        switch try await self.exchange(id: id, frame: frame, timeout: timeout ?? self.configuration.defaultTimeout).get() {
        case .response(let response):
            return response
        case .subscribed:
            throw IPCError(.undecodableResponse, "request \(id) was answered with a subscription acknowledgement")
        }
    }

    /// Asks the server to push its events to this connection (read them from ``events``).
    public func subscribe(timeout: Duration? = nil) async throws(IPCError) {
        let id = self.calls.makeID()
        let frame = try self.codec.frame(ClientMessage<P.Request>.subscribe(id: id))
        switch try await self.exchange(id: id, frame: frame, timeout: timeout ?? self.configuration.defaultTimeout).get() {
        case .subscribed:
            return
        case .response:
            throw IPCError(.undecodableResponse, "subscription \(id) was answered with a response")
        }
    }

    /// Closes the connection; calls still waiting fail with `connection_closed`.
    public func close() async {
        try? await self.channel.close()
    }

    private func exchange(id: UInt64, frame: ByteBuffer, timeout: Duration?) async -> Result<CallReply<P.Response>, IPCError> {
        let calls = self.calls
        return await withTaskCancellationHandler {
            await withCheckedContinuation { waiter in
                calls.register(id, waiter)
                if Task.isCancelled {
                    calls.complete(id, with: .failure(IPCError(.cancelled, "call \(id) was cancelled")))
                    return
                }
                if let timeout {
                    let timer = self.channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                        calls.complete(id, with: .failure(IPCError(.timeout, "no reply to call \(id) within \(timeout)")))
                    }
                    calls.attach(timer, to: id)
                }
                self.channel.writeAndFlush(frame).whenFailure { error in
                    calls.complete(id, with: .failure(IPCError(.connectionClosed, "cannot send call \(id): \(error)")))
                }
            }
        } onCancel: {
            calls.complete(id, with: .failure(IPCError(.cancelled, "call \(id) was cancelled")))
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        self = nanoseconds.overflow ? .nanoseconds(.max) : .nanoseconds(nanoseconds.partialValue + attoseconds / 1_000_000_000)
    }
}
