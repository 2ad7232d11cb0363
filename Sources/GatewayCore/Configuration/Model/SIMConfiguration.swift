/// One `[[sims]]` entry: a SIM in a modem's slot, the groups it serves, and its limits.
public struct SIMConfiguration: Sendable, Equatable {
    public var id: String
    public var enabled: Bool
    /// The id of the modem that holds it.
    public var modem: String
    /// Slot index on that modem, 0 ..< modem.slots.
    public var slot: Int
    /// SIM groups (routing targets) this SIM sends for.
    public var groups: [String]
    public var limits: SIMLimits
    /// `balance_ussd` / `balance_interval` set on the SIM itself (nil: its group's; a code
    /// of "": no check for this SIM).
    public var balanceCode: String?
    public var balanceInterval: Duration?

    /// The balance check in force for this SIM, given the group whose policy it follows.
    public func balanceCheck(group: SIMGroup) -> BalanceCheck {
        let code = balanceCode.map { $0.isEmpty ? nil : $0 } ?? group.balance.code
        return BalanceCheck(code: code, interval: balanceInterval ?? group.balance.interval)
    }

    public init(id: String, enabled: Bool = true, modem: String, slot: Int, groups: [String], limits: SIMLimits,
                balanceCode: String? = nil, balanceInterval: Duration? = nil) {
        self.balanceCode = balanceCode
        self.balanceInterval = balanceInterval
        self.id = id
        self.enabled = enabled
        self.modem = modem
        self.slot = slot
        self.groups = groups
        self.limits = limits
    }
}

/// How much one SIM may send, so operators do not block it: counts per rolling hour, day and
/// month, and the least time between two messages.
public struct SIMLimits: Sendable, Equatable {
    public var perHour: Int
    public var perDay: Int
    public var perMonth: Int
    public var cooldown: Duration

    public init(perHour: Int, perDay: Int, perMonth: Int, cooldown: Duration) {
        self.perHour = perHour
        self.perDay = perDay
        self.perMonth = perMonth
        self.cooldown = cooldown
    }
}

/// `[sim_defaults]`: the limits of every SIM that does not set its own.
public typealias SIMDefaults = SIMLimits

/// One `[[sim_groups]]` entry: a named set of SIMs that routes target.
public struct SIMGroup: Sendable, Equatable {
    public enum Strategy: String, Sendable, CaseIterable {
        /// The SIM with the most room under its limits sends next.
        case leastLoaded = "least-loaded"
        /// SIMs take turns in file order.
        case roundRobin = "round-robin"
    }

    public var id: String
    public var strategy: Strategy
    /// How smsgw-simd rotates the group's SIMs.
    public var rotation: SIMRotationPolicy
    /// The group's USSD balance check (`balance_ussd`, `balance_interval`).
    public var balance: BalanceCheck

    public init(id: String, strategy: Strategy = ConfigurationDefaults.simGroupStrategy,
                rotation: SIMRotationPolicy = ConfigurationDefaults.simRotation, balance: BalanceCheck = BalanceCheck()) {
        self.balance = balance
        self.id = id
        self.strategy = strategy
        self.rotation = rotation
    }
}
