import GatewayCore
import QueueCore
import Testing

/// Choosing a SIM within a group, and explaining a wait.
@Suite("SIM selector")
struct SIMSelectorTests {
    static let now = QueueFixtures.utc("2024-07-10 12:00")
    static let selector = SIMSelector(calendar: .utc, stickyWindow: .seconds(3600))
    static let sims = [QueueFixtures.sim("a", modem: "m1"), QueueFixtures.sim("b", modem: "m2"), QueueFixtures.sim("c", modem: "m3")]
    static let readyModems = Dictionary(uniqueKeysWithValues: ["m1", "m2", "m3"].map { ($0, ModemStatus(id: $0, state: .ready)) })

    static func statuses(_ adjust: (inout [SIMStatus]) -> Void = { _ in }) -> [SIMStatus] {
        var statuses = sims.map { SIMStatus(sim: $0) }
        adjust(&statuses)
        return statuses
    }

    static func chosen(_ selection: SIMSelection) -> SIMChoice? {
        if case .chosen(let choice) = selection { return choice }
        return nil
    }

    static func wait(_ selection: SIMSelection) -> SIMWait? {
        if case .wait(let wait) = selection { return wait }
        return nil
    }

    /// Least recently used first: never-used SIMs in file order, then the oldest send.
    @Test func roundRobinIsLeastRecentlyUsed() {
        let statuses = Self.statuses {
            $0[0].lastSentAt = Self.now - .seconds(60)
            $0[1].lastSentAt = Self.now - .seconds(120)
            $0[2].lastSentAt = Self.now - .seconds(30)
        }
        let choice = Self.chosen(Self.selector.select(among: statuses, modems: Self.readyModems, strategy: .roundRobin, now: Self.now))
        #expect(choice?.simID == "b")
        #expect(choice?.reason == .strategy)
    }

    /// least-loaded: the SIM with most room under its tightest limit, even if used recently.
    @Test func leastLoadedPrefersRoom() {
        let statuses = Self.statuses {
            $0[0].counts = WindowCounts(hour: 9, day: 9, month: 9)   // 9/10 of its hour
            $0[1].counts = WindowCounts(hour: 2, day: 50, month: 50) // 1/2 of its day
            $0[2].counts = WindowCounts(hour: 1, day: 1, month: 1)   // 1/10 of its hour
            $0[2].lastSentAt = Self.now - .seconds(10)
        }
        #expect(Self.chosen(Self.selector.select(among: statuses, modems: Self.readyModems, now: Self.now))?.simID == "c")
    }

    /// Sticky: the recipient's last SIM again when it can send, within the window only.
    @Test func stickyWithinWindow() {
        let statuses = Self.statuses()
        let recent = StickyHint(simID: "c", sentAt: Self.now - .seconds(600))
        let old = StickyHint(simID: "c", sentAt: Self.now - .seconds(3600))
        let sticky = Self.chosen(Self.selector.select(among: statuses, modems: Self.readyModems, sticky: recent, now: Self.now))
        #expect(sticky?.simID == "c" && sticky?.reason == .sticky)
        // Exactly one window old: no longer sticky.
        #expect(Self.chosen(Self.selector.select(among: statuses, modems: Self.readyModems, sticky: old, now: Self.now))?.simID == "a")
    }

    /// Sticky but busy: another SIM sends, and that is fine.
    @Test func stickyFallsBackWhenIneligible() {
        var modems = Self.readyModems
        modems["m3"]?.inFlight = 1
        let choice = Self.chosen(Self.selector.select(
            among: Self.statuses(), modems: modems, sticky: StickyHint(simID: "c", sentAt: Self.now), now: Self.now))
        #expect(choice?.simID == "a" && choice?.reason == .strategy)
    }

    /// A retry passes over the SIM that failed, unless it is the only one left.
    @Test func avoidPrefersOtherSIMs() {
        let statuses = Self.statuses()
        #expect(Self.chosen(Self.selector.select(among: statuses, modems: Self.readyModems, avoid: ["a"], now: Self.now))?.simID == "b")
        let last = Self.chosen(Self.selector.select(among: statuses, modems: Self.readyModems, avoid: ["a", "b", "c"], now: Self.now))
        #expect(last?.simID == "a" && last?.reason == .onlyAvoidedLeft)
    }

    @Test(arguments: [
        // Each rule alone makes SIM "a" ineligible; the reason names it.
        ("disabled SIM", SIMIneligibility.disabled),
        ("paused SIM", .paused),
        ("paused modem", .paused),
        ("modem hung", .modemNotReady(.hung)),
        ("other slot", .slotNotActive),
        ("in flight", .modemBusy),
        ("gap", .pacing(until: QueueFixtures.utc("2024-07-10 12:00") + .seconds(3))),
        ("hour full", .limitReached(.hour, resetsAt: QueueFixtures.utc("2024-07-10 13:00"))),
        // Hour and day both full: the day's later reset binds.
        ("day full", .limitReached(.day, resetsAt: QueueFixtures.utc("2024-07-11 00:00"))),
        ("month full", .limitReached(.month, resetsAt: QueueFixtures.utc("2024-08-01 00:00"))),
        ("unknown modem", .disabled),
    ])
    func ineligibility(rule: String, expected: SIMIneligibility) {
        var status = SIMStatus(sim: Self.sims[0])
        var modem: ModemStatus? = ModemStatus(id: "m1", state: .ready)
        switch rule {
        case "disabled SIM": status.sim.enabled = false
        case "paused SIM": status.paused = true
        case "paused modem": modem?.paused = true
        case "modem hung": modem?.state = .hung
        case "other slot": modem?.activeSlot = 1
        case "in flight": modem?.inFlight = 1
        case "gap": status.lastSentAt = Self.now - .seconds(2)
        case "hour full": status.counts = WindowCounts(hour: 10, day: 10, month: 10)
        case "day full": status.counts = WindowCounts(hour: 10, day: 100, month: 100)
        case "month full": status.counts = WindowCounts(hour: 0, day: 0, month: 1000)
        default: modem = nil
        }
        #expect(Self.selector.ineligibility(of: status, modem: modem, now: Self.now) == expected)
    }

