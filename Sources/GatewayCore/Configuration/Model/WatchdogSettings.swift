/// `[watchdog]`: the timings of smsgw-watchdogd's health checks, of modem hang detection and
/// power cycling, and of the hardware watchdog.
public struct WatchdogSettings: Sendable, Equatable {
    /// How often every daemon is asked for its health.
    public var healthInterval: Duration
    /// A daemon that has not answered or progressed for this long is restarted.
    public var healthTimeout: Duration
    /// Restarts of one daemon within an hour before the box is let reboot.
    public var restartLimit: Int
    /// How often a modem is polled (AT) when idle.
    public var modemPollInterval: Duration
    /// A modem that has not answered for this long is hung and gets power-cycled.
    public var modemHangTimeout: Duration
    /// How long power stays off during a power cycle.
    public var powerOffTime: Duration
    /// How long a modem may take to answer AT after power returns.
    public var modemBootTime: Duration
    /// Whether `/dev/watchdog` is fed at all (off for the demo box).
    public var hardwareEnabled: Bool
    public var hardwareDevice: String
    /// How often the hardware watchdog is fed while the box is healthy.
    public var hardwarePingInterval: Duration
    /// The hardware watchdog's timeout (WDIOC_SETTIMEOUT).
    public var hardwareTimeout: Duration
    /// How long a daemon has after SIGTERM before smsgw-watchdogd sends SIGKILL.
    public var killAfter: Duration
    /// How often smsgw-watchdogd runs `PRAGMA quick_check` on the store.
    public var integrityCheckInterval: Duration
    /// Free disk (MiB, on the store's file system) under which the box is degraded.
    public var minimumFreeDiskMiB: Int
    /// Available memory (MiB, /proc/meminfo `MemAvailable`) under which the box is degraded.
    public var minimumFreeMemoryMiB: Int

    public init(
        healthInterval: Duration, healthTimeout: Duration, restartLimit: Int, modemPollInterval: Duration,
        modemHangTimeout: Duration, powerOffTime: Duration, modemBootTime: Duration, hardwareEnabled: Bool,
        hardwareDevice: String, hardwarePingInterval: Duration, hardwareTimeout: Duration,
        killAfter: Duration = .seconds(10), integrityCheckInterval: Duration = .seconds(3600),
        minimumFreeDiskMiB: Int = 64, minimumFreeMemoryMiB: Int = 16
    ) {
        self.healthInterval = healthInterval
        self.healthTimeout = healthTimeout
        self.restartLimit = restartLimit
        self.modemPollInterval = modemPollInterval
        self.modemHangTimeout = modemHangTimeout
        self.powerOffTime = powerOffTime
        self.modemBootTime = modemBootTime
        self.hardwareEnabled = hardwareEnabled
        self.hardwareDevice = hardwareDevice
        self.hardwarePingInterval = hardwarePingInterval
        self.hardwareTimeout = hardwareTimeout
        self.killAfter = killAfter
        self.integrityCheckInterval = integrityCheckInterval
        self.minimumFreeDiskMiB = minimumFreeDiskMiB
        self.minimumFreeMemoryMiB = minimumFreeMemoryMiB
    }
}
