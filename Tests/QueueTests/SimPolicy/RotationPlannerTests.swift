import GatewayCore
import QueueCore
import SimPolicy
import Testing

/// simd's planner: which SIM of a modem goes on air, and why the one on air leaves.
@Suite("SimPolicy: rotation planner")
struct RotationPlannerTests {
    /// 2026-03-01T12:00:00Z, a Sunday; the box runs on UTC.
    static let now = Timestamp(secondsSince1970: 1_772_366_400)
    static let planner = RotationPlanner(calendar: .utc)
    static let limits = SIMLimits(perHour: 10, perDay: 5, perMonth: 100, cooldown: .seconds(1))

    static func sim(_ id: String, slot: Int, state: SimRotationState = .standby, day: Int = 0, until: Timestamp? = nil,
                    rotatedAt: Timestamp? = nil, policy: SIMRotationPolicy = ConfigurationDefaults.simRotation,
                    unique: Int = 0) -> SlotSIM {
        SlotSIM(sim: id, slot: slot, state: state, coolingUntil: until, lastRotationAt: rotatedAt, limits: limits,
                policy: policy, counts: WindowCounts(hour: day, day: day, month: day), uniqueRecipients: unique)
    }

    @Test("a SIM with room stays on air")
    func staysWithRoom() {
        let sims = [Self.sim("a", slot: 0, state: .active, day: 4), Self.sim("b", slot: 1)]
        #expect(Self.planner.decide(sims: sims, onAir: 0, stint: nil, now: Self.now) == .stay)
    }

    @Test("at its daily limit the SIM leaves until local midnight; the other slot goes on air")
    func fullSIMRotates() throws {
        let sims = [Self.sim("a", slot: 0, state: .active, day: 5), Self.sim("b", slot: 1, day: 1)]
        let midnight = Timestamp(secondsSince1970: 1_772_366_400 + 12 * 3600)
        let decision = Self.planner.decide(sims: sims, onAir: 0, stint: nil, now: Self.now)
        #expect(decision == .switchTo(slot: 1, sim: "b", leaving: .limitReached(.day, resetsAt: midnight)))
        // Leaving for a limit: cooling until the window resets, whatever the rotation cool-down.
        let off = OffAirReason.limitReached(.day, resetsAt: midnight).stateOffAir(now: Self.now, policy: ConfigurationDefaults.simRotation)
        #expect(off.state == .cooling && off.until == midnight)
    }

    @Test("full for the hour and the day: it rests until the day's reset, the later one")
    func longestFullWindowWins() {
        var sim = Self.sim("a", slot: 0, state: .active, day: 5)
        sim.counts.hour = 10
        let midnight = Timestamp(secondsSince1970: 1_772_366_400 + 12 * 3600)
        #expect(Self.planner.offAirReason(sim, now: Self.now) == .limitReached(.day, resetsAt: midnight))
    }

    @Test("every SIM full: the modem idles (queued holds its work), nothing fails")
    func allFullIdles() {
        let sims = [Self.sim("a", slot: 0, state: .active, day: 5), Self.sim("b", slot: 1, day: 5)]
        guard case .idle(let leaving) = Self.planner.decide(sims: sims, onAir: 0, stint: nil, now: Self.now),
              case .limitReached(.day, _) = leaving
        else { Issue.record("expected idle with a day limit"); return }
    }

