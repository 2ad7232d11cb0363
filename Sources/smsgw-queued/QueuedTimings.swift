/// queued's own timings, which are not operator settings (`[queue]` holds those, read through
/// QueueCore's `QueueDecisions`).
struct QueuedTimings: Sendable {
    /// A report no part matches yet stays pending this long (its `+CMGS` may still be recorded).
    var reportGrace: Duration = .seconds(600)
    /// How many messages the full pick reads.
    var pickBatch = 256
    /// The short pick a turn tries first reads this many messages per idle modem.
    var pickPerIdleModem = 4
    /// How long a send on modemd may take (every part's `AT+CMGS`).
    var sendTimeout: Duration = .seconds(180)
    /// After SIGTERM, how long sends in flight get to end; one still running then is cut
    /// (`--stop-grace`; the unit's `TimeoutStopSec=` leaves room beyond it to record the cut).
    var stopGrace: Duration = .seconds(10)
    /// The safety-net poll of modemd's status (its `modemChanged` events are the fast path).
    var modemPoll: Duration = .seconds(15)
}
