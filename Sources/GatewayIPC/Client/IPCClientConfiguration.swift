/// How an ``IPCClient`` treats its connection (docs/ipc.md, "Limits").
public struct IPCClientConfiguration: Sendable {
    /// The largest frame accepted from the server, and the largest request sent.
    public var maximumFrameLength: Int
    /// The timeout of a call that names none; `nil` waits as long as the connection lives.
    public var defaultTimeout: Duration?
    /// Events received but not yet read from ``IPCClient/events``; past it the client closes
    /// the connection with `slow_consumer` (the caller resynchronises on reconnect).
    public var maximumQueuedEvents: Int

    public init(
        maximumFrameLength: Int = IPCFrameDecoder.defaultMaximumFrameLength,
        defaultTimeout: Duration? = .seconds(30),
        maximumQueuedEvents: Int = 4096
    ) {
        self.maximumFrameLength = maximumFrameLength
        self.defaultTimeout = defaultTimeout
        self.maximumQueuedEvents = max(1, maximumQueuedEvents)
    }
}
