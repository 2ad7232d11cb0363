import GatewayCore
import Testing
@testable import GatewayStore

/// The queue's group commit (one fsync per turn): many attempts begun in one transaction, many
/// `+CMGS` answers recorded in one. Each row must keep the one-at-a-time semantics.
@Suite("Store group commit")
struct GroupCommitTests {
    let temporary: TemporaryDatabase
    let db: GatewayDatabase
    let modem: Int64, sim: Int64
    let ids: [Int64]
    static let windows = Fixtures.windows

    init() throws {
        temporary = try TemporaryDatabase()
        db = try temporary.open()
        (modem, sim) = try Fixtures.modemAndSim(db)
        // Three messages, the last in two parts: the counters must charge parts, not messages.
        ids = try db.accept([Fixtures.message(to: "+31600000001"), Fixtures.message(to: "+31600000002"),
                             Fixtures.message(to: "+31600000003", parts: 2)], now: .testStart)
    }

    func starts(_ messages: [Int64]) -> [GatewayDatabase.AttemptStart] {
        messages.map { .init(messageID: $0, modemID: modem, simID: sim, windows: Self.windows) }
    }

    @Test("a group of attempts begins in one commit: every message sending, the SIM charged per part")
    func beginGroup() throws {
        let results = try db.recordSentAndBegin([], begin: starts(ids), now: .testStart)
        let attempts = results.compactMap { try? $0.get() }
        #expect(attempts.count == 3 && Set(attempts).count == 3)
        #expect(try ids.map { try db.state(of: $0) } == [.sending, .sending, .sending])
        #expect(try db.simCounts(simID: sim, period: .day, windows: Self.windows).sent == 4)
        #expect(try db.connection.queryFirst("SELECT count(*) FROM message_parts WHERE state = 'sending'") { $0.int(0) } == 4)
    }

    @Test("a message cancelled before the group commit is left out; the others still begin")
    func cancelledInGroup() throws {
        #expect(try db.cancelWaitingMessage(ids[1], actor: .operator, reason: "test", now: .testStart))
        let results = try db.recordSentAndBegin([], begin: starts(ids), now: .testStart)
        #expect((try? results[0].get()) != nil)
        #expect(throws: StoreError.self) { try results[1].get() }
        #expect((try? results[2].get()) != nil)
        #expect(try db.state(of: ids[1]) == .cancelled)
        // Only the begun messages' parts were charged: 1 + 2.
        #expect(try db.simCounts(simID: sim, period: .day, windows: Self.windows).sent == 3)
    }

    @Test("a crash after the group commit and before the sends: after restart every attempt of the group is unknown, none is lost or picked again")
    func crashAfterGroupBegin() throws {
        let attempts = try db.recordSentAndBegin([], begin: starts(ids), now: .testStart).compactMap { try? $0.get() }
        // The process dies here: nothing went to modemd. A new process opens the same file.
        let reopened = try temporary.open(now: .testStart + .seconds(10))
        #expect(try reopened.markInFlightAttemptsUnknown(now: .testStart + .seconds(10)) == attempts)
        #expect(try ids.map { try reopened.state(of: $0) } == [.unknown, .unknown, .unknown])
        #expect(try reopened.pickSendable(now: .testStart + .seconds(11), limit: 10).isEmpty, "not resent")
        #expect(try reopened.connection.queryFirst("SELECT count(*) FROM attempts") { $0.int(0) } == 3, "one attempt each")
    }

    @Test("the answers of several sends are recorded in one commit; each message sent with its TP-MRs")
    func sentGroup() throws {
        _ = try db.recordSentAndBegin([], begin: starts(ids), now: .testStart)
        let parts = try ids.map { id in
            try db.connection.query("SELECT id FROM message_parts WHERE message_id = ? ORDER BY seq", id) { $0.int64(0) }
        }
        let finished = try db.markPartsSent([.init(partIDs: parts[0], references: [10]), .init(partIDs: parts[2], references: [11, 12])],
                                            now: .testStart + .seconds(1))
        #expect(finished == [true, true])
        #expect(try ids.map { try db.state(of: $0) } == [.sent, .sending, .sent])
        #expect(try db.connection.query("SELECT tp_mr FROM message_parts WHERE message_id = ? ORDER BY seq", ids[2]) { $0.int(0) } == [11, 12])
        #expect(try db.connection.queryFirst("SELECT count(*) FROM attempts WHERE outcome = 'sent'") { $0.int(0) } == 2)
    }

    @Test("an answer for a part no longer sending rolls the whole group back, as the single call refuses it")
    func sentGroupAllOrNothing() throws {
        _ = try db.recordSentAndBegin([], begin: starts(Array(ids.prefix(2))), now: .testStart)
        let first = try #require(try db.connection.queryFirst("SELECT id FROM message_parts WHERE message_id = ?", ids[0]) { $0.int64(0) })
        let second = try #require(try db.connection.queryFirst("SELECT id FROM message_parts WHERE message_id = ?", ids[1]) { $0.int64(0) })
        try db.markPartSent(partID: second, messageReference: 1, now: .testStart)
        #expect(throws: StoreError.self) {
            try db.markPartsSent([.init(partIDs: [first], references: [2]), .init(partIDs: [second], references: [3])], now: .testStart)
        }
        #expect(try db.state(of: ids[0]) == .sending, "rolled back")
        #expect(try db.markPartsSent([], now: .testStart).isEmpty)
    }

    @Test("one turn, one commit: the answers of the last sends and the next attempts; a bad answer rolls both back")
    func recordAndBeginTogether() throws {
        let first = try #require(try db.recordSentAndBegin([], begin: starts([ids[0]]), now: .testStart).first?.get())
        let part = try #require(try db.connection.queryFirst("SELECT id FROM message_parts WHERE attempt_id = ?", first) { $0.int64(0) })
        let results = try db.recordSentAndBegin([.init(partIDs: [part], references: [9])], begin: starts([ids[1]]), now: .testStart)
        #expect(results.count == 1 && (try? results[0].get()) != nil)
        #expect(try ids.map { try db.state(of: $0) } == [.sent, .sending, .queued])
        // The same answer again is refused: neither it nor the begin of the third message is kept.
        #expect(throws: StoreError.self) {
            _ = try db.recordSentAndBegin([.init(partIDs: [part], references: [9])], begin: starts([ids[2]]), now: .testStart)
        }
        #expect(try db.state(of: ids[2]) == .queued, "rolled back with the bad answer")
        #expect(try db.recordSentAndBegin([], begin: [], now: .testStart).isEmpty)
    }
}
