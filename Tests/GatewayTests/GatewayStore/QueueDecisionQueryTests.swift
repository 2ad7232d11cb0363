import GatewayCore
import Testing
@testable import GatewayStore

/// The store side of QueueCore's decisions: sticky sender, holds, expiry with a reason, counted
/// attempts, and local counter windows.
@Suite("Store queue-decision queries")
struct QueueDecisionQueryTests {
    @Test("the last sender to a recipient: newest sent or in-flight attempt in the window; failed ones and others' are not")
    func lastSender() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, simA) = try Fixtures.modemAndSim(db)
        let simB = try db.upsertSim(iccid: "8931440000000000002", imsi: nil, operatorName: nil, modemID: modem, slot: 1,
                                    now: .testStart)
        #expect(try db.lastSender(to: "+31612345678", since: .testStart - .seconds(60)) == nil)
        // A sent via A at +0, B failed at +10 (not a conversation), another recipient via B at +20.
        let first = try db.accept([Fixtures.message()], now: .testStart)[0]
        let a = try Fixtures.begin(db, message: first, modem: modem, sim: simA, at: .testStart)
        let part = try #require(try db.connection.queryFirst("SELECT id FROM message_parts WHERE attempt_id = ?", a) { $0.int64(0) })
        _ = try db.markPartSent(partID: part, messageReference: 1, now: .testStart)
        let second = try db.accept([Fixtures.message()], now: .testStart)[0]
        let b = try Fixtures.begin(db, message: second, modem: modem, sim: simB, at: .testStart + .seconds(10))
        try db.failAttempt(b, errorCode: 38, detail: "network out of order", retry: false, now: .testStart + .seconds(11))
        let other = try db.accept([Fixtures.message(to: "+31699999999")], now: .testStart)[0]
        _ = try Fixtures.begin(db, message: other, modem: modem, sim: simB, at: .testStart + .seconds(20))

        let last = try #require(try db.lastSender(to: "+31612345678", since: .testStart - .seconds(60)))
        #expect(last.iccid == "8931440000000000001" && last.at == .testStart)
        // Outside the sticky window: none.
        #expect(try db.lastSender(to: "+31612345678", since: .testStart + .seconds(1)) == nil)
    }

    @Test("hold: a queued message becomes held until the given time with the reason; the held sweep releases it then")
    func hold() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let id = try db.accept([Fixtures.message(messageClass: .marketing)], now: .testStart)[0]
        let until = Timestamp.testStart + .seconds(3_600)
        #expect(try db.holdMessage(id, until: until, reason: "quiet hours", now: .testStart))
        #expect(try db.state(of: id) == .held)
        #expect(try db.history(of: id).last?.detail == "quiet hours until \(until.millisecondsSince1970)")
        #expect(try db.holdMessage(id, until: until, reason: "quiet hours", now: .testStart) == false)  // no longer queued
        #expect(try db.releaseDueHeld(now: until - .seconds(1), limit: 10).isEmpty)
        #expect(try db.releaseDueHeld(now: until, limit: 10) == [id])
        #expect(try db.state(of: id) == .queued)
    }

    @Test("expire: a waiting message expires with the reason and its parts fail; a sending one is left alone")
    func expire() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let waiting = try db.accept([Fixtures.message(parts: 2)], now: .testStart)[0]
        #expect(try db.expireMessage(waiting, reason: "validity period ends before quiet hours end", now: .testStart))
        #expect(try db.state(of: waiting) == .expired)
        #expect(try db.history(of: waiting).last?.detail == "validity period ends before quiet hours end")
        #expect(try db.connection.query("SELECT state FROM message_parts WHERE message_id = ?", waiting) { $0.text(0) } == ["failed", "failed"])
        let sending = try db.accept([Fixtures.message()], now: .testStart)[0]
        _ = try Fixtures.begin(db, message: sending, modem: modem, sim: sim, at: .testStart)
        #expect(try db.expireMessage(sending, reason: "late", now: .testStart) == false)
        #expect(try db.state(of: sending) == .sending)
    }

    @Test("counted attempts leave out those that never reached the modem")
    func countedAttempts() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let id = try db.accept([Fixtures.message()], now: .testStart)[0]
        let first = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        try db.failAttemptForRetry(first, errorCode: nil, detail: GatewayDatabase.notAttemptedPrefix + " modem not ready",
                                   retryAt: .testStart, now: .testStart)
        #expect(try db.countedAttemptCount(messageID: id) == 0)
        let second = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        try db.failAttemptForRetry(second, errorCode: 42, detail: "temporary: congestion", retryAt: .testStart, now: .testStart)
        #expect(try db.countedAttemptCount(messageID: id) == 1)
        #expect(try db.finishedAttemptCount(messageID: id) == 2)
    }

    @Test("a charged attempt counts in the windows the caller draws, not in UTC's")
    func chargedInCallerWindows() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        // Amsterdam in March (UTC+1): the local day of 2026-03-01 12:00Z began at 2026-02-28 23:00Z.
        let local = SimCounterWindows(hour: .testStart, day: .testStart - .seconds(13 * 3_600),
                                      month: .testStart - .seconds(13 * 3_600))
        let id = try db.accept([Fixtures.message(parts: 3)], now: .testStart)[0]
        try Fixtures.begin(db, message: id, modem: modem, sim: sim, windows: local)
        #expect(try db.simCounts(simID: sim, period: .day, windows: local).sent == 3)
        #expect(try db.simCounts(simID: sim, period: .day, windows: Fixtures.windows).sent == 0, "nothing in the UTC day")
        #expect(try db.simCounts(simID: sim, period: .hour, windows: Fixtures.windows).sent == 3)
    }
}
