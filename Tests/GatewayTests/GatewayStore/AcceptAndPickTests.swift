import GatewayCore
import Testing
@testable import GatewayStore

@Suite("Store accept and pick")
struct AcceptAndPickTests {
    @Test("a batch is accepted in one transaction: all messages, parts and history, ids in order")
    func acceptBatch() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let ids = try db.accept([Fixtures.message(parts: 3), Fixtures.message(), Fixtures.message(parts: 2)],
                                now: .testStart)
        #expect(ids.count == 3 && ids == ids.sorted())
        #expect(try db.connection.queryFirst("SELECT count(*) FROM message_parts") { $0.int(0) } == 6)
        #expect(try db.history(of: ids[0]).map(\.state) == [.accepted, .queued])
        #expect(try db.state(of: ids[0]) == .queued)
    }

    @Test("one bad message refuses the whole batch: nothing of it is stored")
    func batchIsAtomic() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        var bad = Fixtures.message()
        bad.priority = 9  // refused by the CHECK on priority
        #expect(throws: SQLiteError.self) { _ = try db.accept([Fixtures.message(), bad], now: .testStart) }
        #expect(try db.connection.queryFirst("SELECT count(*) FROM messages") { $0.int(0) } == 0)
        #expect(try db.connection.queryFirst("SELECT count(*) FROM message_events") { $0.int(0) } == 0)
    }

    @Test("a message without parts is refused before any write")
    func noParts() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        var empty = Fixtures.message()
        empty.partsHex = []
        #expect(throws: StoreError.self) { _ = try db.accept([empty], now: .testStart) }
    }

    @Test("the same upstream id twice for one account is refused")
    func duplicateUpstreamID() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        _ = try db.accept([Fixtures.message(upstreamID: "m-1")], now: .testStart)
        let error = #expect(throws: SQLiteError.self) {
            _ = try db.accept([Fixtures.message(upstreamID: "m-1")], now: .testStart)
        }
        #expect(error?.isConstraint == true)
    }

    @Test("pick order: class rank, then priority (high first), then age")
    func pickOrder() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let marketing = try db.accept([Fixtures.message(messageClass: .marketing, priority: 3)], now: .testStart)[0]
        let oldLow = try db.accept([Fixtures.message(priority: 0)], now: .testStart)[0]
        let newHigh = try db.accept([Fixtures.message(priority: 2)], now: .testStart + .seconds(1))[0]
        let newLow = try db.accept([Fixtures.message(priority: 0)], now: .testStart + .seconds(2))[0]
        let otp = try db.accept([Fixtures.message(messageClass: .otp)], now: .testStart + .seconds(3))[0]
        let picked = try db.pickSendable(now: .testStart + .seconds(10), limit: 10)
        #expect(picked.map(\.id) == [otp, newHigh, oldLow, newLow, marketing])
        #expect(try db.pickSendable(now: .testStart + .seconds(10), limit: 2).map(\.id) == [otp, newHigh])
    }

    @Test("pick carries the parts in order")
    func pickParts() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let message = Fixtures.message(parts: 3)
        _ = try db.accept([message], now: .testStart)
        let picked = try #require(try db.pickSendable(now: .testStart, limit: 1).first)
        #expect(picked.parts.map(\.seq) == [1, 2, 3])
        #expect(picked.parts.map(\.pduHex) == message.partsHex)
    }

    @Test("a scheduled message is held, not picked, until released at its time")
    func schedule() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let later = Timestamp.testStart + .seconds(600)
        let id = try db.accept([Fixtures.message(scheduleAt: later)], now: .testStart)[0]
        #expect(try db.state(of: id) == .held)
        #expect(try db.pickSendable(now: .testStart + .seconds(599), limit: 10).isEmpty)
        #expect(try db.releaseDueHeld(now: .testStart + .seconds(599), limit: 10).isEmpty)
        #expect(try db.releaseDueHeld(now: later, limit: 10) == [id])
        #expect(try db.pickSendable(now: later, limit: 10).map(\.id) == [id])
        #expect(try db.history(of: id).map(\.state) == [.accepted, .held, .queued])
    }

    @Test("an expired message is not picked and the sweep marks it expired")
    func expiry() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let end = Timestamp.testStart + .seconds(60)
        let id = try db.accept([Fixtures.message(expiresAt: end)], now: .testStart)[0]
        #expect(try db.pickSendable(now: end - .milliseconds(1), limit: 10).map(\.id) == [id])
        #expect(try db.pickSendable(now: end, limit: 10).isEmpty)  // expiry is exclusive
        #expect(try db.expireDue(now: end, limit: 10) == [id])
        #expect(try db.state(of: id) == .expired)
        #expect(try db.connection.queryFirst("SELECT state FROM message_parts WHERE message_id = ?", id) { $0.text(0) } == "failed")
    }
}
