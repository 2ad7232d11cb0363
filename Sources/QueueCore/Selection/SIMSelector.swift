import GatewayCore

/// Chooses the SIM that sends a message within its group (`[queue]` in docs/configuration.md): only SIMs that
/// are enabled and not paused, whose modem is enabled, ready, not paused, has this SIM's slot
/// selected and nothing in flight, with room for all the message's parts under every limit
/// (counters count parts, as operators do) and the minimum gap passed.
/// Among those: the sticky SIM if the recipient got a message from it within the sticky window,
/// else the group strategy's first; SIMs in `avoid` (a retry's failed SIMs) only as a last resort.
public struct SIMSelector: Sendable {
    public var calendar: LocalCalendar
    public var stickyWindow: Duration

    public init(calendar: LocalCalendar, stickyWindow: Duration) {
        self.calendar = calendar
        self.stickyWindow = stickyWindow
    }

    /// - Parameters:
    ///   - sims: the group's SIMs (file order breaks ties).
    ///   - modems: every modem the queue knows, by id; a SIM whose modem is missing is disabled.
    ///   - parts: how many parts the message has: each one is charged to the SIM's counters.
    public func select(
        among sims: [SIMStatus], modems: [String: ModemStatus], strategy: SIMGroup.Strategy = .leastLoaded,
        sticky: StickyHint? = nil, avoid: Set<String> = [], parts: Int = 1, now: Timestamp
    ) -> SIMSelection {
        var eligible: [(order: Int, status: SIMStatus)] = []
        var ineligible: [(simID: String, reason: SIMIneligibility)] = []
        for (order, status) in sims.enumerated() {
            if let reason = ineligibility(of: status, modem: modems[status.sim.modem], parts: parts, now: now) {
                ineligible.append((status.sim.id, reason))
            } else {
                eligible.append((order, status))
            }
        }
        guard !eligible.isEmpty else {
            // The nearest to sending: by kind, then by when time alone cures it.
            let closest = ineligible.min { lhs, rhs in
                let never = Int64.max
                return (lhs.reason.rank, lhs.reason.eligibleAt?.millisecondsSince1970 ?? never)
                    < (rhs.reason.rank, rhs.reason.eligibleAt?.millisecondsSince1970 ?? never)
            }?.reason ?? .disabled
            return .wait(SIMWait(reason: closest, lookAgainAt: ineligible.compactMap(\.reason.eligibleAt).min(), ineligible: ineligible))
        }
        if let sticky, now < sticky.sentAt + stickyWindow, let status = eligible.first(where: { $0.status.sim.id == sticky.simID }) {
            return .chosen(choice(status.status, .sticky))
        }
        let preferred = eligible.filter { !avoid.contains($0.status.sim.id) }
        let pool = preferred.isEmpty ? eligible : preferred
        let ranked = pool.min { rank($0, before: $1, strategy: strategy) }
        // `pool` is not empty: `eligible` is not, and `preferred` falls back to it.
        guard let best = ranked else { return .wait(SIMWait(reason: .disabled, lookAgainAt: nil, ineligible: ineligible)) }
        return .chosen(choice(best.status, preferred.isEmpty ? .onlyAvoidedLeft : .strategy))
    }

    /// Why `status` cannot send a message of `parts` parts at `now`, or nil when it can.
    ///
    /// A window is full when the parts would take its count past the limit. A window with
    /// nothing in it yet takes any message, so one longer than the limit itself still goes
    /// (overshooting by at most that one message) instead of waiting forever.
    public func ineligibility(of status: SIMStatus, modem: ModemStatus?, parts: Int = 1, now: Timestamp) -> SIMIneligibility? {
        guard status.sim.enabled, let modem, modem.state != .disabled else { return .disabled }
        if status.paused || modem.paused { return .paused }
        guard modem.state == .ready else { return .modemNotReady(modem.state) }
        if let active = modem.activeSlot, active != status.sim.slot { return .slotNotActive }
        // The latest reset among the full windows: before it, some limit still binds.
        let full = LimitPeriod.allCases.filter { period in
            let used = status.counts[period]
            return used >= status.sim.limits[period] || (used > 0 && used + parts > status.sim.limits[period])
        }
        if let binding = full.map({ ($0, calendar.nextReset(of: $0, after: now)) }).max(by: { $0.1 < $1.1 }) {
            return .limitReached(binding.0, resetsAt: binding.1)
        }
        if modem.inFlight > 0 { return .modemBusy }
        if let until = status.pacedUntil, now < until { return .pacing(until: until) }
        return nil
    }

    /// least-loaded: the most room left under the tightest limit (as a fraction), then least
    /// recently used; round-robin: least recently used (never used first), then file order.
    private func rank(_ lhs: (order: Int, status: SIMStatus), before rhs: (order: Int, status: SIMStatus),
                      strategy: SIMGroup.Strategy) -> Bool {
        if strategy == .leastLoaded {
            let left = Self.load(lhs.status), right = Self.load(rhs.status)
            // Compare a/b < c/d as a*d < c*b (no floating point).
            if left.used * right.limit != right.used * left.limit { return left.used * right.limit < right.used * left.limit }
        }
        switch (lhs.status.lastSentAt, rhs.status.lastSentAt) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (.some(let a), .some(let b)) where a != b: return a < b
        default: return lhs.order < rhs.order
        }
    }

    /// The most used of the three windows, as used/limit.
    private static func load(_ status: SIMStatus) -> (used: Int, limit: Int) {
        LimitPeriod.allCases.map { (status.counts[$0], max(status.sim.limits[$0], 1)) }
            .max { $0.0 * $1.1 < $1.0 * $0.1 } ?? (0, 1)
    }

    private func choice(_ status: SIMStatus, _ reason: SIMChoice.Reason) -> SIMChoice {
        SIMChoice(simID: status.sim.id, modemID: status.sim.modem, slot: status.sim.slot, reason: reason)
    }
}
