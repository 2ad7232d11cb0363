import GatewayCore
import Testing
@testable import GatewayStore

@Suite("Store attempts")
struct AttemptTests {
    // Each test gets a new instance: a new file with an accepted 2-part message, a modem and a SIM.
    let temporary: TemporaryDatabase
    let db: GatewayDatabase
    let id: Int64, modem: Int64, sim: Int64

    init() throws {
        temporary = try TemporaryDatabase()
        db = try temporary.open()
        (modem, sim) = try Fixtures.modemAndSim(db)
        id = try db.accept([Fixtures.message(parts: 2)], now: .testStart)[0]
    }

    @Test("begin (charging the SIM per part), then each part's TP-MR: the message is sent when the last part is")
    func sentPath() throws {
        let attempt = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        #expect(try db.state(of: id) == .sending)
        #expect(try db.simCounts(simID: sim, period: .hour, windows: Fixtures.windows).sent == 2, "charged in the begin's commit")
        #expect(try db.pickSendable(now: .testStart, limit: 10).isEmpty)  // sending is not picked again
        let parts = try db.connection.query("SELECT id FROM message_parts WHERE message_id = ? ORDER BY seq", id) { $0.int64(0) }
        #expect(try db.markPartSent(partID: parts[0], messageReference: 41, now: .testStart) == false)
        #expect(try db.state(of: id) == .sending)
        #expect(try db.markPartSent(partID: parts[1], messageReference: 42, now: .testStart) == true)
        #expect(try db.state(of: id) == .sent)
        #expect(try db.connection.queryFirst("SELECT outcome FROM attempts WHERE id = ?", attempt) { $0.text(0) } == "sent")
        #expect(try db.history(of: id).map(\.state) == [.accepted, .queued, .sending, .sent])
        // A second +CMGS for the same part is not a valid transition.
        #expect(throws: StoreError.self) { try db.markPartSent(partID: parts[1], messageReference: 42, now: .testStart) }
    }

    @Test("an attempt can only start on a queued message: a second begin is refused alone and charges nothing")
    func onlyQueued() throws {
        let other = try db.accept([Fixtures.message(to: "+31612345679")], now: .testStart)[0]
        try Fixtures.begin(db, message: id, modem: modem, sim: sim)
        let starts = [id, other].map { GatewayDatabase.AttemptStart(messageID: $0, modemID: modem, simID: sim, windows: Fixtures.windows) }
        let results = try db.recordSentAndBegin([], begin: starts, now: .testStart)
        #expect(throws: StoreError.self) { try results[0].get() }
        #expect((try? results[1].get()) != nil, "the other message of the turn still begins")
        #expect(try db.connection.queryFirst("SELECT count(*) FROM attempts WHERE message_id = ?", id) { $0.int(0) } == 1)
        #expect(try db.simCounts(simID: sim, period: .day, windows: Fixtures.windows).sent == 3, "2 parts, then 1; nothing for the refused begin")
    }

    @Test("a refused attempt with retry puts the message back in the queue with the parts left")
    func failWithRetry() throws {
        let attempt = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        let first = try #require(try db.connection.queryFirst("SELECT id FROM message_parts WHERE message_id = ? AND seq = 1", id) { $0.int64(0) })
        try db.markPartSent(partID: first, messageReference: 7, now: .testStart)
        try db.failAttempt(attempt, errorCode: 500, detail: "+CMS ERROR", retry: true, now: .testStart)
        #expect(try db.state(of: id) == .queued)
        let picked = try db.pickSendable(now: .testStart, limit: 1)
        #expect(picked.first?.parts.map(\.seq) == [2])  // part 1 already went out
        #expect(try db.history(of: id).last?.detail == "+CMS ERROR (error 500)")
    }

    @Test("a refused attempt without retry fails the message")
    func failFinal() throws {
        let attempt = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        try db.failAttempt(attempt, errorCode: 38, detail: "network out of order", retry: false, now: .testStart)
        #expect(try db.state(of: id) == .failed)
        #expect(try db.connection.query("SELECT state FROM message_parts WHERE message_id = ?", id) { $0.text(0) } == ["failed", "failed"])
    }

    @Test("attempts in flight at restart become unknown, are visible, and are not picked")
    func restartRecovery() throws {
        let attempt = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        #expect(try db.markInFlightAttemptsUnknown(now: .testStart + .seconds(5)) == [attempt])
        #expect(try db.markInFlightAttemptsUnknown(now: .testStart + .seconds(6)).isEmpty)
        #expect(try db.state(of: id) == .unknown)
        #expect(try db.pickSendable(now: .testStart + .seconds(6), limit: 10).isEmpty)
        #expect(try db.connection.queryFirst("SELECT outcome FROM attempts WHERE id = ?", attempt) { $0.text(0) } == "unknown")
        try db.requeueUnknown(id, now: .testStart + .seconds(7))
        #expect(try db.pickSendable(now: .testStart + .seconds(7), limit: 10).first?.parts.count == 2)
    }

    @Test("marking an attempt unknown twice is refused: it is no longer in flight")
    func unknownOnce() throws {
        let attempt = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        try db.markAttemptUnknown(attempt, detail: "modem hung after AT+CMGS", now: .testStart)
        #expect(throws: StoreError.self) { try db.markAttemptUnknown(attempt, detail: "again", now: .testStart) }
    }
}
