import GatewayCore
import QueueCore

/// One configured SIM of a modem as the planner sees it: its slot, state in simd's inventory,
/// limits (the configuration's, or those set by hand), its group's rotation policy, and what
/// it sent in the box's local windows (queued writes those counters, simd reads them).
public struct SlotSIM: Sendable, Equatable {
    /// `[[sims]].id`.
    public var sim: String
    public var slot: Int
    public var enabled: Bool
    public var state: SimRotationState
    /// When a `cooling` or `missing` SIM may be tried again.
    public var coolingUntil: Timestamp?
    public var lastRotationAt: Timestamp?
    public var limits: SIMLimits
    public var policy: SIMRotationPolicy
    public var counts: WindowCounts
    /// Distinct recipients this local month.
    public var uniqueRecipients: Int

    public init(sim: String, slot: Int, enabled: Bool = true, state: SimRotationState = .standby, coolingUntil: Timestamp? = nil,
                lastRotationAt: Timestamp? = nil, limits: SIMLimits, policy: SIMRotationPolicy,
                counts: WindowCounts = WindowCounts(), uniqueRecipients: Int = 0) {
        self.sim = sim
        self.slot = slot
        self.enabled = enabled
        self.state = state
        self.coolingUntil = coolingUntil
        self.lastRotationAt = lastRotationAt
        self.limits = limits
        self.policy = policy
        self.counts = counts
        self.uniqueRecipients = uniqueRecipients
    }

    /// The least room left under its hour/day/month limits, as a share of the limit (0…1).
    var room: Double {
        let shares = [(counts.hour, limits.perHour), (counts.day, limits.perDay), (counts.month, limits.perMonth)]
            .map { Double(max(0, $1 - $0)) / Double(max(1, $1)) }
        return shares.min() ?? 0
    }
}
