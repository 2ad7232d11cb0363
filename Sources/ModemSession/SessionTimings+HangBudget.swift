/// The timeouts that make the recovery ladder fit the hang budget (`[watchdog]`
/// `modem_poll_interval` P and `modem_hang_timeout` H; the budget: "a hung modem is detected
/// within 30 s and power-cycled", docs/architecture.md): whatever the modem was doing when it stopped answering, its
/// power is cut within H of its last answer.
extension SessionTimings {
    /// Timings for a modem polled every `pollInterval` and power-cycled at most `hangTimeout`
    /// after its last answer.
    ///
    /// - Idle: P of silence until the next poll, then the poll's command timeout, the probe's
    ///   and the soft reset's share what is left, B = H − P, 40/20/40 (each clamped to a sane
    ///   range).
    /// - In a send, after the PDU (3GPP TS 27.005 §3.5.1): the `> ` prompt was the last answer
    ///   and the session is listening, so no poll interval is spent. `+CMGS:` is waited for
    ///   H − probe timeout (a network round trip takes seconds: 1.5–2.5 s on the profiles'
    ///   modules, tens of seconds on a congested cell), then the probe; a modem that answers
    ///   neither is power-cycled without the soft reset (`ModemSession+Ladder`).
    public static func fitting(
        hangTimeout: Duration, pollInterval: Duration, bootWait: Duration, bootTimeout: Duration, powerOffTime: Duration
    ) -> SessionTimings {
        let budget = max(hangTimeout - pollInterval, .seconds(1))
        let commandTimeout = min(max(budget * 0.4, .milliseconds(500)), .seconds(10))
        let probeTimeout = min(max(budget * 0.2, .milliseconds(250)), .seconds(5))
        return SessionTimings(
            commandTimeout: commandTimeout, sendTimeout: max(commandTimeout, hangTimeout - probeTimeout),
            probeTimeout: probeTimeout, bootWait: bootWait, bootTimeout: bootTimeout, powerOffTime: powerOffTime,
            pollInterval: pollInterval, simReadyTimeout: .seconds(20), registrationTimeout: .seconds(30),
            retryInterval: .seconds(1), failedBackoff: .seconds(30), failedBackoffLimit: .seconds(600))
    }
}
