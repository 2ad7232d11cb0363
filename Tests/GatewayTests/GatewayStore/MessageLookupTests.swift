import GatewayCore
import Testing
@testable import GatewayStore

/// The HTTP API's reads (docs/ingressd.md, "HTTP API"): a message only for its own account,
/// the inbound feed by account after an id, counts for /metrics.
@Suite("Store lookups for the HTTP API")
struct MessageLookupTests {
    @Test("messageStatus: the owner sees the message and its parts; another account sees nothing")
    func messageStatus() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let id = try #require(try db.accept([Fixtures.message(parts: 2)], now: .testStart).first)
        let account = try #require(try db.connection.queryFirst("SELECT account FROM messages WHERE id = ?", id) { $0.text(0) })
        let status = try #require(try db.messageStatus(id, account: account))
        #expect(status.state == .queued)
        #expect(status.parts.map(\.sequence) == [1, 2])
        #expect(status.parts.map(\.state) == ["pending", "pending"])
        #expect(try db.messageStatus(id, account: account + "-other") == nil)
        #expect(try db.messageStatus(id + 1, account: account) == nil)
    }

    @Test("inboundFeed: complete MO of the account after since_id, oldest first, limited; counts")
    func inboundFeed() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        var ids: [Int64] = []
        for (index, account) in ["acme", "other", "acme", "acme"].enumerated() {
            let stored = try db.storeInboundPart(NewInboundPart(
                modemID: modem, simID: sim, originator: "+3161111111\(index)", concatenation: nil, pduHex: "00",
                text: "m\(index)", serviceCentreTime: .testStart, receivedAt: .testStart + .seconds(index)))
            _ = try db.forwardInbound(stored.inboundID, account: account, payload: [1], now: .testStart)
            ids.append(stored.inboundID)
        }
        #expect(try db.inboundFeed(account: "acme", sinceID: 0, limit: 10).map(\.text) == ["m0", "m2", "m3"])
        #expect(try db.inboundFeed(account: "acme", sinceID: ids[0], limit: 1).map(\.text) == ["m2"])
        #expect(try db.inboundFeed(account: "nobody", sinceID: 0, limit: 10).isEmpty)
        #expect(try db.outboxCounts() == ["mo": ["pending": 4]])
        #expect(try db.modemCounts().values.reduce(0, +) == 1)
    }
}
