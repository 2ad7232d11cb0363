/// How an ``IPCServer`` treats its connections (docs/ipc.md, "Limits").
public struct IPCServerConfiguration: Sendable {
    /// The largest frame payload accepted; a longer one gets `frame_too_large` and the connection closes.
    public var maximumFrameLength: Int
    /// Requests one connection may have running at once; past it the server stops reading
    /// that connection until one finishes (the kernel's socket buffer then pushes back on the client).
    public var maximumRequestsInFlightPerConnection: Int
    /// Event frames queued for one subscriber; past it the subscriber is closed with `slow_consumer`.
    public var maximumQueuedEventsPerSubscriber: Int
    /// The mode of the socket file (the daemons share a group on the box).
    public var socketFileMode: UInt32

    public init(
        maximumFrameLength: Int = IPCFrameDecoder.defaultMaximumFrameLength,
        maximumRequestsInFlightPerConnection: Int = 256,
        maximumQueuedEventsPerSubscriber: Int = 4096,
        socketFileMode: UInt32 = 0o660
    ) {
        self.maximumFrameLength = maximumFrameLength
        self.maximumRequestsInFlightPerConnection = max(1, maximumRequestsInFlightPerConnection)
        self.maximumQueuedEventsPerSubscriber = max(1, maximumQueuedEventsPerSubscriber)
        self.socketFileMode = socketFileMode
    }
}
