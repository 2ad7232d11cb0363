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

    public init(
        healthInterval: Duration, healthTimeout: Duration, restartLimit: Int, modemPollInterval: Duration,
        modemHangTimeout: Duration, powerOffTime: Duration, modemBootTime: Duration, hardwareEnabled: Bool,
        hardwareDevice: String, hardwarePingInterval: Duration, hardwareTimeout: Duration
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
    }
}
