/// `[listeners.*]`: the three TCP listeners of smsgw-ingressd.
public struct ListenerSettings: Sendable, Equatable {
    public var smpp: Listener
    public var http: Listener
    public var admin: AdminListener
    /// `listeners.smpp.enquire_link_interval` and `inactivity_timeout`.
    public var smppTimers: SMPPSessionTimers = ConfigurationDefaults.smppTimers

    public init(smpp: Listener, http: Listener, admin: AdminListener) {
        self.smpp = smpp
        self.http = http
        self.admin = admin
    }
}

/// An address (IPv4 or IPv6 literal) and port to listen on.
public struct Listener: Sendable, Equatable {
    public var enabled: Bool
    public var address: String
    public var port: Int

    public init(enabled: Bool = true, address: String, port: Int) {
        self.enabled = enabled
        self.address = address
        self.port = port
    }
}

/// `[listeners.admin]`: the local web configuration page and its one login.
public struct AdminListener: Sendable, Equatable {
    public var listener: Listener
    public var user: String
    public var password: PasswordHash

    public init(listener: Listener, user: String, password: PasswordHash) {
        self.listener = listener
        self.user = user
        self.password = password
    }
}
