import GatewayCore
import Testing
@testable import GatewayStore

@Suite("Store upstream outbox")
struct OutboxTests {
    @Test("enqueue, claim when due (oldest first), complete: a completed entry is not claimed again")
    func claimAndComplete() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let message = try db.accept([Fixtures.message()], now: .testStart)[0]
        let first = try db.enqueueOutbox(kind: .dlr, account: "acme", messageID: message, payload: Array("id:1".utf8), now: .testStart)
        let second = try db.enqueueOutbox(kind: .dlr, account: "acme", messageID: message, payload: [], now: .testStart + .seconds(1))
        #expect(try db.claimDueOutbox(now: .testStart, lease: .seconds(30), limit: 10).map(\.id) == [first])
        let claimed = try db.claimDueOutbox(now: .testStart + .seconds(1), lease: .seconds(30), limit: 10)
        #expect(claimed.map(\.id) == [second])  // the first is leased until +30 s
        #expect(claimed.first?.payload == [])
        try db.completeOutbox(second, now: .testStart + .seconds(2))
        let again = try db.claimDueOutbox(now: .testStart + .seconds(40), lease: .seconds(30), limit: 10)
        #expect(again.map(\.id) == [first])
        #expect(again.first?.attempts == 2)
        #expect(again.first?.payload == Array("id:1".utf8))
        #expect(throws: StoreError.self) { try db.completeOutbox(second, now: .testStart) }
    }

    @Test("retry moves the next attempt; give-up keeps the entry but never claims it")
    func retryAndGiveUp() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let message = try db.accept([Fixtures.message()], now: .testStart)[0]
        let id = try db.enqueueOutbox(kind: .dlr, account: "acme", messageID: message, payload: [1], now: .testStart)
        _ = try db.claimDueOutbox(now: .testStart, lease: .seconds(30), limit: 1)
        try db.retryOutbox(id, at: .testStart + .seconds(5), error: "connection refused")
        #expect(try db.claimDueOutbox(now: .testStart + .seconds(4), lease: .seconds(30), limit: 1).isEmpty)
        #expect(try db.claimDueOutbox(now: .testStart + .seconds(5), lease: .seconds(30), limit: 1).map(\.id) == [id])
        try db.giveUpOutbox(id, now: .testStart + .seconds(6), error: "account removed")
        #expect(try db.claimDueOutbox(now: .testStart + .seconds(3_600), lease: .seconds(30), limit: 1).isEmpty)
    }

    @Test("a DLR needs its message and an MO its inbound message (CHECK)")
    func kindNeedsReference() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        #expect(throws: SQLiteError.self) { _ = try db.enqueueOutbox(kind: .dlr, account: "acme", payload: [], now: .testStart) }
        #expect(throws: SQLiteError.self) { _ = try db.enqueueOutbox(kind: .mo, account: "acme", payload: [], now: .testStart) }
    }
}
