/// Where a daemon's loops read the time and wait. Two clocks, because they answer different
/// questions: the wall clock says what time it is — what the store records, and what validity,
/// back-offs, quiet hours, cool-downs and the local hour/day/month limits are judged by — and
/// the monotonic clock measures how long something took or has been waited for (a loop's turn
/// age, a sweep's period, a deadline), never jumping when the wall clock is set.
///
/// The daemons are given the system's clocks (GatewayDaemon `SystemClock`) at their edge, in
/// `main`; tests give a manual one they move by hand (GatewayTestSupport `ManualClock`), so a
/// loop's timed behaviour — a retry that waits out its back-off, a counter that resets at local
/// midnight — is driven in process without sleeping through the time.
public protocol DaemonClock: Sendable {
    /// Now, by the wall clock.
    func now() -> Timestamp

    /// Monotonic time since an origin fixed for the clock's life (not a time of day).
    func monotonic() -> Duration

    /// Waits until `duration` of monotonic time has passed; throws `CancellationError` when the
    /// task is cancelled first.
    func sleep(for duration: Duration) async throws
}
