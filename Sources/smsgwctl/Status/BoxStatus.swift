import GatewayIPC

/// What `smsgwctl status` gathers from the daemons' control sockets (docs/ipc.md): each part
/// nil when its daemon did not answer, with the reason in `unreachable`; and watchdogd's
/// recent escalations from the store.
struct BoxStatus: Codable, Equatable {
    var modems: [ModemdModemStatus]?
    var sims: SimdStatus?
    var queue: QueueStatus?
    var health: [String: DaemonHealth]
    /// Daemon → why it did not answer.
    var unreachable: [String: String]
    /// smsgw-watchdogd's newest escalations, newest first (from the store; empty: none yet).
    var escalations: [StatusEscalation] = []
    /// Why the escalation history could not be read (nil: it was, or there is no store yet).
    var escalationsError: String?
}

/// One daemon's `health` answer, the fields every daemon shares.
struct DaemonHealth: Codable, Equatable {
    var healthy: Bool
    var progress: Int
    var detail: String
}
