import GatewayCore

/// A SIM's time on air: when it began, what it has sent since, and the thresholds drawn for it
/// (`rotate_after_messages` and `rotate_after`, each ± `rotate_jitter_percent`).
public struct Stint: Sendable, Equatable {
    public var sim: String
    public var since: Timestamp
    /// Messages sent (attempts not failed) since `since`.
    public var sent: Int
    /// Rotate once `sent` reaches it (nil: never by count).
    public var messageLimit: Int?
    /// Rotate once on air this long (nil: never by time).
    public var durationLimit: Duration?

    public init(sim: String, since: Timestamp, sent: Int = 0, messageLimit: Int?, durationLimit: Duration?) {
        self.sim = sim
        self.since = since
        self.sent = sent
        self.messageLimit = messageLimit
        self.durationLimit = durationLimit
    }

    /// Draws a stint's thresholds from `policy`; `jitter` in -1…1 (the caller's random draw)
    /// scales each by 1 + jitter × percent. A count never drops below 1.
    public static func thresholds(_ policy: SIMRotationPolicy, jitter: Double) -> (messages: Int?, duration: Duration?) {
        let factor = 1 + max(-1, min(1, jitter)) * Double(policy.rotateJitterPercent) / 100
        let messages = policy.rotateAfterMessages > 0
            ? max(1, Int((Double(policy.rotateAfterMessages) * factor).rounded())) : nil
        let milliseconds = policy.rotateAfter.components.seconds * 1000
        let duration = milliseconds > 0 ? Duration.milliseconds(max(1000, Int64((Double(milliseconds) * factor).rounded()))) : nil
        return (messages, duration)
    }
}
