import GatewayIPC

/// What `smsgwctl status` gathers from the daemons' control sockets (docs/ipc.md): each part
/// nil when its daemon did not answer, with the reason in `unreachable`.
struct BoxStatus: Codable, Equatable {
    var modems: [ModemdModemStatus]?
    var sims: SimdStatus?
    var queue: QueueStatus?
    var health: [String: DaemonHealth]
    /// Daemon → why it did not answer.
    var unreachable: [String: String]
}

/// One daemon's `health` answer, the fields every daemon shares.
struct DaemonHealth: Codable, Equatable {
    var healthy: Bool
    var progress: Int
    var detail: String
}
