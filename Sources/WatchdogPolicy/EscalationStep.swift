/// The rungs of the escalation ladder (docs/watchdogd.md, "The ladder"), as recorded in
/// `watchdog_escalations.step`.
public enum EscalationStep: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ask the daemon to recover by itself (`recover` request: queued re-sweeps).
    case recover
    /// SIGTERM to its pid so the supervisor (systemd `Restart=`, `smsgwctl up`) restarts it;
    /// with no pid known, the restart is left to the supervisor and only recorded.
    case terminate
    /// SIGKILL after SIGTERM did not end it within the bound.
    case kill
    /// Ask modemd to power-cycle a modem that stays hung.
    case powerCycle = "power_cycle"
    /// Stop feeding the hardware watchdog: the box reboots.
    case stopFeeding = "stop_feeding"
}

/// One thing the watchdog decided to do, for the I/O layer to carry out and record.
public struct EscalationAction: Sendable, Hashable {
    /// `modemd`, `queued`, `simd`, `ingressd`, `modem:<id>` or `box`.
    public var subject: String
    public var step: EscalationStep
    /// The process to signal (terminate, kill).
    public var pid: Int32?
    /// The modem to power-cycle.
    public var modem: String?
    public var reason: String
    /// Set when the step was already carried out by someone else (a power cycle by modemd's
    /// own ladder): only recorded, with this as its outcome.
    public var doneBy: String?

    public init(subject: String, step: EscalationStep, pid: Int32? = nil, modem: String? = nil, reason: String,
                doneBy: String? = nil) {
        self.subject = subject
        self.step = step
        self.pid = pid
        self.modem = modem
        self.reason = reason
        self.doneBy = doneBy
    }
}
