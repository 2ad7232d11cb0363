import GatewayCore
import QueueCore

/// Decides, for one modem, which of its SIMs should be on air now (docs/simd.md, "The loop"). Pure:
/// the caller passes the SIMs, the stint of the SIM on air, the box calendar and `now`.
public struct RotationPlanner: Sendable {
    public var calendar: LocalCalendar

    public init(calendar: LocalCalendar) { self.calendar = calendar }

    /// What the modem should do.
    public enum Decision: Sendable, Equatable {
        /// The SIM on air stays.
        case stay
        /// Switch to `slot` (SIM `sim`); the SIM on air (if any) leaves for `reason`.
        case switchTo(slot: Int, sim: String, leaving: OffAirReason?)
        /// No SIM of the modem may be on air: the SIM on air leaves for `reason` (nil: none
        /// was on air) and the modem waits, paused in the queue.
        case idle(leaving: OffAirReason?)
    }

    /// Why `sim` may not be on air now, or nil when it may.
    public func offAirReason(_ sim: SlotSIM, now: Timestamp) -> OffAirReason? {
        guard sim.enabled else { return .disabled }
        switch sim.state {
        case .locked: return .locked
        case .quarantined: return .quarantined
        case .missing:
            if let until = sim.coolingUntil, now < until { return .missing }
        case .cooling:
            if let until = sim.coolingUntil, now < until { return .cooling(until: until) }
        case .active, .standby: break
        }
        // The longest full window first: the SIM rests until the latest reset.
        let limits = [(LimitPeriod.month, sim.counts.month, sim.limits.perMonth), (.day, sim.counts.day, sim.limits.perDay),
                      (.hour, sim.counts.hour, sim.limits.perHour)]
        for (period, count, limit) in limits where count >= limit {
            return .limitReached(period, resetsAt: calendar.nextReset(of: period, after: now))
        }
        let cap = sim.policy.uniqueRecipientsPerMonth
        if cap > 0, sim.uniqueRecipients >= cap {
            return .uniqueRecipients(resetsAt: calendar.nextReset(of: .month, after: now))
        }
        if let hours = sim.policy.activeHours, !hours.contains(minuteOfDay: calendar.minuteOfDay(now)) {
            return .outsideActiveHours
        }
        return nil
    }

    /// The decision for a modem whose SIMs are `sims`, with `onAir` the slot it runs on (nil:
    /// unknown or none) and `stint` the SIM on air's stint; `rotate` forces a rotation.
    public func decide(sims: [SlotSIM], onAir slot: Int?, stint: Stint?, rotate: Bool = false, now: Timestamp) -> Decision {
        let current = slot.flatMap { slot in sims.first { $0.slot == slot } }
        var leaving: OffAirReason? = nil
        if let current {
            leaving = offAirReason(current, now: now)
            if leaving == nil, rotate { leaving = .manual }
            if leaving == nil, let stint, stint.sim == current.sim {
                if let limit = stint.messageLimit, stint.sent >= limit { leaving = .stintMessages(limit) }
                else if let limit = stint.durationLimit, now - limit >= stint.since { leaving = .stintTime(limit) }
            }
            if leaving == nil { return .stay }
        }
        let candidates = sims.filter { $0.slot != slot && offAirReason($0, now: now) == nil }
        guard let next = candidates.min(by: Self.better) else {
            // Nobody else may go on air: a SIM that only finished its stint keeps the air.
            if let leaving, current != nil, Self.isStintOnly(leaving) { return .stay }
            return .idle(leaving: leaving)
        }
        return .switchTo(slot: next.slot, sim: next.sim, leaving: leaving)
    }

    /// Most room under its tightest limit first; then the one rotated off longest ago (never
    /// first); then the lower slot.
    static func better(_ a: SlotSIM, _ b: SlotSIM) -> Bool {
        if a.room != b.room { return a.room > b.room }
        switch (a.lastRotationAt, b.lastRotationAt) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (.some(let x), .some(let y)) where x != y: return x < y
        default: return a.slot < b.slot
        }
    }

    static func isStintOnly(_ reason: OffAirReason) -> Bool {
        switch reason {
        case .stintMessages, .stintTime, .manual: true
        default: false
        }
    }
}


extension RotationPlanner {
    /// Every SIM but the one in `slot` that may go on air now, best first (the order a switch
    /// tries them in when one fails).
    public func candidates(_ sims: [SlotSIM], excluding slot: Int?, now: Timestamp) -> [SlotSIM] {
        sims.filter { $0.slot != slot && offAirReason($0, now: now) == nil }.sorted(by: Self.better)
    }
}
