/// What `recover` did: the queue's full sweep, run by its work loop at the start of a turn
/// (the turn then fills the idle modems as any turn does). Answered once it is done.
public struct QueueRecovery: Codable, Sendable, Hashable {
    /// Attempts left `pending` with no send of this process behind them, now `unknown` (as
    /// start-up marks those a previous process left).
    public var staleAttempts: Int
    /// Held messages whose time came, now `queued`.
    public var released: Int
    /// Waiting messages past their validity, now `expired`.
    public var expired: Int
    /// Status reports matched to a part, and given up as matching none.
    public var reportsMatched: Int
    public var reportsUnmatched: Int
    /// DLRs queued upstream by the matched reports.
    public var dlrsQueued: Int
    /// Milliseconds the oldest `queued` message has waited after the sweep (nil: none waits).
    public var oldestWaitingMilliseconds: Int64?

    public init(staleAttempts: Int, released: Int, expired: Int, reportsMatched: Int, reportsUnmatched: Int,
                dlrsQueued: Int, oldestWaitingMilliseconds: Int64?) {
        self.staleAttempts = staleAttempts
        self.released = released
        self.expired = expired
        self.reportsMatched = reportsMatched
        self.reportsUnmatched = reportsUnmatched
        self.dlrsQueued = dlrsQueued
        self.oldestWaitingMilliseconds = oldestWaitingMilliseconds
    }

    /// One line for logs and smsgw-watchdogd's escalation record.
    public var summary: String {
        let waiting = oldestWaitingMilliseconds.map { "oldest waiting \($0) ms" } ?? "nothing waiting"
        return "full sweep done: \(staleAttempts) stale attempt(s) marked unknown, \(released) released from hold, "
            + "\(expired) expired, \(reportsMatched) status report(s) matched, \(reportsUnmatched) unmatched, "
            + "\(dlrsQueued) DLR(s) queued; \(waiting)"
    }
}
