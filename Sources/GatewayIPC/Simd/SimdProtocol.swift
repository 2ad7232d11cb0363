/// What `smsgw-simd` answers on its control socket (docs/simd.md, "Control socket").
/// SIMs are named by their configuration id (`[[sims]].id`), modems likewise.
public enum SimdProtocol: IPCProtocol {
    public enum Request: Codable, Sendable, Hashable {
        /// Every configured SIM with its state, counters and limits.
        case status
        /// Never on air until unlocked (taken off air at once if it is on).
        case lock(sim: String)
        case unlock(sim: String)
        /// Take `modem`'s SIM off air now for the next one that may go on.
        case rotate(modem: String)
        /// Limits set by hand over the configuration's (nil: keep the configuration's).
        case setLimits(sim: String, perHour: Int?, perDay: Int?, perMonth: Int?)
        /// Out of quarantine (to standby).
        case release(sim: String)
        case health
        /// Read the configuration file again, as SIGHUP does, and say what was applied.
        case reload
    }

    public enum Response: Codable, Sendable, Hashable {
        case status(SimdStatus)
        /// The SIM after the change.
        case sim(SimdSIMStatus)
        /// The rotation was asked for; the loop performs it.
        case rotating(modem: String)
        case health(DaemonHealth)
        case reload(ReloadReport)
    }

    public enum Event: Codable, Sendable, Hashable {
        /// A SIM changed state.
        case simChanged(sim: String, state: String, reason: String)
    }
}

extension IPCErrorCode {
    /// No such SIM in the configuration.
    public static let unknownSIM = IPCErrorCode("unknown_sim")
    /// The request does not fit the SIM's state (release of a SIM not quarantined…).
    public static let invalidState = IPCErrorCode("invalid_state")
    /// Limits out of range or out of order (per_hour ≤ per_day ≤ per_month).
    public static let invalidLimits = IPCErrorCode("invalid_limits")
}
