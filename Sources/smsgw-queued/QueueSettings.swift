/// The queue's own knobs (issue 4: retries, unknown outcomes, sweeps, report correlation).
/// Defaults until the `[queue]` configuration section (QueueCore) supplies them.
struct QueueSettings: Sendable {
    /// Attempts per message before a temporary failure becomes final.
    var maximumAttempts = 3
    /// Back-off after the first temporary failure; doubles with each further one.
    var retryBackoff: Duration = .seconds(30)
    /// Whether an attempt whose outcome is unknown is sent again (risking a duplicate).
    var resendUnknown = false
    /// How often the safety-net sweep runs (held → queued, expiry, reports, retries due).
    var sweepInterval: Duration = .seconds(5)
    /// How far back a status report may point (TP-MR wraps at 256, 3GPP TS 23.040 §9.2.3.6).
    var reportWindow: Duration = .seconds(72 * 3600)
    /// A report no part matches yet stays pending this long (its `+CMGS` may still be recorded).
    var reportGrace: Duration = .seconds(600)
    /// How many messages one pick reads.
    var pickBatch = 256
    /// How long a send on modemd may take (every part's `AT+CMGS`).
    var sendTimeout: Duration = .seconds(180)
}
