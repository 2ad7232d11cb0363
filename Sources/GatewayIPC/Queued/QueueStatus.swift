/// The queue as `status` shows it.
public struct QueueStatus: Codable, Sendable, Hashable {
    /// Message counts: state → class → count (states and classes as their raw values).
    public var depth: [String: [String: Int]]
    /// Message id in flight on each modem (configuration id); absent modems are idle.
    public var inFlight: [String: Int64]
    /// Modems modemd reports ready, by configuration id.
    public var readyModems: [String]
    /// Milliseconds the oldest `queued` message has waited (nil: none waits).
    public var oldestWaitingMilliseconds: Int64?
    public var pausedModems: [String]
    public var pausedSIMs: [String]
    /// Whether the link to smsgw-modemd is up.
    public var modemdConnected: Bool
    /// Counters since start: attempts, sent, retried, failed, unknown, reports matched…
    public var counters: [String: Int]

    public init(depth: [String: [String: Int]], inFlight: [String: Int64], readyModems: [String],
                oldestWaitingMilliseconds: Int64?, pausedModems: [String], pausedSIMs: [String],
                modemdConnected: Bool, counters: [String: Int]) {
        self.depth = depth
        self.inFlight = inFlight
        self.readyModems = readyModems
        self.oldestWaitingMilliseconds = oldestWaitingMilliseconds
        self.pausedModems = pausedModems
        self.pausedSIMs = pausedSIMs
        self.modemdConnected = modemdConnected
        self.counters = counters
    }
}

