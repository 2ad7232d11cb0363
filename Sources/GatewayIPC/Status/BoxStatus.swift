/// The running box as its daemons' control sockets describe it (docs/ipc.md): each part nil
/// when its daemon did not answer, with the reason in `unreachable`; and watchdogd's recent
/// escalations, which `smsgwctl status` reads from the store. `smsgwctl status` prints it;
/// the web page's overview shows it.
public struct BoxStatus: Codable, Equatable, Sendable {
    public var modems: [ModemdModemStatus]?
    public var sims: SimdStatus?
    public var queue: QueueStatus?
    public var health: [String: DaemonHealth]
    /// Daemon → why it did not answer.
    public var unreachable: [String: String]
    /// smsgw-watchdogd's newest escalations, newest first (from the store; empty: none yet).
    public var escalations: [StatusEscalation] = []
    /// Why the escalation history could not be read (nil: it was, or there is no store yet).
    public var escalationsError: String?

    public init(modems: [ModemdModemStatus]? = nil, sims: SimdStatus? = nil, queue: QueueStatus? = nil,
                health: [String: DaemonHealth], unreachable: [String: String]) {
        self.modems = modems
        self.sims = sims
        self.queue = queue
        self.health = health
        self.unreachable = unreachable
    }
}

