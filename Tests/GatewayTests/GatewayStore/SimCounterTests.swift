import GatewayCore
import Testing
@testable import GatewayStore

@Suite("Store SIM counters")
struct SimCounterTests {
    /// (time, period, expected start), UTC seconds. Each pins a calendar edge.
    @Test("window starts", arguments: [
        (Int64(1_772_366_400), SimCounterPeriod.hour, Int64(1_772_366_400)),  // exactly on the hour
        (1_772_369_999, .hour, 1_772_366_400),        // last second of the hour
        (1_772_366_400, .day, 1_772_323_200),         // 2026-03-01 12:00 → 2026-03-01 00:00
        (1_772_366_400, .month, 1_772_323_200),       // 2026-03-01 is the first of its month
        (1_772_323_199, .month, 1_769_904_000),       // 2026-02-28 23:59:59 → 2026-02-01
        (951_782_400, .month, 949_363_200),           // 2000-02-29 (leap day of a /400 year) → 2000-02-01
        (1_767_225_599, .month, 1_764_547_200),       // 2025-12-31 23:59:59 → 2025-12-01 (year edge)
        (0, .month, 0),                               // the epoch
        (-1, .day, -86_400),                          // before the epoch floors down, not toward zero
    ])
    func windowStart(seconds: Int64, period: SimCounterPeriod, expected: Int64) {
        #expect(period.start(containing: Timestamp(secondsSince1970: seconds)) == Timestamp(secondsSince1970: expected))
    }

    @Test("increments add up per window; a new hour starts from zero while the day keeps counting")
    func increments() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (_, sim) = try Fixtures.modemAndSim(db)
        try db.incrementSimCounters(simID: sim, by: .init(sent: 1), windows: .utc(containing: .testStart))
        try db.incrementSimCounters(simID: sim, by: .init(sent: 2, failed: 1), windows: .utc(containing: .testStart + .seconds(10)))
        try db.incrementSimCounters(simID: sim, by: .init(sent: 1, delivered: 1), windows: .utc(containing: .testStart + .seconds(3_600)))
        #expect(try db.simCounts(simID: sim, period: .hour, windows: .utc(containing: .testStart)) == .init(sent: 3, failed: 1))
        #expect(try db.simCounts(simID: sim, period: .hour, windows: .utc(containing: .testStart + .seconds(3_600))) == .init(sent: 1, delivered: 1))
        #expect(try db.simCounts(simID: sim, period: .day, windows: .utc(containing: .testStart)) == .init(sent: 4, delivered: 1, failed: 1))
        #expect(try db.simCounts(simID: sim, period: .month, windows: .utc(containing: .testStart - .seconds(86_400))) == .init())
    }
}
