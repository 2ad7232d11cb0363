import GatewayCore

/// One row of `sim_stints` (migration 11): the thresholds drawn for a SIM's stint on air.
public struct SimStintRecord: Sendable, Hashable {
    public var sim: String
    public var since: Timestamp
    /// `rotate_after_messages` as drawn (nil: never by count).
    public var messageLimit: Int?
    /// `rotate_after` as drawn (nil: never by time).
    public var duration: Duration?

    public init(sim: String, since: Timestamp, messageLimit: Int?, duration: Duration?) {
        self.sim = sim
        self.since = since
        self.messageLimit = messageLimit
        self.duration = duration
    }
}

/// One row of `sim_balances` (migration 11): a SIM's latest USSD balance check.
public struct SimBalanceRecord: Sendable, Hashable, Codable {
    public var sim: String
    /// The network's answer, decoded (nil: no check succeeded yet).
    public var text: String?
    /// The amount found in `text`, as decimal text ("12.50"); nil when none was found.
    public var amount: String?
    /// When the latest successful check answered.
    public var checkedAt: Timestamp?
    /// When the latest check (successful or not) began.
    public var attemptedAt: Timestamp
    /// Why the latest check failed (nil: it succeeded).
    public var error: String?

    public init(sim: String, text: String?, amount: String?, checkedAt: Timestamp?, attemptedAt: Timestamp, error: String?) {
        self.sim = sim
        self.text = text
        self.amount = amount
        self.checkedAt = checkedAt
        self.attemptedAt = attemptedAt
        self.error = error
    }
}
