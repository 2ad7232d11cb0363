import GatewayCore
import Testing
@testable import GatewayStore

/// The SIM counters as smsgw-queued writes them: each begun attempt charges its SIM one sent
/// message per part in the windows the caller drew (its local calendar; here a UTC box), in
/// the attempt's own commit. The windows' arithmetic is QueueCore `LocalCalendar`'s (tested there).
@Suite("Store SIM counters")
struct SimCounterTests {
    @Test("attempts add up per window; a new hour starts from zero while the day keeps counting")
    func chargedPerWindow() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let ids = try db.accept([Fixtures.message(to: "+31600000001"), Fixtures.message(to: "+31600000002", parts: 2),
                                 Fixtures.message(to: "+31600000003")], now: .testStart)
        let nextHour = SimCounterWindows(hour: .testStart + .seconds(3_600), day: Fixtures.windows.day, month: Fixtures.windows.month)
        // The windows of the day before: 2026-02-28, in February.
        let dayBefore = SimCounterWindows(hour: .testStart - .seconds(86_400), day: Fixtures.windows.day - .seconds(86_400),
                                          month: Fixtures.windows.month - .seconds(28 * 86_400))
        try Fixtures.begin(db, message: ids[0], modem: modem, sim: sim)
        try Fixtures.begin(db, message: ids[1], modem: modem, sim: sim, at: .testStart + .seconds(10))
        try Fixtures.begin(db, message: ids[2], modem: modem, sim: sim, at: .testStart + .seconds(3_600), windows: nextHour)
        #expect(try db.simCounts(simID: sim, period: .hour, windows: Fixtures.windows) == .init(sent: 3))
        #expect(try db.simCounts(simID: sim, period: .hour, windows: nextHour) == .init(sent: 1))
        #expect(try db.simCounts(simID: sim, period: .day, windows: Fixtures.windows) == .init(sent: 4))
        #expect(try db.simCounts(simID: sim, period: .month, windows: Fixtures.windows) == .init(sent: 4))
        #expect(try db.simCounts(simID: sim, period: .month, windows: dayBefore) == .init())
    }

    @Test("each SIM is charged apart")
    func chargedPerSIM() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let other = try db.upsertSim(iccid: "8931440000000000002", imsi: nil, operatorName: nil, modemID: modem, slot: 1,
                                     now: .testStart)
        let ids = try db.accept([Fixtures.message(to: "+31600000001"), Fixtures.message(to: "+31600000002", parts: 3)],
                                now: .testStart)
        try Fixtures.begin(db, message: ids[0], modem: modem, sim: sim)
        try Fixtures.begin(db, message: ids[1], modem: modem, sim: other)
        #expect(try db.simCounts(simID: sim, period: .day, windows: Fixtures.windows).sent == 1)
        #expect(try db.simCounts(simID: other, period: .day, windows: Fixtures.windows).sent == 3)
    }
}
