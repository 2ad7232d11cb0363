/// One `[[accounts]]` entry: an upstream platform that submits messages over SMPP, HTTP or
/// both. Secrets are stored hashed only.
public struct UpstreamAccount: Sendable, Equatable {
    public var id: String
    public var enabled: Bool
    /// Messages per second accepted from this account, all binds and requests together.
    public var throughput: Int
    /// Simultaneous SMPP binds allowed.
    public var maxBinds: Int
    /// Unanswered submits one SMPP bind may have in flight; beyond it ESME_RMSGQFUL (§2.6).
    public var window: Int = ConfigurationDefaults.accountWindow
    public var allowedClasses: [MessageClass]
    /// The class of a message that does not say.
    public var defaultClass: MessageClass
    public var smpp: SMPPCredentials?
    public var http: HTTPCredentials?

    public init(
        id: String, enabled: Bool = true, throughput: Int, maxBinds: Int, allowedClasses: [MessageClass],
        defaultClass: MessageClass, smpp: SMPPCredentials?, http: HTTPCredentials?
    ) {
        self.id = id
        self.enabled = enabled
        self.throughput = throughput
        self.maxBinds = maxBinds
        self.allowedClasses = allowedClasses
        self.defaultClass = defaultClass
        self.smpp = smpp
        self.http = http
    }
}

/// `[accounts.smpp]`: the bind credentials (SMPP 3.4 §4.1: system_id at most 15 characters).
public struct SMPPCredentials: Sendable, Equatable {
    public var systemID: String
    public var password: PasswordHash

    public init(systemID: String, password: PasswordHash) {
        self.systemID = systemID
        self.password = password
    }

    /// SMPP 3.4 §4.1.1: system_id is a C-Octet String of at most 16 octets with its NUL.
    public static let maxSystemIDLength = 15
}

/// `[accounts.http]`: API keys (header `Authorization: Bearer …`) and an optional Kannel-style
/// sendsms user and password.
public struct HTTPCredentials: Sendable, Equatable {
    public var apiKeys: [APIKeyHash]
    public var user: String?
    public var password: PasswordHash?

    public init(apiKeys: [APIKeyHash], user: String? = nil, password: PasswordHash? = nil) {
        self.apiKeys = apiKeys
        self.user = user
        self.password = password
    }
}