    /// Counters count parts: a 3-part message does not fit 8 of 10 sent this hour (it would make
    /// 11), a 2-part one does; an empty window takes even a message longer than its limit, or it
    /// would wait forever.
    @Test func limitsLeaveRoomForEveryPart() {
        let status = SIMStatus(sim: Self.sims[0], counts: WindowCounts(hour: 8, day: 8, month: 8))
        let modem = Self.readyModems["m1"]
        #expect(Self.selector.ineligibility(of: status, modem: modem, parts: 2, now: Self.now) == nil)
        #expect(Self.selector.ineligibility(of: status, modem: modem, parts: 3, now: Self.now)
            == .limitReached(.hour, resetsAt: QueueFixtures.utc("2024-07-10 13:00")))
        let empty = SIMStatus(sim: Self.sims[0])
        #expect(Self.selector.ineligibility(of: empty, modem: modem, parts: 12, now: Self.now) == nil)
        let chosen = Self.chosen(Self.selector.select(among: [status, SIMStatus(sim: Self.sims[1])], modems: Self.readyModems,
                                                      strategy: .roundRobin, parts: 3, now: Self.now))
        #expect(chosen?.simID == Self.sims[1].id, "the SIM without room for all three parts is passed over")
    }

    /// Pacing: cooldown plus the drawn jitter; eligible again exactly when it has passed.
    @Test func gapEndsOnTime() {
        var status = SIMStatus(sim: Self.sims[0], lastSentAt: Self.now - .seconds(7), gapAfterLastSend: .milliseconds(7_001))
        #expect(Self.selector.ineligibility(of: status, modem: Self.readyModems["m1"], now: Self.now)
            == .pacing(until: Self.now + .milliseconds(1)))
        status.gapAfterLastSend = .seconds(7)
        #expect(Self.selector.ineligibility(of: status, modem: Self.readyModems["m1"], now: Self.now) == nil)
    }

    /// Every SIM at a limit: wait (not fail) until the earliest reset; the reason says so.
    @Test func allAtLimitWaitsForEarliestReset() throws {
        let statuses = Self.statuses {
            $0[0].counts = WindowCounts(hour: 3, day: 100, month: 100) // day full: resets at midnight
            $0[1].counts = WindowCounts(hour: 10, day: 10, month: 10)  // hour full: resets at 13:00
            $0[2].counts = WindowCounts(hour: 0, day: 0, month: 1000)  // month full
        }
        let wait = try #require(Self.wait(Self.selector.select(among: statuses, modems: Self.readyModems, now: Self.now)))
        #expect(wait.lookAgainAt == QueueFixtures.utc("2024-07-10 13:00"))
        #expect(wait.reason == .limitReached(.hour, resetsAt: QueueFixtures.utc("2024-07-10 13:00")))
        #expect(wait.ineligible.map(\.simID) == ["a", "b", "c"])
    }

    /// No modem ready: wait for a modem event (no time cures it).
    @Test func noModemReadyWaitsForAnEvent() throws {
        let modems = Self.readyModems.mapValues { ModemStatus(id: $0.id, state: .initializing) }
        let wait = try #require(Self.wait(Self.selector.select(among: Self.statuses(), modems: modems, now: Self.now)))
        #expect(wait.reason == .modemNotReady(.initializing))
        #expect(wait.lookAgainAt == nil)
    }

    /// Busy beats pacing beats limits as the explanation: the nearest to sending.
    @Test func waitReasonIsTheNearest() throws {
        var modems = Self.readyModems
        modems["m1"]?.inFlight = 1
        let statuses = Self.statuses {
            $0[1].lastSentAt = Self.now
            $0[2].counts = WindowCounts(hour: 10, day: 10, month: 10)
        }
        let wait = try #require(Self.wait(Self.selector.select(among: statuses, modems: modems, now: Self.now)))
        #expect(wait.reason == .modemBusy)
        #expect(wait.lookAgainAt == Self.now + .seconds(5))
    }

    /// One message in flight per modem: two SIMs of one modem cannot both send.
    @Test func oneInFlightPerModem() {
        let slot0 = QueueFixtures.sim("x0", modem: "mx", slot: 0), slot1 = QueueFixtures.sim("x1", modem: "mx", slot: 1)
        let modems = ["mx": ModemStatus(id: "mx", state: .ready, inFlight: 1)]
        let selection = Self.selector.select(among: [SIMStatus(sim: slot0), SIMStatus(sim: slot1)], modems: modems, now: Self.now)
        #expect(Self.wait(selection)?.reason == .modemBusy)
    }

    /// A group with no SIM at all cannot send: the wait says "disabled" and never looks again
    /// (routing reports the configuration error first, see MessageRouter).
    @Test func emptyGroup() {
        let wait = Self.wait(Self.selector.select(among: [], modems: Self.readyModems, now: Self.now))
        #expect(wait?.reason == .disabled && wait?.lookAgainAt == nil)
    }
}
