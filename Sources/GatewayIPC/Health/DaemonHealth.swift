/// What every daemon answers to `health` (smsgw-watchdogd asks each one; `smsgwctl status`
/// and the web page show it): whether it is healthy, a counter of work done that must move
/// while there is work, what it would tell an operator, and its process id (watchdogd signals
/// it when a restart is due). modemd, ingressd and watchdogd add their own fields around it.
public struct DaemonHealth: Codable, Sendable, Hashable {
    public var healthy: Bool
    /// Grows with the daemon's work (loop turns, commands answered, messages accepted).
    public var progress: Int
    public var detail: String
    public var pid: Int32?

    public init(healthy: Bool, progress: Int, detail: String, pid: Int32? = nil) {
        self.healthy = healthy
        self.progress = progress
        self.detail = detail
        self.pid = pid
    }

    /// The health of a daemon whose one work loop last turned `lastTurnAge` ms ago: healthy
    /// while that is under `stallAfter` ms.
    public static func workLoop(_ loop: String, lastTurnAge: Int64, stallAfter: Int64, progress: Int, pid: Int32?)
        -> DaemonHealth
    {
        let healthy = lastTurnAge < stallAfter
        return DaemonHealth(
            healthy: healthy, progress: progress,
            detail: healthy ? "\(loop) turned \(lastTurnAge) ms ago" : "\(loop) stalled for \(lastTurnAge) ms", pid: pid)
    }
}
