import GatewayCore

/// What the queue knows of one SIM when it chooses a sender: its configuration, whether it is
/// paused, its counts in the current hour/day/month windows, and when it last sent.
public struct SIMStatus: Sendable, Equatable {
    public var sim: SIMConfiguration
    /// Paused by the operator or by SIM rotation (`pause` on queued's control socket).
    public var paused: Bool
    /// Messages sent in the current local hour, day and month windows (`LocalCalendar`).
    public var counts: WindowCounts
    /// The end of its last send; nil when it never sent.
    public var lastSentAt: Timestamp?
    /// The gap owed after that send: `cooldown` plus the jitter drawn then (`SendPacing`).
    public var gapAfterLastSend: Duration

    public init(sim: SIMConfiguration, paused: Bool = false, counts: WindowCounts = WindowCounts(),
                lastSentAt: Timestamp? = nil, gapAfterLastSend: Duration? = nil) {
        self.sim = sim
        self.paused = paused
        self.counts = counts
        self.lastSentAt = lastSentAt
        self.gapAfterLastSend = gapAfterLastSend ?? sim.limits.cooldown
    }

    /// When the pacing gap lets it send again (nil: now).
    public var pacedUntil: Timestamp? { lastSentAt.map { $0 + gapAfterLastSend } }
}

/// Sent counts in the windows that hold "now".
public struct WindowCounts: Sendable, Hashable {
    public var hour: Int
    public var day: Int
    public var month: Int

    public init(hour: Int = 0, day: Int = 0, month: Int = 0) {
        self.hour = hour
        self.day = day
        self.month = month
    }

    public subscript(period: LimitPeriod) -> Int {
        switch period {
        case .hour: hour
        case .day: day
        case .month: month
        }
    }
}

extension SIMLimits {
    /// The limit of `period`.
    public subscript(period: LimitPeriod) -> Int {
        switch period {
        case .hour: perHour
        case .day: perDay
        case .month: perMonth
        }
    }
}

/// What the queue knows of one modem.
public struct ModemStatus: Sendable, Hashable {
    public var id: String
    public var state: ModemState
    /// Paused on queued's control socket (SIM rotation, maintenance).
    public var paused: Bool
    /// Messages handed to it whose outcome has not come back (at most one is allowed).
    public var inFlight: Int
    /// The slot whose SIM is selected now; nil for a one-slot modem or when not reported.
    public var activeSlot: Int?

    public init(id: String, state: ModemState, paused: Bool = false, inFlight: Int = 0, activeSlot: Int? = nil) {
        self.id = id
        self.state = state
        self.paused = paused
        self.inFlight = inFlight
        self.activeSlot = activeSlot
    }
}
