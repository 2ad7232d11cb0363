/// simd's own timings, which are not operator settings (the rotation policies of
/// `[[sim_groups]]` hold those). In-process tests pass shorter ones to the `Rotator`.
struct SimdTimings: Sendable {
    /// The loop's tick (safety net; modemd's events and requests also kick it): `--tick-milliseconds`.
    var tick: Duration = .seconds(1)
    /// How long to wait for queued to finish the modem's send in flight after pausing it.
    var drainTimeout: Duration = .seconds(120)
    /// How long a switch may take (modemd re-initialises the modem on the new SIM).
    var switchTimeout: Duration = .seconds(180)
    /// A modem not ready this long on its SIM is planned for anyway (a barred SIM never registers).
    var stuckAfter: Duration = .seconds(60)
    /// How long modemd's answer to a USSD request may take (it waits 30 s for the network).
    var ussdTimeout: Duration = .seconds(40)
    /// A SIM whose switch failed is tried again after this long.
    var missingRetry: Duration = .seconds(600)
}
