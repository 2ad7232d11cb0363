/// One rung smsgw-watchdogd climbed, as `smsgwctl status` shows it: a row of
/// `watchdog_escalations` (docs/store.md, docs/watchdogd.md "The ladder").
public struct StatusEscalation: Codable, Equatable, Sendable {
    /// When, RFC 3339 in UTC to the second.
    public var at: String
    /// `modemd`, `queued`, `simd`, `ingressd`, `modem:<id>` or `box`.
    public var subject: String
    /// `recover`, `terminate`, `kill`, `power_cycle`, `stop_feeding`.
    public var step: String
    public var pid: Int32?
    public var reason: String
    public var outcome: String

    public init(at: String, subject: String, step: String, pid: Int32?, reason: String, outcome: String) {
        self.at = at
        self.subject = subject
        self.step = step
        self.pid = pid
        self.reason = reason
        self.outcome = outcome
    }
}
