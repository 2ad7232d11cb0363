import GatewayCore
import Testing
@testable import GatewayStore

/// Migration 9: simd's SIM states, their history, its pauses, and the per-SIM reads.
@Suite("Store: SIM rotation")
struct SimRotationStoreTests {
    @Test("a state change appends one event; rewriting the same state appends none")
    func stateChangesAreHistory() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        var record = SimStateRecord(sim: "m1-a", state: .active, since: .testStart, reason: "first on air",
                                    onAirSince: .testStart)
        #expect(try db.saveSimState(record, now: .testStart))
        record.onAirSince = .testStart + .seconds(1)  // same state, other fields: no event
        #expect(try !db.saveSimState(record, now: .testStart + .seconds(1)))
        record = SimStateRecord(sim: "m1-a", state: .quarantined, since: .testStart + .seconds(2), reason: "barred",
                                evidence: #"{"cms":[21,21,21]}"#)
        #expect(try db.saveSimState(record, now: .testStart + .seconds(2)))
        let events = try db.simEvents("m1-a")
        #expect(events.map(\.to) == [.active, .quarantined])
        #expect(events.map(\.from) == [nil, .active])
        #expect(events.last?.evidence == #"{"cms":[21,21,21]}"#)
        #expect(try db.simState("m1-a") == record)
        // History is append-only.
        #expect(throws: SQLiteError.self) { try db.connection.run("UPDATE sim_events SET reason = 'x'") }
        // Evidence must be JSON.
        record.evidence = "not json"
        #expect(throws: SQLiteError.self) { try db.saveSimState(record, now: .testStart) }
    }

    @Test("pauses are kept until resumed")
    func pauses() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        try db.recordPause(modem: "m2", reason: "rotating", now: .testStart)
        try db.recordPause(modem: "m1", reason: "rotating", now: .testStart)
        try db.recordPause(modem: "m1", reason: "again", now: .testStart)  // idempotent
        #expect(try db.simdPausedModems() == ["m1", "m2"])
        try db.recordResume(modem: "m1")
        #expect(try db.simdPausedModems() == ["m2"])
    }

    @Test("unique recipients and stint counts come from attempts by SIM; failed ones do not count")
    func attemptReads() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let destinations = ["+31600000001", "+31600000002", "+31600000001", "+31600000003"]
        let ids = try db.accept(destinations.map { Fixtures.message(to: $0) }, now: .testStart)
        var attempts: [Int64] = []
        for (offset, id) in ids.enumerated() {
            attempts.append(try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart + .seconds(Int64(offset))))
        }
        // The fourth (a new recipient) fails with CMS 21: neither a recipient nor a stint message.
        try db.failAttemptForRetry(attempts[3], errorCode: 21, detail: "permanent: rejected", retryAt: .testStart, now: .testStart)
        #expect(try db.uniqueRecipients(simID: sim, since: .testStart) == 2)
        #expect(try db.attemptCount(simID: sim, since: .testStart + .seconds(1)) == 2)
        let recent = try db.recentAttemptOutcomes(simID: sim, limit: 5)
        #expect(try db.recentAttemptOutcomes(simID: sim, since: .testStart + .seconds(4), limit: 5).isEmpty)  // it began at +3 s
        #expect(recent.map(\.errorCode) == [21])  // pending attempts are not outcomes yet
    }
}

extension SimRotationStoreTests {
    /// Unique recipients reach the SIM's attempts through `attempts_by_sim` (the DISTINCT
    /// needs a temporary B-tree over that SIM's month only, not over the table).
    @Test func uniqueRecipientsSearchByIndex() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        let plan = try QueryPlanTests.plan(db, GatewayDatabase.SimRotationSQL.uniqueRecipients)
        #expect(plan.contains { $0.hasPrefix("SEARCH a USING INDEX attempts_by_sim") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)")
    }
}
