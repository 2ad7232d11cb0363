/// The SIMs as `status` shows them.
public struct SimdStatus: Codable, Sendable, Hashable {
    public var sims: [SimdSIMStatus]
    /// Modems simd holds paused in queued (switching, or no SIM may be on air).
    public var pausedModems: [String]
    public var queuedConnected: Bool
    public var modemdConnected: Bool

    public init(sims: [SimdSIMStatus], pausedModems: [String], queuedConnected: Bool, modemdConnected: Bool) {
        self.sims = sims
        self.pausedModems = pausedModems
        self.queuedConnected = queuedConnected
        self.modemdConnected = modemdConnected
    }
}

/// One configured SIM. Times are milliseconds since 1970 UTC.
public struct SimdSIMStatus: Codable, Sendable, Hashable {
    public var sim: String
    public var modem: String
    public var slot: Int
    public var iccid: String?
    /// active, standby, cooling, quarantined, locked, missing.
    public var state: String
    public var since: Int64?
    public var reason: String
    /// Why it is quarantined (JSON object as text).
    public var evidence: String?
    public var coolingUntil: Int64?
    public var lastRotationAt: Int64?
    public var onAirSince: Int64?
    /// Sent in the box's local hour, day and month, and distinct recipients this month.
    public var sentHour: Int
    public var sentDay: Int
    public var sentMonth: Int
    public var uniqueRecipients: Int
    /// Limits in force (set by hand or configured).
    public var perHour: Int
    public var perDay: Int
    public var perMonth: Int
    /// The latest USSD balance check (nil: none configured or none run yet).
    public var balance: SimdBalance?

    public init(sim: String, modem: String, slot: Int, iccid: String?, state: String, since: Int64?, reason: String,
                evidence: String?, coolingUntil: Int64?, lastRotationAt: Int64?, onAirSince: Int64?,
                sentHour: Int, sentDay: Int, sentMonth: Int, uniqueRecipients: Int, perHour: Int, perDay: Int, perMonth: Int,
                balance: SimdBalance? = nil) {
        self.balance = balance
        self.sim = sim
        self.modem = modem
        self.slot = slot
        self.iccid = iccid
        self.state = state
        self.since = since
        self.reason = reason
        self.evidence = evidence
        self.coolingUntil = coolingUntil
        self.lastRotationAt = lastRotationAt
        self.onAirSince = onAirSince
        self.sentHour = sentHour
        self.sentDay = sentDay
        self.sentMonth = sentMonth
        self.uniqueRecipients = uniqueRecipients
        self.perHour = perHour
        self.perDay = perDay
        self.perMonth = perMonth
    }
}

/// A SIM's latest USSD balance check (3GPP TS 27.007 §7.15). Times in ms since 1970 UTC.
public struct SimdBalance: Codable, Sendable, Hashable {
    /// The network's answer (nil before the first successful check).
    public var text: String?
    /// The amount found in `text`, decimal text ("12.50"); nil when none was found.
    public var amount: String?
    /// When the latest successful check answered.
    public var checkedAt: Int64?
    /// Why the latest check failed (nil: it succeeded).
    public var error: String?

    public init(text: String?, amount: String?, checkedAt: Int64?, error: String?) {
        self.text = text
        self.amount = amount
        self.checkedAt = checkedAt
        self.error = error
    }
}

