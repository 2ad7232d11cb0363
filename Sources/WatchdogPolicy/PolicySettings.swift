/// The timings and limits of the escalation policy, in milliseconds of a monotonic clock
/// (from `[watchdog]`, docs/configuration.md).
public struct PolicySettings: Sendable, Hashable {
    /// A daemon silent, unhealthy or stuck this long is restarted (`watchdog.health_timeout`).
    public var healthTimeout: Int64
    /// How long SIGTERM has before SIGKILL (`watchdog.kill_after`).
    public var killAfter: Int64
    /// Restarts of one daemon within an hour beyond which the box is let reboot
    /// (`watchdog.restart_limit`).
    public var restartLimit: Int
    /// A modem not ready this long is power-cycled (`watchdog.modem_hang_timeout`).
    public var modemHangTimeout: Int64
    /// After a power cycle: power off plus boot time, before the modem is judged again.
    public var modemSettleTime: Int64

    public init(healthTimeout: Int64, killAfter: Int64, restartLimit: Int, modemHangTimeout: Int64, modemSettleTime: Int64) {
        self.healthTimeout = healthTimeout
        self.killAfter = killAfter
        self.restartLimit = restartLimit
        self.modemHangTimeout = modemHangTimeout
        self.modemSettleTime = modemSettleTime
    }

    /// An hour, the window of `restartLimit`.
    public static let restartWindow: Int64 = 3_600_000
}
