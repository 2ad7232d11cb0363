/// What `smsgw-queued` answers on its control socket (docs/queued.md, "Control
/// socket"): the queue's status, a wake-up, pausing and resuming a modem or SIM (SIM rotation
/// uses it), cancelling a waiting message, and health for smsgw-watchdogd.
public enum QueuedProtocol: IPCProtocol {
    public enum Request: Codable, Sendable, Hashable {
        /// Depth by state and class, in flight per modem, oldest waiting age, paused modems/SIMs.
        case status
        /// Look for work now (as a wake-up datagram would).
        case wake
        /// Stop handing messages to a modem (by configuration id) until resumed.
        case pauseModem(modem: String)
        case resumeModem(modem: String)
        /// Stop choosing a SIM (by ICCID) until resumed.
        case pauseSIM(iccid: String)
        case resumeSIM(iccid: String)
        /// Cancel a message that is still waiting (`queued` or `held`).
        case cancel(messageID: Int64)
        case health
        /// smsgw-watchdogd's first rung: look at the whole queue again now, as after a restart
        /// but without one — attempts left in flight with no send behind them, held messages
        /// due, expiries, status reports — then fill the idle modems. Answered when done.
        case recover
        /// Read the configuration file again, as SIGHUP does, and say what was applied.
        case reload
    }

    public enum Response: Codable, Sendable, Hashable {
        case status(QueueStatus)
        case woken
        /// The pause set after the change.
        case paused(modems: [String], sims: [String])
        /// Whether the message was cancelled (false: it was already sending or final).
        case cancelled(messageID: Int64, done: Bool)
        case health(DaemonHealth)
        /// The full sweep `recover` asked for is done: what it found.
        case recovered(QueueRecovery)
        case reload(ReloadReport)
    }

    /// The queue publishes no events yet; the type keeps the protocol's shape.
    public enum Event: Codable, Sendable, Hashable {
        /// A message reached a state (sent, delivered, failed, unknown…).
        case messageState(messageID: Int64, state: String)
    }
}

extension IPCErrorCode {
    /// The message asked for does not exist.
    public static let unknownMessage = IPCErrorCode("unknown_message")
}
