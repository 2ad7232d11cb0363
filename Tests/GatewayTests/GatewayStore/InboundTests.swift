import GatewayCore
import Testing
@testable import GatewayStore

@Suite("Store inbound messages")
struct InboundTests {
    private func part(_ modem: Int64, _ sim: Int64, seq: Int, of total: Int, ref: Int = 42, text: String,
                      from originator: String = "+31611111111") -> NewInboundPart {
        NewInboundPart(modemID: modem, simID: sim, originator: originator,
                       concatenation: total == 1 ? nil : .init(reference: ref, total: total, sequence: seq),
                       pduHex: "0004", text: text, serviceCentreTime: .testStart, receivedAt: .testStart + .seconds(seq))
    }

    @Test("parts arriving out of order are reassembled in sequence order; a repeat is ignored")
    func reassembly() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let third = try db.storeInboundPart(part(modem, sim, seq: 3, of: 3, text: "C"))
        #expect(third.completedText == nil && third.isNewPart)
        let repeated = try db.storeInboundPart(part(modem, sim, seq: 3, of: 3, text: "C"))
        #expect(!repeated.isNewPart && repeated.inboundID == third.inboundID)
        _ = try db.storeInboundPart(part(modem, sim, seq: 1, of: 3, text: "A"))
        #expect(try db.inboundReadyToForward(limit: 10).isEmpty)
        let last = try db.storeInboundPart(part(modem, sim, seq: 2, of: 3, text: "B"))
        #expect(last.completedText == "ABC" && last.inboundID == third.inboundID)
        #expect(try db.inboundReadyToForward(limit: 10).map(\.text) == ["ABC"])
    }

    @Test("same reference from another originator is another message; a single SMS completes at once")
    func separation() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let a = try db.storeInboundPart(part(modem, sim, seq: 1, of: 2, text: "x"))
        let b = try db.storeInboundPart(part(modem, sim, seq: 1, of: 2, text: "y", from: "+31622222222"))
        #expect(a.inboundID != b.inboundID)
        let single = try db.storeInboundPart(part(modem, sim, seq: 1, of: 1, text: "hi"))
        #expect(single.completedText == "hi")
    }

    @Test("a sequence outside 1...total is refused")
    func badSequence() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        #expect(throws: StoreError.self) { _ = try db.storeInboundPart(part(modem, sim, seq: 4, of: 3, text: "z")) }
    }

    @Test("forwarding enqueues an MO outbox entry once")
    func forward() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let single = try db.storeInboundPart(part(modem, sim, seq: 1, of: 1, text: "STOP"))
        let outbox = try db.forwardInbound(single.inboundID, account: "acme", payload: Array("STOP".utf8), now: .testStart)
        #expect(try db.inboundReadyToForward(limit: 10).isEmpty)
        #expect(try db.claimDueOutbox(now: .testStart, lease: .seconds(30), limit: 5).map(\.inboundID) == [single.inboundID])
        #expect(outbox > 0)
        #expect(throws: StoreError.self) {
            _ = try db.forwardInbound(single.inboundID, account: "acme", payload: [], now: .testStart)
        }
    }
}
