/// What `smsgw-ingressd` answers on its control socket `<runtime>/ingressd.sock`
/// (docs/ingressd.md, "Control socket"): its health, for smsgw-watchdogd.
public enum IngressdProtocol: IPCProtocol {
    public enum Request: Codable, Sendable, Hashable {
        case health
        /// Read the configuration file again, as SIGHUP does, and say what was applied.
        case reload
    }

    public enum Response: Codable, Sendable, Hashable {
        case health(IngressdHealth)
        case reload(ReloadReport)
    }

    /// ingressd publishes no events on this socket; the type keeps the protocol's shape.
    public enum Event: Codable, Sendable, Hashable {
        case none
    }
}

/// `health`: whether ingress accepts (its group committer runs, the store takes a write), which
/// listeners are up, and the counters smsgw-watchdogd checks for progress (`daemon.progress`:
/// messages accepted plus outbox entries delivered since start).
public struct IngressdHealth: Codable, Sendable, Hashable {
    public var daemon: DaemonHealth
    /// The group committer takes submits (not stopped or shutting down).
    public var accepting: Bool
    /// The store answered a read of the outbox just now.
    public var storeWritable: Bool
    /// Listeners bound: `smpp 0.0.0.0:2775`, `http 0.0.0.0:8080`.
    public var listeners: [String]
    /// Messages accepted durably since start.
    public var accepted: Int
    /// Upstream outbox entries waiting (DLRs, inbound) and those delivered since start.
    public var outboxPending: Int
    public var outboxDelivered: Int

    public init(daemon: DaemonHealth, accepting: Bool, storeWritable: Bool, listeners: [String], accepted: Int,
                outboxPending: Int, outboxDelivered: Int) {
        self.daemon = daemon
        self.accepting = accepting
        self.storeWritable = storeWritable
        self.listeners = listeners
        self.accepted = accepted
        self.outboxPending = outboxPending
        self.outboxDelivered = outboxDelivered
    }
}
