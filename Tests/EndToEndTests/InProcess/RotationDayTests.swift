import GatewayCore
import GatewayStore
import Testing
@testable import QueuedDaemon
@testable import SimdDaemon

/// SIM rotation at the scale of a small box, in process: queued's and simd's loops running on
/// one manual clock (`BoxLoops`), 4 modems × 4 SIMs with a daily limit of 20 (room for 320 a
/// day), in Europe/Amsterdam.
@Suite("queue and SIM rotation across local midnight, in process", .timeLimit(.minutes(2)))
struct RotationDayTests {
    /// 12:00 in Amsterdam (CET) on 15 January; its local midnight is 23:00Z.
    static let noon = instant("2026-01-15T11:00:00Z")
    static let localMidnight = instant("2026-01-15T23:00:00Z")

    /// 340 messages: exactly 320 (the day's room) go out, every SIM at exactly 20 — every modem
    /// rotated through its four SIMs, in the log and in `sim_events` — and the other 20 wait
    /// `queued` (none fail) with every modem held paused. The box's clock then passes local
    /// midnight and the last 20 go out on the new day's room; the first day's counters stay at
    /// 20. Each count is checked against the fake modemd's ledger of what it sent, per SIM.
    @Test func sendsTheDaysRoomThenTheRestAfterLocalMidnight() async throws {
        let loops = try await BoxLoops(start: Self.noon, modems: 4, slots: 4, zone: "Europe/Amsterdam",
                                       simKeys: "per_hour = 20\nper_day = 20\nper_month = 1000")
        let sims = (1...4).flatMap { modem in (0..<4).map { LoopScratch.sim(modem: modem, slot: $0) } }
        let iccids = (1...4).flatMap { modem in (0..<4).map { FakeModemd.iccid(modem: modem, slot: $0) } }
        try loops.scratch.accept(LoopScratch.destinations(340).map {
            LoopScratch.message(to: $0, expiresAt: Self.noon + .seconds(2 * 86_400))
        }, now: Self.noon)
        let firstDay = loops.calendar.start(of: .day, containing: Self.noon)
        #expect(firstDay == instant("2026-01-14T23:00:00Z"))

        try await loops.running {
            loops.dispatcher.kick()
            try await loops.drive(until: "every SIM full, every modem idle-paused", within: .seconds(3600)) {
                let paused = await loops.dispatcher.pausedModems
                let inFlight = await loops.dispatcher.inFlight
                let cooling = try await loops.rotator.store.states().values.filter { $0.state == .cooling }.count
                let sending = try loops.count("SELECT count(*) FROM messages WHERE state = 'sending'")
                return paused == ["m1", "m2", "m3", "m4"] && inFlight.isEmpty && cooling == 16 && sending == 0
            }
            #expect(loops.clock.now() < Self.localMidnight)
            #expect(try loops.count("SELECT count(*) FROM messages WHERE state = 'sent'") == 320)
            #expect(try loops.count("SELECT count(*) FROM messages WHERE state = 'queued'") == 20)
            #expect(try loops.count("SELECT count(*) FROM messages WHERE state = 'failed'") == 0)
            #expect(try loops.sent(inDayStarting: firstDay) == Dictionary(uniqueKeysWithValues: sims.map { ($0, 20) }))
            #expect(await iccids.asyncMap { await loops.modemd.sends(onICCID: $0) } == Array(repeating: 20, count: 16))
            for sim in sims {
                #expect(try loops.scratch.database(now: loops.clock.now()).simEvents(sim).contains { $0.to == .active },
                        "\(sim) never on air")
            }
            let dayLimitEvents = try loops.count(
                "SELECT count(*) FROM sim_events WHERE to_state = 'cooling' AND reason = 'day limit reached'")
            #expect(dayLimitEvents == 16)
            for modem in 1...4 {
                #expect(loops.log.count(of: "rotation on m\(modem): ") == 3, "m\(modem) rotated through its four SIMs")
            }

            // Past local midnight: the day windows reset, the SIMs come off their rest, the rest go out.
            loops.clock.advance(to: Self.localMidnight + .seconds(5))
            try await loops.drive(until: "340 messages sent", within: .seconds(3600)) {
                try loops.count("SELECT count(*) FROM messages WHERE state = 'sent'") == 340
            }
        }
        let secondDay = loops.calendar.start(of: .day, containing: Self.localMidnight)
        let next = try loops.sent(inDayStarting: secondDay)
        #expect(next.values.reduce(0, +) == 20 && next.values.allSatisfy { $0 <= 20 }, "\(next)")
        #expect(try loops.sent(inDayStarting: firstDay).values.allSatisfy { $0 == 20 })
        #expect(await loops.modemd.ledger.count == 340, "each sent once")
        #expect(try loops.count("SELECT count(*) FROM messages WHERE state = 'failed'") == 0)
        #expect(await loops.dispatcher.pausedModems.count < 4, "no modem resumed after midnight")
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
