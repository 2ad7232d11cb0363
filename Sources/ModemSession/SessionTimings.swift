/// The durations a modem session works with. Time in a session is a `Duration` since an
/// arbitrary origin (the daemon's monotonic clock, or a test's manual clock): the session never
/// reads a clock itself.
public struct SessionTimings: Sendable, Hashable {
    /// How long an ordinary command may take before the recovery ladder starts.
    public var commandTimeout: Duration
    /// How long `AT+CMGS` may take from the body's Ctrl-Z to `+CMGS:` (3GPP TS 27.005 §3.5.1:
    /// the network round trip; seconds on a real module). With the probe timeout after it, at
    /// most the hang timeout (`SessionTimings.fitting`): a modem silent after the PDU is
    /// power-cycled within it.
    public var sendTimeout: Duration
    /// How long the ladder's probe `AT+CMEE?` may take (again from a late answer it skipped), and
    /// each `AT` while a module boots.
    public var probeTimeout: Duration
    /// How long to wait after power-on or reset before the first probe (the profile's boot time).
    public var bootWait: Duration
    /// How long after power-on or reset the module may take to answer `AT` at all.
    public var bootTimeout: Duration
    /// How long the power line stays off during a power cycle (the profile's figure).
    public var powerOffTime: Duration
    /// How often an idle, ready modem is polled (signal, registration, operator, storage).
    public var pollInterval: Duration
    /// How long `AT+CPIN?` may keep answering something other than READY during init.
    public var simReadyTimeout: Duration
    /// How long init waits for network registration before going ready anyway.
    public var registrationTimeout: Duration
    /// The pause between two `AT+CPIN?` / `AT+CREG?` tries during init.
    public var retryInterval: Duration
    /// The first wait after the ladder ends in `failed`; doubled after each failed retry.
    public var failedBackoff: Duration
    /// The longest wait between two retries of a failed modem.
    public var failedBackoffLimit: Duration

    public init(
        commandTimeout: Duration = .seconds(5), sendTimeout: Duration = .seconds(60), probeTimeout: Duration = .seconds(3),
        bootWait: Duration = .seconds(5), bootTimeout: Duration = .seconds(30), powerOffTime: Duration = .seconds(3),
        pollInterval: Duration = .seconds(15), simReadyTimeout: Duration = .seconds(20),
        registrationTimeout: Duration = .seconds(60), retryInterval: Duration = .seconds(1),
        failedBackoff: Duration = .seconds(30), failedBackoffLimit: Duration = .seconds(600)
    ) {
        self.commandTimeout = commandTimeout
        self.sendTimeout = sendTimeout
        self.probeTimeout = probeTimeout
        self.bootWait = bootWait
        self.bootTimeout = bootTimeout
        self.powerOffTime = powerOffTime
        self.pollInterval = pollInterval
        self.simReadyTimeout = simReadyTimeout
        self.registrationTimeout = registrationTimeout
        self.retryInterval = retryInterval
        self.failedBackoff = failedBackoff
        self.failedBackoffLimit = failedBackoffLimit
    }
}