    @Test("the stint's drawn message count rotates; with no other SIM the SIM keeps the air")
    func stintCount() {
        let stint = Stint(sim: "a", since: Self.now - .seconds(60), sent: 5, messageLimit: 5, durationLimit: nil)
        let both = [Self.sim("a", slot: 0, state: .active, day: 1), Self.sim("b", slot: 1)]
        #expect(Self.planner.decide(sims: both, onAir: 0, stint: stint, now: Self.now)
                == .switchTo(slot: 1, sim: "b", leaving: .stintMessages(5)))
        let alone = [Self.sim("a", slot: 0, state: .active, day: 1), Self.sim("b", slot: 1, state: .locked)]
        #expect(Self.planner.decide(sims: alone, onAir: 0, stint: stint, now: Self.now) == .stay)
        // One message short of the count: stays.
        var early = stint
        early.sent = 4
        #expect(Self.planner.decide(sims: both, onAir: 0, stint: early, now: Self.now) == .stay)
    }

    @Test("the stint's drawn time on air rotates at its end, not a millisecond before")
    func stintTime() {
        let both = [Self.sim("a", slot: 0, state: .active), Self.sim("b", slot: 1)]
        let stint = Stint(sim: "a", since: Self.now - .seconds(600), messageLimit: nil, durationLimit: .seconds(600))
        #expect(Self.planner.decide(sims: both, onAir: 0, stint: stint, now: Self.now)
                == .switchTo(slot: 1, sim: "b", leaving: .stintTime(.seconds(600))))
        #expect(Self.planner.decide(sims: both, onAir: 0, stint: stint, now: Self.now - .milliseconds(1)) == .stay)
    }

    @Test("cooling, locked, quarantined and missing SIMs are not chosen; cooling ends on time")
    func unavailableStates() {
        let later = Self.now + .seconds(60)
        let sims = [Self.sim("a", slot: 0, state: .active, day: 5), Self.sim("b", slot: 1, state: .cooling, until: later),
                    Self.sim("c", slot: 2, state: .locked), Self.sim("d", slot: 3, state: .quarantined),
                    Self.sim("e", slot: 4, state: .missing, until: later)]
        if case .switchTo = Self.planner.decide(sims: sims, onAir: 0, stint: nil, now: Self.now) {
            Issue.record("no SIM may go on air before \(later)")
        }
        // At `later` the cooling SIM and the missing one (tried again) qualify: b has the lower slot.
        guard case .switchTo(let slot, _, _) = Self.planner.decide(sims: sims, onAir: 0, stint: nil, now: later) else {
            Issue.record("expected a switch"); return
        }
        #expect(slot == 1)
    }

    @Test("a locked SIM on air leaves at once; a manual rotation leaves for the next SIM")
    func lockAndManual() {
        let locked = [Self.sim("a", slot: 0, state: .locked), Self.sim("b", slot: 1)]
        #expect(Self.planner.decide(sims: locked, onAir: 0, stint: nil, now: Self.now) == .switchTo(slot: 1, sim: "b", leaving: .locked))
        let free = [Self.sim("a", slot: 0, state: .active), Self.sim("b", slot: 1)]
        #expect(Self.planner.decide(sims: free, onAir: 0, stint: nil, rotate: true, now: Self.now)
                == .switchTo(slot: 1, sim: "b", leaving: .manual))
    }

    @Test("the next SIM is the one with most room, then the one rotated off longest ago")
    func choiceOrder() {
        let sims = [Self.sim("a", slot: 0, state: .locked), Self.sim("b", slot: 1, day: 3),
                    Self.sim("c", slot: 2, day: 1, rotatedAt: Self.now - .seconds(10)),
                    Self.sim("d", slot: 3, day: 1, rotatedAt: Self.now - .seconds(99))]
        #expect(Self.planner.decide(sims: sims, onAir: 0, stint: nil, now: Self.now) == .switchTo(slot: 3, sim: "d", leaving: .locked))
    }

    @Test("active hours (crossing midnight) and the unique-recipient cap keep a SIM off")
    func hoursAndUniqueRecipients() throws {
        var night = ConfigurationDefaults.simRotation
        night.activeHours = QuietHours(parsing: "22:00-06:00")
        var capped = ConfigurationDefaults.simRotation
        capped.uniqueRecipientsPerMonth = 50
        let sims = [Self.sim("a", slot: 0, state: .active, policy: night), Self.sim("b", slot: 1, policy: capped, unique: 50),
                    Self.sim("c", slot: 2, policy: capped, unique: 49)]
        // 12:00 is outside 22:00-06:00; b is at its cap; c has one recipient left.
        #expect(Self.planner.decide(sims: sims, onAir: 0, stint: nil, now: Self.now)
                == .switchTo(slot: 2, sim: "c", leaving: .outsideActiveHours))
        // At 23:00 a is inside its hours again.
        #expect(Self.planner.offAirReason(sims[0], now: Self.now + .seconds(11 * 3600)) == nil)
        let firstOfApril = Timestamp(secondsSince1970: 1_775_001_600)  // 2026-04-01T00:00Z
        #expect(Self.planner.offAirReason(sims[1], now: Self.now) == .uniqueRecipients(resetsAt: firstOfApril))
    }

    @Test("no SIM on air yet (start-up): the best one goes on air")
    func nothingOnAir() {
        let sims = [Self.sim("a", slot: 0, day: 2), Self.sim("b", slot: 1)]
        #expect(Self.planner.decide(sims: sims, onAir: nil, stint: nil, now: Self.now) == .switchTo(slot: 1, sim: "b", leaving: nil))
    }

    @Test("stint thresholds are drawn within ± jitter percent", arguments: [
        (-1.0, 45, 3240),  // the low end: 50 × 0.9, 1 h × 0.9
        (0.0, 50, 3600),   // no jitter drawn
        (1.0, 55, 3960),   // the high end
    ])
    func thresholds(jitter: Double, messages: Int, seconds: Int64) {
        var policy = ConfigurationDefaults.simRotation
        policy.rotateAfterMessages = 50
        policy.rotateAfter = .seconds(3600)
        let drawn = Stint.thresholds(policy, jitter: jitter)
        #expect(drawn.messages == messages && drawn.duration == .seconds(seconds))
        // "0" means never, whatever the jitter.
        #expect(Stint.thresholds(ConfigurationDefaults.simRotation, jitter: jitter) == (nil, nil))
    }
}
