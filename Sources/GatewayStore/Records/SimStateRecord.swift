import GatewayCore

/// One row of `sim_states` (migration 9): a configured SIM as `smsgw-simd` keeps it.
public struct SimStateRecord: Sendable, Hashable {
    /// The `[[sims]].id` of the configuration.
    public var sim: String
    /// The `sims` row (by ICCID) once the SIM was seen on air.
    public var simID: Int64?
    public var state: SimRotationState
    public var since: Timestamp
    public var reason: String
    /// Why it was quarantined (JSON text), nil otherwise.
    public var evidence: String?
    /// When a `cooling` (or `missing`) SIM may come back.
    public var coolingUntil: Timestamp?
    public var lastRotationAt: Timestamp?
    /// When its current stint on air began (nil: not on air).
    public var onAirSince: Timestamp?
    /// Limits set by hand (`setLimits`); nil: the configuration's.
    public var limits: ManualLimits

    public init(sim: String, simID: Int64? = nil, state: SimRotationState, since: Timestamp, reason: String,
                evidence: String? = nil, coolingUntil: Timestamp? = nil, lastRotationAt: Timestamp? = nil,
                onAirSince: Timestamp? = nil, limits: ManualLimits = ManualLimits()) {
        self.sim = sim
        self.simID = simID
        self.state = state
        self.since = since
        self.reason = reason
        self.evidence = evidence
        self.coolingUntil = coolingUntil
        self.lastRotationAt = lastRotationAt
        self.onAirSince = onAirSince
        self.limits = limits
    }
}

/// One row of `sim_events`: a state change of a SIM.
public struct SimEventRecord: Sendable, Hashable {
    public var sim: String
    public var at: Timestamp
    public var from: SimRotationState?
    public var to: SimRotationState
    public var reason: String
    public var evidence: String?
}

/// What the block detector reads about one SIM's recent sends: outcome and CMS cause.
public struct SimAttemptOutcome: Sendable, Hashable {
    public var outcome: String
    public var errorCode: Int?
    public var startedAt: Timestamp
}

/// A SIM's limits set by hand over the configuration's (nil: the configuration's).
public struct ManualLimits: Sendable, Hashable, Codable {
    public var perHour: Int?
    public var perDay: Int?
    public var perMonth: Int?

    public init(perHour: Int? = nil, perDay: Int? = nil, perMonth: Int? = nil) {
        self.perHour = perHour
        self.perDay = perDay
        self.perMonth = perMonth
    }

    /// `configured` with these applied.
    public func applied(to configured: SIMLimits) -> SIMLimits {
        SIMLimits(perHour: perHour ?? configured.perHour, perDay: perDay ?? configured.perDay,
                  perMonth: perMonth ?? configured.perMonth, cooldown: configured.cooldown)
    }
}
