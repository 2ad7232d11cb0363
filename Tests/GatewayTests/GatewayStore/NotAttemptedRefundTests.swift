import GatewayCore
import Testing
@testable import GatewayStore

/// A send that never reached a modem (modemd answered `not_attempted`, `not_ready`,
/// `queue_full`, or the call was refused before it ran) is handed back to the queue, and the
/// parts its begin charged to the SIM's hour/day/month counters are taken off again in the
/// same transaction — in the windows the begin charged, not the ones holding the hand-back's
/// time. The attempts begin as queued begins them (`recordSentAndBegin`, one commit a turn).
@Suite("Store: refund of sends that never reached a modem")
struct NotAttemptedRefundTests {
    let temporary: TemporaryDatabase
    let db: GatewayDatabase
    let modem: Int64, sim: Int64
    /// A two-part message and a one-part message.
    let long: Int64, short: Int64

    /// The box's local calendar (Europe/Amsterdam, UTC+1 in March) at `testStart`,
    /// 2026-03-01 12:00Z = 13:00 local: the store keys counters by whatever starts the caller draws.
    static let firstDay = SimCounterWindows(hour: .testStart, day: Timestamp(secondsSince1970: 1_772_319_600),
                                            month: Timestamp(secondsSince1970: 1_772_319_600))
    /// 11.5 h later, 2026-03-02 00:30 local: a new hour and day, the same month.
    static let later = Timestamp.testStart + .seconds(41_400)
    static let nextDay = SimCounterWindows(hour: Timestamp(secondsSince1970: 1_772_406_000), day: Timestamp(secondsSince1970: 1_772_406_000),
                                           month: Timestamp(secondsSince1970: 1_772_319_600))

    init() throws {
        temporary = try TemporaryDatabase()
        db = try temporary.open()
        (modem, sim) = try Fixtures.modemAndSim(db)
        let ids = try db.accept([Fixtures.message(to: "+31600000001", parts: 2), Fixtures.message(to: "+31600000002")], now: .testStart)
        (long, short) = (ids[0], ids[1])
    }

    /// Begins both messages in one turn's commit, as queued does; their attempt ids.
    func beginBoth() throws -> (long: Int64, short: Int64) {
        let results = try db.recordSentAndBegin([], begin: [long, short].map {
            .init(messageID: $0, modemID: modem, simID: sim, windows: Self.firstDay)
        }, now: .testStart)
        return (try results[0].get(), try results[1].get())
    }

    func sent(_ windows: SimCounterWindows) throws -> [SimCounterPeriod: Int] {
        var counts: [SimCounterPeriod: Int] = [:]
        for period in SimCounterPeriod.allCases { counts[period] = try db.simCounts(simID: sim, period: period, windows: windows).sent }
        return counts
    }

    @Test("handed back after midnight: the begin's windows get their parts back, the new day's are untouched")
    func refundInChargedWindows() throws {
        let attempts = try beginBoth()
        #expect(try sent(Self.firstDay) == [.hour: 3, .day: 3, .month: 3], "charged per part at the begin")

        let refunded = try db.handBackNotAttempted(attempts.long, detail: "failed on m1: switching SIM", chargedIn: Self.firstDay,
                                                   retryAt: Self.later, now: Self.later)
        #expect(refunded == 2)
        // Only the short message, which went on to the modem, still counts.
        #expect(try sent(Self.firstDay) == [.hour: 1, .day: 1, .month: 1])
        #expect(try sent(Self.nextDay) == [.hour: 0, .day: 0, .month: 1], "the new day was charged nothing and refunds nothing")
        #expect(try db.connection.queryFirst("SELECT count(*) FROM sim_counters WHERE period_start = ?",
                                             Self.nextDay.day.millisecondsSince1970) { $0.int(0) } == 0)

        // Handed back: queued again, its parts pending, the attempt failed and not counted.
        #expect(try db.state(of: long) == .queued)
        #expect(try db.connection.query("SELECT state FROM message_parts WHERE message_id = ? ORDER BY seq", long) { $0.text(0) }
            == ["pending", "pending"])
        #expect(try db.connection.queryFirst("SELECT outcome || ' ' || error_detail FROM attempts WHERE id = ?", attempts.long) { $0.text(0) }
            == "failed not attempted: failed on m1: switching SIM")
        #expect(try db.countedAttemptCount(messageID: long) == 0)
        #expect(try db.pickSendable(now: Self.later, limit: 10).map(\.id) == [long], "picked again at once")
    }

    @Test("a refund happens once: an attempt no longer in flight is refused and the counters stay")
    func refundOnce() throws {
        let attempts = try beginBoth()
        try db.handBackNotAttempted(attempts.short, detail: "not sent", chargedIn: Self.firstDay, retryAt: .testStart, now: .testStart)
        #expect(throws: StoreError.self) {
            try db.handBackNotAttempted(attempts.short, detail: "not sent", chargedIn: Self.firstDay, retryAt: .testStart, now: .testStart)
        }
        #expect(try sent(Self.firstDay) == [.hour: 2, .day: 2, .month: 2])
    }

    @Test("a failure the modem saw (temporary, counted) keeps its charge")
    func countedFailureStaysCharged() throws {
        let attempts = try beginBoth()
        try db.failAttemptForRetry(attempts.long, errorCode: 42, detail: "temporary: congestion", retryAt: Self.later, now: .testStart)
        #expect(try sent(Self.firstDay) == [.hour: 3, .day: 3, .month: 3])
        #expect(try db.state(of: long) == .queued)
        #expect(try db.countedAttemptCount(messageID: long) == 1)
    }
}
