/// `[delivery]`: how smsgw-ingressd retries what goes back upstream (DLRs and MO messages in
/// the upstream outbox; docs/configuration.md, "[delivery]").
public struct DeliverySettings: Sendable, Equatable {
    /// Back-off after the first failed attempt; each later one waits twice as long.
    public var retryDelay: Duration
    /// The longest back-off between two attempts.
    public var retryDelayMax: Duration
    /// Attempts an outbox entry gets before it is given up (`dead`, kept for audits).
    public var maxAttempts: Int

    public init(retryDelay: Duration, retryDelayMax: Duration, maxAttempts: Int) {
        self.retryDelay = retryDelay
        self.retryDelayMax = retryDelayMax
        self.maxAttempts = maxAttempts
    }

    /// The wait after attempt `attempts` (1-based) failed: `retryDelay · 2^(attempts-1)`, at most
    /// `retryDelayMax`; nil once `maxAttempts` attempts were made (give up).
    public func backOff(afterAttempt attempts: Int) -> Duration? {
        guard attempts < maxAttempts else { return nil }
        return ExponentialBackoff(first: retryDelay, limit: retryDelayMax).delay(afterAttempt: attempts)
    }
}

/// `[inbound]`: which account an inbound (MO) message goes to (docs/configuration.md).
public struct InboundSettings: Sendable, Equatable {
    /// The account that gets inbound messages that are not replies; nil: they stay in the store
    /// (listed by the HTTP API) until one is configured.
    public var defaultAccount: String?
    /// An inbound message is a reply to the account whose MT was last sent to its originator
    /// from the same SIM within this time.
    public var replyWindow: Duration

    public init(defaultAccount: String?, replyWindow: Duration) {
        self.defaultAccount = defaultAccount
        self.replyWindow = replyWindow
    }
}

/// `[listeners.smpp]` session health (SMPP 3.4 §4.11 enquire_link): when we probe a quiet peer
/// and when we give up on a silent one.
public struct SMPPSessionTimers: Sendable, Equatable {
    /// We send enquire_link after this much silence from the peer.
    public var enquireLinkInterval: Duration
    /// A peer silent this long (no PDU, no answer to our enquire_link) is unbound and closed.
    public var inactivityTimeout: Duration
    /// How long an upstream-split message (UDH or SAR parts) waits for its missing parts before
    /// it is failed.
    public var assemblyTimeout: Duration

    public init(enquireLinkInterval: Duration, inactivityTimeout: Duration, assemblyTimeout: Duration = .seconds(600)) {
        self.enquireLinkInterval = enquireLinkInterval
        self.inactivityTimeout = inactivityTimeout
        self.assemblyTimeout = assemblyTimeout
    }
}

extension ConfigurationDefaults {
    public static let delivery = DeliverySettings(retryDelay: .seconds(5), retryDelayMax: .seconds(600), maxAttempts: 20)
    public static let inbound = InboundSettings(defaultAccount: nil, replyWindow: .seconds(7 * 86400))
    public static let smppTimers = SMPPSessionTimers(enquireLinkInterval: .seconds(30), inactivityTimeout: .seconds(120))
    /// `accounts[].window`: unanswered submits per bind before ESME_RMSGQFUL.
    public static let accountWindow = 50
}
