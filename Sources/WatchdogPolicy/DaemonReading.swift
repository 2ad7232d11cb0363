/// What one `health` answer says, reduced to what the escalation policy needs.
public struct DaemonReading: Sendable, Hashable {
    /// The daemon's process id (nil: an older daemon that does not say it).
    public var pid: Int32?
    /// The daemon's own verdict (its work loop turns, its store answers).
    public var healthy: Bool
    public var detail: String
    /// Whether it has work it should be moving (messages waiting for idle ready modems,
    /// an outbox with due entries, sends in flight).
    public var hasWork: Bool
    /// A counter of work done that must move while `hasWork` (attempts, commands answered…).
    public var workDone: Int

    public init(pid: Int32?, healthy: Bool, detail: String, hasWork: Bool = false, workDone: Int = 0) {
        self.pid = pid
        self.healthy = healthy
        self.detail = detail
        self.hasWork = hasWork
        self.workDone = workDone
    }
}

/// One poll of a daemon: an answer, or silence (no socket, refused, timed out) with why.
public enum DaemonObservation: Sendable, Hashable {
    case answered(DaemonReading)
    case silent(String)
}
